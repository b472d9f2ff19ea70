// The full derivation of one partner: what the derived tables cache (sold entries,
// monthly snapshots, credited-tier history). Pure: same facts and date, same output.
import { type IsoDate, monthEndsBetween } from './dates.ts';
import type { PartnerFacts } from './facts.ts';
import { deriveLedger, firstActivity, type Ledger } from './ledger.ts';
import { medianToolUsage, type RevenueMetrics, revenueMetrics } from './metrics.ts';
import type { Program } from './program.ts';
import { type TierInsights, tierInsights } from './projection.ts';
import {
  type CreditedTierChange,
  creditedOn,
  creditedTierHistory,
  evaluationDates,
  memoizedPerformance,
  type Performance,
  performanceSeries,
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
  // Every date the history and the snapshots look at, computed in one sweep.
  const dates =
    start === undefined || start > asOf
      ? [asOf]
      : [...new Set([...evaluationDates(program, start, asOf), asOf])].sort();
  const performance = memoizedPerformance(ledger, performanceSeries(ledger, dates));
  const tierHistory = creditedTierHistory(ledger, asOf, performance);
  const snapshots =
    start === undefined
      ? []
      : monthEndsBetween(start, asOf).map((d) => ({
          ...performance(d),
          credited: creditedOn(tierHistory, d),
        }));
  const current = { ...performance(asOf), credited: creditedOn(tierHistory, asOf) };
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
