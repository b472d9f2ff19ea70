// Past commission payments of the demo: what the engine accrued for each paid quarter
// (PROGRAM_RULES §9), paid on the payout date in the partner's currency, so the
// commission view's "accrued vs paid" reconciles. A few quarters differ on purpose, as
// real payment runs do (a short payment, an overpayment): seeded, never random.
import { commissionSchedule } from '../../domain/commission.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { deriveLedger } from '../../domain/ledger.ts';
import { minorUnits, mulDivRound2, roundScaled, type Scaled } from '../../domain/money.ts';
import type { Program } from '../../domain/program.ts';
import { ruleSetOn } from '../../domain/program.ts';
import { currencyValue } from '../../domain/units.ts';
import { type Dataish, iteratePartnerFacts } from './partner-facts.ts';
import { Rng } from './random.ts';
import type { PaymentRow } from './types.ts';

/** One quarter in this many is paid off by a few percent (short or over). */
const DIFFERENT_EVERY = 8;

export function generatePayments(
  program: Program,
  dataset: Dataish,
  endDate: IsoDate,
  seed: number | string,
): PaymentRow[] {
  const currencyOf = new Map(dataset.partners.map((p) => [p.partnerId, p.currency]));
  const rng = new Rng(seed, 'payments');
  const out: PaymentRow[] = [];
  for (const facts of iteratePartnerFacts({ ...dataset, renewals: [], usage: [] })) {
    const currency = currencyOf.get(facts.partnerId)!;
    const schedule = commissionSchedule(deriveLedger(program, facts), endDate);
    for (const payout of schedule.payouts) {
      if (payout.status !== 'paid' || payout.amount <= 0) continue;
      let base: Scaled = payout.amount;
      if (rng.int(0, DIFFERENT_EVERY - 1) === 0) base = mulDivRound2(base, rng.int(0, 1) ? 105 : 97, 100);
      const amount = inCurrency(program, payout.payoutDate, base, currency);
      if (amount <= 0) continue;
      out.push({
        partnerId: facts.partnerId,
        paidOn: payout.payoutDate,
        amount,
        currency,
        reference: `COM-${facts.partnerId}-${payout.quarter.replace('-', '')}`,
      });
    }
  }
  return out;
}

/** A base-currency amount in `currency` by the table in force on `on`, rounded to its minor unit. */
function inCurrency(program: Program, on: IsoDate, base: Scaled, currency: string): Scaled {
  if (currency === program.baseCurrency) return roundScaled(base, minorUnits(currency));
  const ruleSet = ruleSetOn(program, on);
  return roundScaled(
    mulDivRound2(base, currencyValue(ruleSet, currency), currencyValue(ruleSet, program.baseCurrency)),
    minorUnits(currency),
  );
}
