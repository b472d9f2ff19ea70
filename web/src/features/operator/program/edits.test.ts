// The draft form's edits change what they say and nothing else, and the result is still a
// program the engine loads (or refuses for the change's own reason).
import { describe, expect, it } from 'vitest';
import { exampleProgramFile } from '../../../../../src/domain/default-program.ts';
import { parseProgram } from '../../../../../src/domain/program.ts';
import { addRuleSet, EditError, setRate, setThreshold } from './edits.ts';
import { resolveRuleSets } from './resolve.ts';

const example = exampleProgramFile as { ruleSets: { id: string; tiers?: { total: number }[] }[] };

describe('the draft form edits', () => {
  it('adds a rule set in date order, stating only its id and date', () => {
    const { document, index } = addRuleSet(exampleProgramFile, {
      id: '2025-01',
      effectiveFrom: '2025-01-01',
    });
    expect(index).toBe(2);
    expect((document.ruleSets as { id: string }[]).map((r) => r.id)).toEqual([
      '2022-07',
      '2024-02',
      '2025-01',
      '2025-07',
    ]);
    expect((document.ruleSets as unknown[])[2]).toEqual({ id: '2025-01', effectiveFrom: '2025-01-01' });
    expect(parseProgram(document).ok).toBe(true);
    expect(addRuleSet(exampleProgramFile, { id: 'late', effectiveFrom: '2030-01-01' }).index).toBe(3);
    expect(() => addRuleSet(exampleProgramFile, { id: '2024-02', effectiveFrom: '2030-01-01' })).toThrow(
      EditError,
    );
    // The input is left as it was.
    expect(example.ruleSets).toHaveLength(3);
  });

  it('changes one rate of a rule set, keeping its other rates', () => {
    const doc = setRate(exampleProgramFile, 1, 'managed', 2);
    expect((doc.ruleSets as { rates: unknown }[])[1]!.rates).toEqual({ sourced: 5, assisted: 3, managed: 2 });
    const added = addRuleSet(exampleProgramFile, { id: 'x', effectiveFrom: '2026-01-01' });
    const withRate = setRate(added.document, added.index, 'sourced', 6);
    expect((withRate.ruleSets as { rates: unknown }[])[3]!.rates).toEqual({ sourced: 6 });
    expect(resolveRuleSets(withRate)[3]?.fields['rates.assisted']).toMatchObject({
      value: 3,
      from: '2024-02',
    });
  });

  it("changes a threshold of a rule set's own tiers", () => {
    const doc = setThreshold(exampleProgramFile, 2, 'gold', 'total', 315);
    expect((doc.ruleSets as typeof example.ruleSets)[2]!.tiers![0]!.total).toBe(315);
    expect(example.ruleSets[2]!.tiers![0]!.total).toBe(630);
    expect(parseProgram(doc).ok).toBe(true);
  });

  it('copies inherited tiers into the rule set before changing one', () => {
    const doc = setThreshold(exampleProgramFile, 1, 'platinum', 'sellerMinimum', 250);
    const second = (doc.ruleSets as { tiers?: { id: string; sellerMinimum: number }[] }[])[1]!;
    expect(second.tiers?.map((t) => t.id)).toEqual(['gold', 'platinum', 'diamond', 'elite']);
    expect(second.tiers?.[1]?.sellerMinimum).toBe(250);
    expect((doc.ruleSets as { tiers?: { sellerMinimum: number }[] }[])[0]!.tiers?.[1]?.sellerMinimum).toBe(
      200,
    );
    expect(() => setThreshold(exampleProgramFile, 1, 'bronze', 'total', 1)).toThrow(EditError);
  });

  it('refuses what is not a program', () => {
    expect(() => setRate([], 0, 'sourced', 1)).toThrow(EditError);
    expect(() => setRate({ ruleSets: [] }, 0, 'sourced', 1)).toThrow(EditError);
  });
});
