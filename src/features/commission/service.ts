// Commission (rules §9): the engine's schedule of quarterly payouts, past and estimated,
// for the partner's commissionable deals, and the payments recorded for the partner.
import type { Queryable } from '../../db/client.ts';
import { type Accrual, commissionSchedule } from '../../domain/commission.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { deriveLedger } from '../../domain/ledger.ts';
import { type Scaled, scaledToNumber } from '../../domain/money.ts';
import type { Program } from '../../domain/program.ts';
import { money } from '../portal/json.ts';
import { latestProgramVersion, programOfVersion } from '../portal/program.ts';
import { commissionFacts, derivedStateVersion, partnerPayments } from './repository.ts';
import { dealAccruals, matchedPayments, reconcile } from './view.ts';

interface PayoutSummary {
  quarter: string;
  payoutDate: IsoDate;
  amount: Scaled;
  status: 'paid' | 'upcoming';
  deals: number;
  /** Only when asked for (they are most of a large schedule's size). */
  accruals?: Accrual[];
}

interface ScheduleSummary {
  currency: string;
  paidTotal: Scaled;
  upcomingTotal: Scaled;
  payouts: PayoutSummary[];
  clientNames: Map<string, string>;
}

function summarize(
  program: Program,
  facts: Awaited<ReturnType<typeof commissionFacts>>,
  on: IsoDate,
  accruals: boolean,
): ScheduleSummary {
  const schedule = commissionSchedule(deriveLedger(program, facts), on);
  return {
    currency: schedule.currency,
    paidTotal: schedule.paidTotal,
    upcomingTotal: schedule.upcomingTotal,
    payouts: schedule.payouts.map((p) => ({
      quarter: p.quarter,
      payoutDate: p.payoutDate,
      amount: p.amount,
      status: p.status,
      deals: new Set(p.accruals.map((a) => a.dealId)).size,
      ...(accruals ? { accruals: p.accruals } : {}),
    })),
    clientNames: new Map(facts.clients.map((c) => [c.clientId, c.name ?? ''])),
  };
}

/**
 * Schedules of recent requests (without accruals), keyed by the partner's derived-state
 * version, the program version and the day: those fix the schedule, and a large partner's
 * takes about a second to derive. Nothing here another instance needs: each derives its own.
 */
const recent = new Map<string, ScheduleSummary>();
const RECENT_MAX = 100;

async function scheduleFor(db: Queryable, partnerId: string, on: IsoDate, accruals: boolean) {
  const [stateVersion, programVersion] = await Promise.all([
    derivedStateVersion(db, partnerId),
    latestProgramVersion(db),
  ]);
  const program = await programOfVersion(db, programVersion);
  const key = stateVersion === null ? null : [partnerId, on, stateVersion, programVersion].join('\u0000');
  const hit = key !== null && !accruals ? recent.get(key) : undefined;
  if (hit) return { program, schedule: hit };
  const facts = await commissionFacts(db, partnerId, program.commission.dealTypes);
  const schedule = summarize(program, facts, on, accruals);
  if (key !== null && !accruals) {
    recent.delete(key);
    recent.set(key, schedule);
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  }
  return { program, schedule };
}

export interface CommissionOptions {
  on: IsoDate;
  accruals: boolean;
  /** Only the payouts paid, or only the estimates. */
  status?: 'paid' | 'upcoming' | undefined;
  /** Only this client's deals and accruals. */
  client?: string | undefined;
}

export async function getCommission(db: Queryable, partnerId: string, options: CommissionOptions) {
  const [{ program, schedule }, paymentRows] = await Promise.all([
    scheduleFor(db, partnerId, options.on, options.accruals),
    partnerPayments(db, partnerId),
  ]);
  const base = schedule.currency;
  const { status, client } = options;
  const payouts = schedule.payouts
    .filter((p) => status === undefined || p.status === status)
    .map((p) =>
      client === undefined || !p.accruals
        ? p
        : { ...p, accruals: p.accruals.filter((a) => a.clientId === client) },
    );
  const payments = matchedPayments(program, paymentRows, schedule.payouts);
  const payout = (p: PayoutSummary) => ({
    quarter: p.quarter,
    payoutDate: p.payoutDate,
    amount: money(p.amount, base),
    status: p.status,
    deals: p.deals,
    accruals: p.accruals?.map((a) => ({
      dealId: a.dealId,
      clientId: a.clientId,
      date: a.date,
      backing: money(a.backing, a.currency),
      amount: money(a.amount, a.currency),
      amountBase: money(a.baseAmount, base),
    })),
  });
  return {
    on: options.on,
    currency: base,
    rate: scaledToNumber(program.commission.rate),
    months: program.commission.months,
    payoutLagDays: program.commission.payoutLagDays,
    paidTotal: money(schedule.paidTotal, base),
    upcomingTotal: money(schedule.upcomingTotal, base),
    past: payouts
      .filter((p) => p.status === 'paid')
      .reverse()
      .map(payout),
    upcoming: payouts.filter((p) => p.status === 'upcoming').map(payout),
    ...reconcile(program, options.on, schedule.payouts, payments, status),
    ...(options.accruals ? { deals: dealAccruals(program, payouts, schedule.clientNames) } : {}),
    payments: payments.map((p) => ({
      paidOn: p.paidOn,
      amount: p.amount,
      reference: p.reference,
      amountBase: money(p.base, base),
      quarter: p.quarter,
    })),
  };
}
