// Commission (rules §9): the engine's schedule of quarterly payouts, past and estimated,
// for the partner's commissionable deals, and the payments recorded for the partner.
import type { Queryable } from '../../db/client.ts';
import { commissionSchedule } from '../../domain/commission.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { deriveLedger } from '../../domain/ledger.ts';
import { scaledToNumber } from '../../domain/money.ts';
import { money, scaledOf } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { commissionFacts, partnerPayments } from './repository.ts';

export async function getCommission(
  db: Queryable,
  partnerId: string,
  options: { on: IsoDate; accruals: boolean },
) {
  const program = await currentProgram(db);
  const [facts, payments] = await Promise.all([
    commissionFacts(db, partnerId, program.commission.dealTypes),
    partnerPayments(db, partnerId),
  ]);
  const schedule = commissionSchedule(deriveLedger(program, facts), options.on);
  const base = schedule.currency;
  const payout = (p: (typeof schedule.payouts)[number]) => ({
    quarter: p.quarter,
    payoutDate: p.payoutDate,
    amount: money(p.amount, base),
    status: p.status,
    deals: new Set(p.accruals.map((a) => a.dealId)).size,
    accruals: options.accruals
      ? p.accruals.map((a) => ({
          dealId: a.dealId,
          clientId: a.clientId,
          date: a.date,
          backing: money(a.backing, a.currency),
          amount: money(a.amount, a.currency),
          amountBase: money(a.baseAmount, base),
        }))
      : undefined,
  });
  return {
    on: options.on,
    rate: scaledToNumber(program.commission.rate),
    paidTotal: money(schedule.paidTotal, base),
    upcomingTotal: money(schedule.upcomingTotal, base),
    past: schedule.payouts
      .filter((p) => p.status === 'paid')
      .reverse()
      .map(payout),
    upcoming: schedule.payouts.filter((p) => p.status === 'upcoming').map(payout),
    payments: payments.map((p) => ({
      paidOn: p.paidOn,
      amount: money(scaledOf(p.amount), p.currency),
      reference: p.reference,
    })),
  };
}
