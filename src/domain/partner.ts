// The full derivation of one partner: what the derived tables cache (sold entries,
// monthly snapshots, credited-tier history). Pure: same facts and date, same output.
import { type IsoDate, monthEndsBetween } from './dates.ts';
import type { PartnerFacts } from './facts.ts';
import { deriveLedger, firstActivity, type Ledger } from './ledger.ts';
import type { Program } from './program.ts';
import {
  type CreditedTierChange,
  creditedOn,
  creditedTierHistory,
  memoizedPerformance,
  type Performance,
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
}

export function derivePartner(program: Program, facts: PartnerFacts, asOf: IsoDate): PartnerDerivation {
  const ledger = deriveLedger(program, facts);
  const performance = memoizedPerformance(ledger);
  const tierHistory = creditedTierHistory(ledger, asOf, performance);
  const start = firstActivity(ledger);
  const snapshots =
    start === undefined
      ? []
      : monthEndsBetween(start, asOf).map((d) => ({
          ...performance(d),
          credited: creditedOn(tierHistory, d),
        }));
  const current = { ...performance(asOf), credited: creditedOn(tierHistory, asOf) };
  return { asOf, ledger, tierHistory, snapshots, current };
}
