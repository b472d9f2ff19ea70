// The full derivation of one partner: what the derived tables cache (sold entries,
// monthly snapshots, credited-tier history). Pure: same facts and date, same output.
import type { IsoDate } from './dates.ts';
import type { PartnerFacts } from './facts.ts';
import { deriveLedger, firstActivity, type Ledger } from './ledger.ts';
import { medianToolUsage, type RevenueMetrics, revenueMetrics } from './metrics.ts';
import type { Program } from './program.ts';
import { type TierInsights, tierInsights } from './projection.ts';
import {
  type CreditedTierChange,
  creditedTierHistoryOver,
  type Performance,
  type PerformanceColumns,
  performanceColumns,
  tierEvents,
  tierLookup,
} from './tiers.ts';

export interface MonthlySnapshot extends Performance {
  credited: string | null;
}

export interface PartnerDerivation {
  asOf: IsoDate;
  ledger: Ledger;
  tierHistory: CreditedTierChange[];
  /** One per month end from the partner's first activity through asOf. */
  snapshots: MonthlySnapshot[];
  /** Points and tiers on asOf itself. */
  current: MonthlySnapshot;
  /** Program progress figures on asOf (§7). */
  metrics: RevenueMetrics;
  medianToolUsage: { month: string; median: number } | null;
  /** Points to keep and to reach tiers, expirations and the three-month projection. */
  insights: TierInsights;
}

export function derivePartner(program: Program, facts: PartnerFacts, asOf: IsoDate): PartnerDerivation {
  const ledger = deriveLedger(program, facts);
  const start = firstActivity(ledger);
  const active = start !== undefined && start <= asOf;
  // Every date the history and the snapshots look at (month ends, review days, asOf),
  // computed in one sweep; the month ends are exactly the snapshot dates.
  const events = active ? tierEvents(program, start, asOf) : [];
  const dates = events.map((e) => e.date);
  if (dates[dates.length - 1] !== asOf) dates.push(asOf);
  const columns = performanceColumns(ledger, dates);
  const tierHistory = active
    ? creditedTierHistoryOver(ledger, start, events, tierLookup(ledger, columns))
    : [];
  // The credited tier on each snapshot date, walking the history alongside (creditedOn).
  const snapshots: MonthlySnapshot[] = [];
  let h = 0;
  let credited: string | null = null;
  for (let i = 0; i < events.length; i++) {
    if (!events[i]!.monthEnd) continue;
    while (h < tierHistory.length && tierHistory[h]!.date <= dates[i]!) credited = tierHistory[h++]!.to;
    snapshots.push(snapshotAt(columns, i, credited));
  }
  while (h < tierHistory.length && tierHistory[h]!.date <= asOf) credited = tierHistory[h++]!.to;
  const current = snapshotAt(columns, dates.length - 1, credited);
  return {
    asOf,
    ledger,
    tierHistory,
    snapshots,
    current,
    metrics: revenueMetrics(ledger, asOf),
    medianToolUsage: medianToolUsage(ledger, asOf),
    insights: tierInsights(ledger, asOf, current.credited, current),
  };
}

/** performanceAt with the credited tier, built in one literal (the fields in performanceOn's order). */
function snapshotAt(c: PerformanceColumns, i: number, credited: string | null): MonthlySnapshot {
  const sold = c.sourced[i]! + c.assisted[i]!;
  return {
    date: c.dates[i]!,
    sourced: c.sourced[i]!,
    assisted: c.assisted[i]!,
    sold,
    managed: c.managed[i]!,
    total: sold + c.managed[i]!,
    sellerTrack: c.sellerTrack[i]!,
    certified: c.certified[i]!,
    tier: c.tiers[i]!,
    credited,
  };
}
