// What a rule set published with a future effective date changes, compared with the rule
// set in force today: the Tier page tells partners ("from 2027-01-15 Gold needs 700 total
// points") before it happens.
import { pointsToNumber, scaledToNumber } from '../../../../../src/domain/money.ts';
import { type Program, ruleSetOn } from '../../../../../src/domain/program.ts';

export type ProgramChange =
  | { kind: 'tierTotal' | 'tierSeller' | 'tierManaged'; tier: string; before: number | null; after: number }
  | { kind: 'tierRemoved'; tier: string }
  | { kind: 'rate'; track: 'sourced' | 'assisted' | 'managed'; before: number; after: number }
  | { kind: 'growthMultiplier'; before: number; after: number }
  | { kind: 'sellerMinimumCounts'; after: 'sold' | 'sourced' }
  | { kind: 'certificationRequired'; after: boolean }
  | { kind: 'lifetime'; before: number; after: number };

export interface FutureRuleSet {
  effectiveFrom: string;
  changes: ProgramChange[];
}

/** Every rule set starting after today with what it changes from the one before it. */
export function futureRuleSets(program: Program, today: string): FutureRuleSet[] {
  const out: FutureRuleSet[] = [];
  let previous = ruleSetOn(program, today);
  for (const next of program.ruleSets) {
    if (next.effectiveFrom <= today) continue;
    const changes: ProgramChange[] = [];
    for (const tier of next.tiers) {
      const was = previous.tiers.find((x) => x.id === tier.id);
      const fields = [
        ['tierTotal', 'total'],
        ['tierSeller', 'sellerMinimum'],
        ['tierManaged', 'managedMinimum'],
      ] as const;
      for (const [kind, field] of fields)
        if (!was || was[field] !== tier[field])
          changes.push({
            kind,
            tier: tier.name,
            before: was ? pointsToNumber(was[field]) : null,
            after: pointsToNumber(tier[field]),
          });
    }
    for (const was of previous.tiers)
      if (!next.tiers.some((x) => x.id === was.id)) changes.push({ kind: 'tierRemoved', tier: was.name });
    for (const track of ['sourced', 'assisted', 'managed'] as const)
      if (previous.rates[track] !== next.rates[track])
        changes.push({
          kind: 'rate',
          track,
          before: scaledToNumber(previous.rates[track]),
          after: scaledToNumber(next.rates[track]),
        });
    if (previous.growthMultiplier !== next.growthMultiplier)
      changes.push({
        kind: 'growthMultiplier',
        before: scaledToNumber(previous.growthMultiplier),
        after: scaledToNumber(next.growthMultiplier),
      });
    if (previous.sellerMinimumCounts !== next.sellerMinimumCounts)
      changes.push({ kind: 'sellerMinimumCounts', after: next.sellerMinimumCounts });
    if (previous.certificationRequired !== next.certificationRequired)
      changes.push({ kind: 'certificationRequired', after: next.certificationRequired });
    if (previous.soldPointsLifetimeMonths !== next.soldPointsLifetimeMonths)
      changes.push({
        kind: 'lifetime',
        before: previous.soldPointsLifetimeMonths,
        after: next.soldPointsLifetimeMonths,
      });
    out.push({ effectiveFrom: next.effectiveFrom, changes });
    previous = next;
  }
  return out;
}
