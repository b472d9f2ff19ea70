// The full commission view's figures from a schedule: every deal's accruals per month, and
// each quarter's accrued payout against the payments recorded for it (rules §9).
import { type Accrual, paymentQuarter, payoutDateOf } from '../../domain/commission.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { toBase } from '../../domain/metrics.ts';
import type { Scaled } from '../../domain/money.ts';
import type { Program } from '../../domain/program.ts';
import { money, scaledOf } from '../portal/json.ts';
import type { PaymentRow } from './repository.ts';

export interface ViewPayout {
  quarter: string;
  payoutDate: IsoDate;
  amount: Scaled;
  status: 'paid' | 'upcoming';
  accruals?: Accrual[];
}

/** Each recorded payment in the base currency and the quarter it pays. */
export function matchedPayments(program: Program, payments: PaymentRow[], payouts: readonly ViewPayout[]) {
  return payments.map((p) => {
    const amount = scaledOf(p.amount);
    return {
      paidOn: p.paidOn,
      reference: p.reference,
      amount: money(amount, p.currency),
      base: toBase(program, p.paidOn, new Map([[p.currency, amount]])),
      quarter: paymentQuarter(p, payouts),
    };
  });
}

/**
 * Every quarter with a payout or a payment, oldest first: accrued, paid and their
 * difference (paid − accrued; null while a quarter is upcoming and nothing was paid for it).
 */
export function reconcile(
  program: Program,
  on: IsoDate,
  payouts: readonly ViewPayout[],
  payments: ReturnType<typeof matchedPayments>,
  status: 'paid' | 'upcoming' | undefined,
) {
  const base = program.baseCurrency;
  const quarters = new Map<
    string,
    { payoutDate: IsoDate; status: 'paid' | 'upcoming'; accrued: Scaled; paid: Scaled; refs: string[] }
  >();
  for (const p of payouts)
    quarters.set(p.quarter, {
      payoutDate: p.payoutDate,
      status: p.status,
      accrued: p.amount,
      paid: 0,
      refs: [],
    });
  for (const payment of payments) {
    if (payment.quarter === null) continue;
    let q = quarters.get(payment.quarter);
    if (!q) {
      // Paid for a quarter that accrued nothing: all of it is a difference.
      const payoutDate = payoutDateOf(payment.quarter, program.commission.payoutLagDays);
      q = { payoutDate, status: payoutDate <= on ? 'paid' : 'upcoming', accrued: 0, paid: 0, refs: [] };
      quarters.set(payment.quarter, q);
    }
    q.paid += payment.base;
    q.refs.push(payment.reference);
  }
  const shown = [...quarters.entries()]
    .filter(([, q]) => status === undefined || q.status === status)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  // The page's four figures, summed here in exact units (not from the rounded amounts).
  const totals = { accrued: 0, paid: 0, difference: 0, upcoming: 0 };
  for (const [, q] of shown) {
    if (q.status === 'paid') totals.accrued += q.accrued;
    else totals.upcoming += q.accrued;
    totals.paid += q.paid;
    if (hasDifference(q)) totals.difference += q.paid - q.accrued;
  }
  return {
    quarters: shown.map(([quarter, q]) => ({
      quarter,
      payoutDate: q.payoutDate,
      status: q.status,
      accrued: money(q.accrued, base),
      paid: money(q.paid, base),
      difference: hasDifference(q) ? money(q.paid - q.accrued, base) : null,
      payments: q.refs.sort(),
    })),
    totals: {
      accrued: money(totals.accrued, base),
      paid: money(totals.paid, base),
      difference: money(totals.difference, base),
      upcoming: money(totals.upcoming, base),
    },
  };
}

/** A paid quarter, or one something was paid for already, has a difference. */
const hasDifference = (q: { status: 'paid' | 'upcoming'; refs: string[] }) =>
  q.status === 'paid' || q.refs.length > 0;

/** Every deal of the payouts' accruals with its months of service, oldest first; deals in id order. */
export function dealAccruals(
  program: Program,
  payouts: readonly ViewPayout[],
  clientNames: ReadonlyMap<string, string>,
) {
  const base = program.baseCurrency;
  const deals = new Map<string, { clientId: string; total: Scaled; accruals: Accrual[] }>();
  for (const p of payouts)
    for (const a of p.accruals ?? []) {
      let deal = deals.get(a.dealId);
      if (!deal) deals.set(a.dealId, (deal = { clientId: a.clientId, total: 0, accruals: [] }));
      deal.total += a.baseAmount;
      deal.accruals.push(a);
    }
  return [...deals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dealId, d]) => ({
      dealId,
      clientId: d.clientId,
      clientName: clientNames.get(d.clientId) ?? '',
      total: money(d.total, base),
      accruals: d.accruals
        .sort((x, y) => (x.date < y.date ? -1 : 1))
        .map((a) => ({
          date: a.date,
          backing: money(a.backing, a.currency),
          amount: money(a.amount, a.currency),
          amountBase: money(a.baseAmount, base),
        })),
    }));
}
