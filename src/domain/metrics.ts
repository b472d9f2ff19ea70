// Revenue metrics of Program progress (PROGRAM_RULES §7), in the program's base currency.
import { addDays, addMonths, type IsoDate, monthEnd, monthOf, monthStart } from './dates.ts';
import { clientMrrOn, isManagingOn, type Ledger } from './ledger.ts';
import { minorUnits, mulDivRound, mulDivRound2, roundScaled, SCALE, type Scaled } from './money.ts';
import { type Program, ruleSetOn } from './program.ts';
import { entryStateOn, isActive } from './sold.ts';
import { currencyValue } from './units.ts';

/** One amount in the base currency (table in force on `on`), rounded to its minor unit: toBase of one. */
export function toBaseOne(program: Program, on: IsoDate, currency: string, amount: Scaled): Scaled {
  const base = program.baseCurrency;
  if (currency === base) return roundScaled(amount, minorUnits(base));
  const ruleSet = ruleSetOn(program, on);
  return roundScaled(
    mulDivRound2(amount, currencyValue(ruleSet, base), currencyValue(ruleSet, currency)),
    minorUnits(base),
  );
}

/** Sums amounts of several currencies into the base currency (table in force on `on`), rounded once to its minor unit. */
export function toBase(program: Program, on: IsoDate, amounts: ReadonlyMap<string, Scaled>): Scaled {
  const ruleSet = ruleSetOn(program, on);
  const base = currencyValue(ruleSet, program.baseCurrency);
  let sum = 0;
  for (const [currency, amount] of amounts) {
    sum +=
      currency === program.baseCurrency
        ? amount
        : mulDivRound([amount, base], [currencyValue(ruleSet, currency)]);
  }
  return roundScaled(sum, minorUnits(program.baseCurrency));
}

class CurrencySums {
  readonly sums = new Map<string, Scaled>();
  add(currency: string, amount: Scaled): void {
    this.sums.set(currency, (this.sums.get(currency) ?? 0) + amount);
  }
}

/** Clients attributed to the partner on a date: managed by it, or with an active sold entry of its. */
export function attributedClients(ledger: Ledger, date: IsoDate): Set<string> {
  const out = new Set<string>();
  for (const clientId of ledger.managedClientIds) {
    for (const m of ledger.managementsByClient.get(clientId) ?? []) {
      if (m.partnerId === ledger.partnerId && isManagingOn(m, date)) {
        out.add(clientId);
        break;
      }
    }
  }
  // Entries are in earnedOn order: none after the first one earned later is active.
  for (const e of ledger.entries) {
    if (e.earnedOn > date) break;
    if (isActive(e, date)) out.add(e.clientId);
  }
  return out;
}

/**
 * A cohort's MRR on two dates, each summed by currency and converted with the table in
 * force on `rateDate`: one walk of the cohort for both. `keep` selects the clients the
 * second sum takes (its MRR on `second`); without it, every client.
 */
function cohortMrrInBase(
  ledger: Ledger,
  clientIds: Iterable<string>,
  first: IsoDate,
  second: IsoDate,
  rateDate: IsoDate,
  keep?: (clientId: string) => boolean,
): [Scaled, Scaled] {
  const a = new CurrencySums();
  const b = new CurrencySums();
  for (const id of clientIds) {
    const currency = ledger.clients.get(id)!.currency;
    const mrr = clientMrrOn(ledger, id, first);
    a.add(currency, mrr);
    if (keep === undefined) b.add(currency, clientMrrOn(ledger, id, second));
    else if (keep(id)) b.add(currency, mrr);
  }
  return [toBase(ledger.program, rateDate, a.sums), toBase(ledger.program, rateDate, b.sums)];
}

export interface RevenueMetrics {
  on: IsoDate;
  currency: string;
  /** Sum of the backing of sourced entries earned in (on - 12 months, on]. */
  sourcedDollars12m: Scaled;
  /** Remaining backing of the active sourced entries on `on`. */
  sourcedMrrRolling12m: Scaled;
  /** Customer dollar retention over 12 months, as a fraction (Scaled, 4 decimals); null without a base. */
  customerDollarRetention12m: Scaled | null;
  /** Revenue retention of the month ending on or containing `on`, annualised; 6 decimals as a string. */
  revenueRetentionAnnualized: string | null;
}

/** (end / start)^12 rounded half away from zero to 6 decimals, exactly. */
export function annualizedRetention(start: Scaled, end: Scaled): string | null {
  if (start <= 0) return null;
  // Exact shortcuts for the common unchanged and emptied months (no 12th powers to build).
  if (end === start) return '1.000000';
  if (end === 0) return '0.000000';
  const num = BigInt(end) ** 12n * 1_000_000n;
  const den = BigInt(start) ** 12n;
  let q = num / den;
  if (2n * (num % den) >= den) q += 1n;
  const s = q.toString().padStart(7, '0');
  return `${s.slice(0, -6)}.${s.slice(-6)}`;
}

export function revenueMetrics(ledger: Ledger, on: IsoDate): RevenueMetrics {
  const program = ledger.program;
  const yearAgo = addMonths(on, -12);

  const dollars = new CurrencySums();
  const rolling = new CurrencySums();
  for (const e of ledger.entries) {
    if (e.dealType !== 'sourced') continue;
    if (e.earnedOn > yearAgo && e.earnedOn <= on) dollars.add(e.explanation.currency, e.delta);
    if (isActive(e, on)) rolling.add(e.explanation.currency, entryStateOn(e, on).backing);
  }

  // The year-ago cohort's MRR then, and that of the clients still paying on `on`.
  const [baseMrr, keptMrr] = cohortMrrInBase(
    ledger,
    attributedClients(ledger, yearAgo),
    yearAgo,
    yearAgo,
    on,
    (id) => clientMrrOn(ledger, id, on) > 0,
  );

  // Last month end's cohort: its MRR then and at this month's end.
  const prevEnd = addDays(monthStart(on), -1);
  const [startMrr, endMrr] = cohortMrrInBase(
    ledger,
    attributedClients(ledger, prevEnd),
    prevEnd,
    monthEnd(on),
    on,
  );

  return {
    on,
    currency: program.baseCurrency,
    sourcedDollars12m: toBase(program, on, dollars.sums),
    sourcedMrrRolling12m: toBase(program, on, rolling.sums),
    customerDollarRetention12m: baseMrr > 0 ? mulDivRound([keptMrr, SCALE], [baseMrr]) : null,
    revenueRetentionAnnualized: annualizedRetention(startMrr, endMrr),
  };
}

export type EngagementBand = 'low' | 'medium' | 'high';

/** Platform engagement index of a 0-10 score: Low 0-3, Medium 4-6, High 7-10. */
export function engagementBand(score: number): EngagementBand {
  if (score <= 3) return 'low';
  if (score <= 6) return 'medium';
  return 'high';
}

/**
 * Median tools used in the latest usage month (on or before `on`) over the clients
 * attributed on `on`; Scaled (a median of an even count can be a half). Null without data.
 */
export function medianToolUsage(ledger: Ledger, on: IsoDate): { month: string; median: Scaled } | null {
  const attributed = attributedClients(ledger, on);
  const month = monthOf(on);
  let latest = '';
  for (const u of ledger.usage)
    if (u.month <= month && u.month > latest && attributed.has(u.clientId)) latest = u.month;
  if (!latest) return null;
  const values = ledger.usage
    .filter((u) => u.month === latest && attributed.has(u.clientId))
    .map((u) => u.toolsUsed)
    .sort((a, b) => a - b);
  const mid = values.length >> 1;
  const median = values.length % 2 ? values[mid]! * SCALE : ((values[mid - 1]! + values[mid]!) * SCALE) / 2;
  return { month: latest, median };
}
