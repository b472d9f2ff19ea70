// Upcoming renewals and the alerts count (PROGRAM_RULES §10).
import { addDays, daysBetween, type IsoDate } from './dates.ts';
import type { RenewalFact } from './facts.ts';
import type { Program } from './program.ts';

export interface UpcomingRenewal extends RenewalFact {
  /** Renewal date minus the decision lead time. */
  decisionDeadline: IsoDate;
  daysToRenewal: number;
  awaitingDecision: boolean;
}

const AWAITING = new Set(['pending', 'cancellation_requested']);

/** Renewals dated from `on` to `on + horizonDays`, soonest first. */
export function upcomingRenewals(
  program: Program,
  renewals: readonly RenewalFact[],
  on: IsoDate,
): UpcomingRenewal[] {
  const horizonEnd = addDays(on, program.renewals.horizonDays);
  return renewals
    .filter((r) => r.renewalDate >= on && r.renewalDate <= horizonEnd)
    .map((r) => ({
      ...r,
      decisionDeadline: addDays(r.renewalDate, -program.renewals.decisionLeadDays),
      daysToRenewal: daysBetween(on, r.renewalDate),
      awaitingDecision: AWAITING.has(r.status),
    }))
    .sort((a, b) => (a.renewalDate < b.renewalDate ? -1 : a.renewalDate > b.renewalDate ? 1 : 0));
}

/**
 * Renewals still awaiting a decision (pending or cancellation requested), not yet past,
 * whose decision deadline falls within the horizon.
 */
export function renewalAlerts(program: Program, renewals: readonly RenewalFact[], on: IsoDate): number {
  const horizonEnd = addDays(on, program.renewals.horizonDays);
  let count = 0;
  for (const r of renewals) {
    if (!AWAITING.has(r.status) || r.renewalDate < on) continue;
    if (addDays(r.renewalDate, -program.renewals.decisionLeadDays) <= horizonEnd) count++;
  }
  return count;
}
