// The commission schedule (PROGRAM_RULES §9): monthly accruals on the remaining backing
// of the entries a commissionable deal created, paid quarterly after a lag.
import { addDays, addMonths, fromParts, type IsoDate, parts } from './dates.ts';
import type { Ledger } from './ledger.ts';
import { toBaseOne } from './metrics.ts';
import { minorUnits, mulDivRound2, roundScaled, SCALE, type Scaled } from './money.ts';
import { type LineSeries, lineMrrOn, type SoldEntry } from './sold.ts';

export interface Accrual {
  dealId: string;
  clientId: string;
  /** The end of the month of service this accrual pays for (close date + k months, k = 1..months). */
  date: IsoDate;
  /** Remaining backing MRR the rate applies to, in the client's currency. */
  backing: Scaled;
  currency: string;
  /** rate * backing, rounded to the client currency's minor unit. */
  amount: Scaled;
  /** The amount in the program's base currency. */
  baseAmount: Scaled;
}

export interface Payout {
  /** 'YYYY-Qn' of the accruals it pays. */
  quarter: string;
  payoutDate: IsoDate;
  /** Base currency. */
  amount: Scaled;
  /** 'paid' when the payout date is on or before `on`; else an estimate. */
  status: 'paid' | 'upcoming';
  accruals: Accrual[];
}

export interface CommissionSchedule {
  on: IsoDate;
  currency: string;
  payouts: Payout[];
  paidTotal: Scaled;
  upcomingTotal: Scaled;
}

export function quarterOf(date: IsoDate): { label: string; end: IsoDate } {
  const [y, m] = parts(date);
  const q = Math.ceil(m / 3);
  const endMonth = q * 3;
  return { label: `${y}-Q${q}`, end: fromParts(y, endMonth, endMonth === 6 || endMonth === 9 ? 30 : 31) };
}

/**
 * Every accrual of the partner's commissionable deals, in deal order, to `visit`; with a
 * period, only the months of service dated in it are computed at all.
 */
function forEachAccrual(
  ledger: Ledger,
  period: { from: IsoDate; to: IsoDate } | null,
  visit: (accrual: Accrual) => void,
): void {
  const program = ledger.program;
  const { rate, months, dealTypes } = program.commission;
  const entriesByDeal = new Map<string, SoldEntry[]>();
  for (const e of ledger.entries) {
    if (e.creditedVia !== 'deal' || !dealTypes.includes(e.dealType)) continue;
    let list = entriesByDeal.get(e.dealId);
    if (!list) entriesByDeal.set(e.dealId, (list = []));
    list.push(e);
  }
  for (const [dealId, entries] of entriesByDeal) {
    const deal = ledger.deals.get(dealId);
    if (!deal?.closedOn) continue;
    // The months of service are closedOn + 1..months, in date order: a deal whose months
    // all fall outside the period computes none of them.
    if (period && (deal.closedOn >= period.to || addMonths(deal.closedOn, months) < period.from)) continue;
    const client = ledger.clients.get(deal.clientId)!;
    const minor = minorUnits(client.currency);
    const lines = entries.map((e) => lineOf(ledger, e));
    for (let k = 1; k <= months; k++) {
      const date = addMonths(deal.closedOn, k);
      if (period && date > period.to) break;
      if (period && date < period.from) continue;
      let backing = 0;
      for (const [i, e] of entries.entries()) {
        if (e.earnedOn > date) continue;
        const line = lines[i];
        // The client pays for at most the line's MRR that day, expired or not.
        backing += Math.min(backingOn(e, date), line ? lineMrrOn(line, date) : 0);
      }
      if (backing <= 0) continue;
      const amount = roundScaled(mulDivRound2(backing, rate, SCALE), minor);
      visit({
        dealId,
        clientId: deal.clientId,
        date,
        backing,
        currency: client.currency,
        amount,
        baseAmount: toBaseOne(program, date, client.currency, amount),
      });
    }
  }
}

function lineOf(ledger: Ledger, entry: SoldEntry): LineSeries | undefined {
  return ledger.linesByClient.get(entry.clientId)?.find((l) => l.product === entry.product);
}

/** entryStateOn(entry, date).backing without its object. */
function backingOn(entry: SoldEntry, date: IsoDate): Scaled {
  let backing = entry.delta;
  for (const step of entry.steps) {
    if (step.date > date) break;
    backing = step.backing;
  }
  return backing;
}

/** The commission accrued for months of service dated from `from` to `to`, in the base currency. */
export function accruedBetween(ledger: Ledger, from: IsoDate, to: IsoDate): Scaled {
  let sum = 0;
  forEachAccrual(ledger, { from, to }, (a) => {
    sum += a.baseAmount;
  });
  return sum;
}

/** The partner's commission accruals and quarterly payouts, past and estimated. */
export function commissionSchedule(ledger: Ledger, on: IsoDate): CommissionSchedule {
  const program = ledger.program;
  const { payoutLagDays } = program.commission;
  const byQuarter = new Map<string, Payout>();
  forEachAccrual(ledger, null, (accrual) => {
    const { label, end } = quarterOf(accrual.date);
    let payout = byQuarter.get(label);
    if (!payout) {
      const payoutDate = addDays(end, payoutLagDays);
      payout = {
        quarter: label,
        payoutDate,
        amount: 0,
        status: payoutDate <= on ? 'paid' : 'upcoming',
        accruals: [],
      };
      byQuarter.set(label, payout);
    }
    payout.accruals.push(accrual);
    payout.amount += accrual.baseAmount;
  });
  const payouts = [...byQuarter.values()].sort((a, b) => (a.quarter < b.quarter ? -1 : 1));
  let paidTotal = 0;
  let upcomingTotal = 0;
  for (const p of payouts) {
    p.accruals.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.dealId < b.dealId ? -1 : 1));
    if (p.status === 'paid') paidTotal += p.amount;
    else upcomingTotal += p.amount;
  }
  return { on, currency: program.baseCurrency, payouts, paidTotal, upcomingTotal };
}

/** The payout date of a quarter 'YYYY-Qn': `payoutLagDays` after the quarter's last day. */
export function payoutDateOf(quarter: string, payoutLagDays: number): IsoDate {
  const [year, q] = quarter.split('-Q').map(Number);
  return addDays(quarterOf(fromParts(year!, q! * 3, 1)).end, payoutLagDays);
}

/** A quarter named in a payment's reference ("COM-P1-2025Q3", "2025-Q3"), or null. */
export function quarterInReference(reference: string): string | null {
  const found = /(?:^|[^0-9])((?:19|20)[0-9]{2})-?Q([1-4])(?![0-9])/i.exec(reference);
  return found ? `${found[1]}-Q${found[2]}` : null;
}

/**
 * The quarter a recorded payment pays: the quarter its reference names; else the quarter of
 * the latest payout dated on or before the payment (a payment settles what was last due);
 * else null (paid before any payout was due). `payouts` are the schedule's, in any order.
 */
export function paymentQuarter(
  payment: { paidOn: IsoDate; reference: string },
  payouts: readonly { quarter: string; payoutDate: IsoDate }[],
): string | null {
  const named = quarterInReference(payment.reference);
  if (named) return named;
  let best: { quarter: string; payoutDate: IsoDate } | null = null;
  for (const p of payouts)
    if (p.payoutDate <= payment.paidOn && (!best || p.payoutDate > best.payoutDate)) best = p;
  return best?.quarter ?? null;
}
