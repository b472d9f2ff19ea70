// A partner's points on many dates in one sweep of the ledger (PROGRAM_RULES §3.5, §4):
// the same figures as pointsOn date by date, which is what makes a partner's whole history
// cheap to derive. Each entry visits only the dates it is active on, each managed client
// only the dates inside its management.
import type { IsoDate } from './dates.ts';
import type { ManagementFact } from './facts.ts';
import { isManagingOn, type Ledger, managerCount, type PointsSummary } from './ledger.ts';
import type { Points, Scaled } from './money.ts';
import { type RuleSet, ruleSetOn } from './program.ts';
import type { LineSeries } from './sold.ts';
import { currencyValue, EngineError, growthFor, pointsOf } from './units.ts';

/** Points by date, one array per figure (index i is dates[i]): no object per date. */
export interface PointsColumns {
  sourced: Points[];
  assisted: Points[];
  managed: Points[];
}

/** Index of the first date in a sorted list that is >= d (the list's length if none). */
export function lowerBound(dates: readonly IsoDate[], d: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** pointsOn for many dates (sorted ascending), as columns. */
export function pointsColumns(ledger: Ledger, dates: readonly IsoDate[]): PointsColumns {
  const n = dates.length;
  const sourced = new Array<number>(n).fill(0);
  const assisted = new Array<number>(n).fill(0);
  const managed = new Array<number>(n).fill(0);
  for (const e of ledger.entries) {
    const target = e.dealType === 'sourced' ? sourced : assisted;
    // Steps are in date order: walking them alongside the dates gives each date's remaining
    // points (entryStateOn's) without rescanning them or allocating a state per date.
    const steps = e.steps;
    let s = 0;
    let points = e.points;
    for (let i = lowerBound(dates, e.earnedOn); i < n && dates[i]! < e.expiresOn; i++) {
      const d = dates[i]!;
      while (s < steps.length && steps[s]!.date <= d) points = steps[s++]!.points;
      target[i]! += points;
    }
  }
  const ruleSets = dates.map((d) => ruleSetOn(ledger.program, d));
  // The managed client's MRR on the dates of the management row being swept.
  const mrr = new Array<number>(n).fill(0);
  for (const clientId of ledger.managedClientIds) {
    const client = ledger.clients.get(clientId);
    if (!client) throw new EngineError(`management names client ${clientId}, which is not in the facts`);
    const managements = ledger.managementsByClient.get(clientId) ?? [];
    // With one management row (the partner's own) there is no overlap and one manager.
    const alone = managements.length === 1;
    // The rule set's currency value and growth multiplier for this client, looked up again
    // only when the rule set changes (and only when needed, where pointsOn looks them up).
    let ruleSet: RuleSet | undefined;
    let cp = 0;
    let growth = 0;
    for (const m of managements) {
      if (m.partnerId !== ledger.partnerId) continue;
      const lo = lowerBound(dates, m.startDate);
      const hi = m.endDate ? lowerBound(dates, m.endDate) : n;
      clientMrrBetween(ledger.linesByClient.get(clientId) ?? [], dates, lo, hi, mrr);
      for (let i = lo; i < hi; i++) {
        const d = dates[i]!;
        // Overlapping management rows of the same partner count once: the first row that covers the date.
        if (!alone && firstOwnManagement(ledger, clientId, d) !== m) continue;
        const managers = alone ? 1 : managerCount(ledger, clientId, d, ledger.partnerId);
        if (mrr[i]! <= 0) continue;
        const rs = ruleSets[i]!;
        if (rs !== ruleSet) {
          ruleSet = rs;
          cp = currencyValue(rs, client.currency);
          growth = growthFor(rs, client.country);
        }
        managed[i]! += pointsOf(mrr[i]!, rs.rates.managed, growth, cp, managers);
      }
    }
  }
  return { sourced, assisted, managed };
}

/**
 * clientMrrOn for dates[lo..hi) into out[lo..hi): each line's levels are walked once
 * alongside the dates instead of binary-searched per date.
 */
function clientMrrBetween(
  lines: readonly LineSeries[],
  dates: readonly IsoDate[],
  lo: number,
  hi: number,
  out: Scaled[],
): void {
  for (let i = lo; i < hi; i++) out[i] = 0;
  for (const line of lines) {
    const changed = line.dates;
    let p = 0;
    let level = 0;
    for (let i = lo; i < hi; i++) {
      const d = dates[i]!;
      while (p < changed.length && changed[p]! <= d) level = line.mrr[p++]!;
      out[i]! += level;
    }
  }
}

/** pointsOn for many dates (sorted ascending) in one sweep. */
export function pointsSeries(ledger: Ledger, dates: readonly IsoDate[]): PointsSummary[] {
  const { sourced, assisted, managed } = pointsColumns(ledger, dates);
  return dates.map((_, i) => {
    const sold = sourced[i]! + assisted[i]!;
    return {
      sourced: sourced[i]!,
      assisted: assisted[i]!,
      sold,
      managed: managed[i]!,
      total: sold + managed[i]!,
    };
  });
}

function firstOwnManagement(ledger: Ledger, clientId: string, date: IsoDate): ManagementFact | undefined {
  for (const m of ledger.managementsByClient.get(clientId) ?? []) {
    if (m.partnerId === ledger.partnerId && isManagingOn(m, date)) return m;
  }
  return undefined;
}
