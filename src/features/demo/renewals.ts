// Renewals of a client's product lines (annual terms from the date a line last started):
// the last renewal inside the history (renewed) and the next one when it falls within
// 180 days of the end date, in every status.
import type { RenewalFact, RenewalStatus } from '../../domain/facts.ts';
import type { Calendar } from './calendar.ts';
import { PRODUCTS } from './catalog.ts';
import type { Rng } from './random.ts';
import type { ClientRow } from './types.ts';

export interface RenewalContext {
  cal: Calendar;
  rng: Rng;
  /** Vendor renewal managers. */
  managers: readonly string[];
  out: RenewalFact[];
}

/** Upcoming renewals look this far ahead of the end date. */
export const RENEWAL_LOOKAHEAD_DAYS = 180;

export function addRenewals(
  ctx: RenewalContext,
  client: ClientRow,
  lineProd: readonly number[],
  lineMrr: readonly number[],
  lineOrigin: readonly number[],
  mult: number,
): void {
  const { cal, rng } = ctx;
  for (let l = 0; l < lineProd.length; l++) {
    const mrr = lineMrr[l]!;
    if (mrr === 0) continue;
    const origin = lineOrigin[l]!;
    let years = Math.max(1, Math.floor((cal.endDay - origin) / 365.25));
    let next = cal.addYears(origin, years);
    if (next <= cal.endDay) next = cal.addYears(origin, ++years);
    const previous = years > 1 ? cal.addYears(origin, years - 1) : -1;
    const product = PRODUCTS[lineProd[l]!]!;
    if (previous >= cal.startDay && previous <= cal.endDay) {
      ctx.out.push(row(ctx, client, product, previous, 'renewed', 0));
    }
    if (next > cal.endDay + RENEWAL_LOOKAHEAD_DAYS) continue;
    const soon = next <= cal.endDay + 120;
    const x = rng.next();
    const status: RenewalStatus = soon
      ? x < 0.45
        ? 'pending'
        : x < 0.75
          ? 'confirmed'
          : x < 0.9
            ? 'cancellation_requested'
            : 'renewed'
      : x < 0.7
        ? 'pending'
        : x < 0.9
          ? 'confirmed'
          : x < 0.96
            ? 'cancellation_requested'
            : 'renewed';
    let change = 0;
    if (status === 'cancellation_requested') change = -mrr;
    else if (rng.chance(0.5)) change = Math.round((mrr * rng.int(3, 8)) / 100);
    ctx.out.push(row(ctx, client, product, next, status, change * mult));
  }
}

function row(
  ctx: RenewalContext,
  client: ClientRow,
  product: string,
  day: number,
  status: RenewalStatus,
  change: number,
): RenewalFact {
  return {
    clientId: client.clientId,
    product,
    renewalDate: ctx.cal.iso(day),
    status,
    projectedMrrChange: change,
    renewalManager: ctx.rng.pick(ctx.managers),
    communicationOwner: ctx.rng.chance(0.55) ? 'Partner' : 'Vendor',
  };
}
