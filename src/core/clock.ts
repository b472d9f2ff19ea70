// The server's clock: the one place that reads the time. Everything else takes a Clock,
// so tests can set and advance it (session expiry, one-time links, lockouts).
import { fromParts, type IsoDate } from '../domain/dates.ts';

export interface Clock {
  now(): Date;
  /** Today's date on this machine's calendar, as YYYY-MM-DD. */
  today(): IsoDate;
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => {
    const now = new Date();
    return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
  },
};

/** A clock that stands still until moved: for tests. */
export interface ManualClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | string = '2025-08-01T09:00:00Z'): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    today: () => current.toISOString().slice(0, 10),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
