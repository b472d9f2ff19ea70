// The Tier page's coming changes: a rule set effective after today, compared with the one in
// force; rule sets in the past say nothing.
import { describe, expect, it } from 'vitest';
import { exampleProgramFile } from '../../../../../src/domain/default-program.ts';
import { loadProgram } from '../../../../../src/domain/program.ts';
import { futureRuleSets } from './changes.ts';

const withFuture = () => {
  const doc = structuredClone(exampleProgramFile) as { ruleSets: object[] };
  doc.ruleSets.push({
    id: '2027-01',
    effectiveFrom: '2027-01-15',
    rates: { sourced: 6 },
    tiers: [
      { id: 'gold', name: 'Gold', total: 700, sellerMinimum: 60, managedMinimum: 150 },
      { id: 'platinum', name: 'Platinum', total: 2100, sellerMinimum: 200, managedMinimum: 500 },
      { id: 'diamond', name: 'Diamond', total: 6300, sellerMinimum: 600, managedMinimum: 1500 },
    ],
  });
  return loadProgram(doc);
};

describe('futureRuleSets', () => {
  it('lists what a future rule set changes from the one in force', () => {
    expect(futureRuleSets(withFuture(), '2026-12-07')).toEqual([
      {
        effectiveFrom: '2027-01-15',
        changes: [
          { kind: 'tierTotal', tier: 'Gold', before: 630, after: 700 },
          { kind: 'tierRemoved', tier: 'Elite' },
          { kind: 'rate', track: 'sourced', before: 5, after: 6 },
        ],
      },
    ]);
  });

  it('says nothing once the date has come, nor for the example program', () => {
    expect(futureRuleSets(withFuture(), '2027-01-15')).toEqual([]);
    expect(futureRuleSets(loadProgram(exampleProgramFile), '2026-12-07')).toEqual([]);
  });
});
