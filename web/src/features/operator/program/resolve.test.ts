// The page's inheritance is the engine's: for the example program, every resolved field of
// every rule set has the value loadProgram computes, and names the rule set that states it.
import { describe, expect, it } from 'vitest';
import { exampleProgramFile } from '../../../../../src/domain/default-program.ts';
import { POINTS_SCALE, SCALE } from '../../../../../src/domain/money.ts';
import { loadProgram } from '../../../../../src/domain/program.ts';
import { inForceOn, resolveRuleSets, tierNames, tierOrder } from './resolve.ts';

describe('resolveRuleSets', () => {
  const program = loadProgram(exampleProgramFile);
  const resolved = resolveRuleSets(exampleProgramFile);

  it('gives each rule set the values the engine uses', () => {
    expect(resolved.map((r) => r.id)).toEqual(program.ruleSets.map((r) => r.id));
    resolved.forEach((r, i) => {
      const engine = program.ruleSets[i]!;
      const f = r.fields;
      expect(f['rates.sourced']?.value).toBe(engine.rates.sourced / SCALE);
      expect(f['rates.assisted']?.value).toBe(engine.rates.assisted / SCALE);
      expect(f['rates.managed']?.value).toBe(engine.rates.managed / SCALE);
      expect(f.growthMultiplier?.value).toBe(engine.growthMultiplier / SCALE);
      expect(
        Object.fromEntries(Object.entries(f.currencyPer100?.value ?? {}).map(([k, v]) => [k, v * SCALE])),
      ).toEqual(engine.currencyPer100);
      expect(new Set(f.growthMarkets?.value)).toEqual(engine.growthMarkets);
      expect(f.sellerMinimumCounts?.value).toBe(engine.sellerMinimumCounts);
      expect(f.certificationRequired?.value).toBe(engine.certificationRequired);
      expect(f.soldPointsLifetimeMonths?.value).toBe(engine.soldPointsLifetimeMonths);
      expect(
        f.tiers?.value.map((t) => ({
          ...t,
          total: t.total * POINTS_SCALE,
          sellerMinimum: t.sellerMinimum * POINTS_SCALE,
          managedMinimum: t.managedMinimum * POINTS_SCALE,
        })),
      ).toEqual(engine.tiers);
    });
  });

  it('names the rule set each field comes from', () => {
    const [first, second, third] = resolved;
    expect(first?.fields['rates.sourced']).toMatchObject({ from: '2022-07', stated: true });
    expect(second?.fields['rates.sourced']).toMatchObject({ from: '2024-02', stated: true, value: 5 });
    expect(second?.fields.tiers).toMatchObject({ from: '2022-07', fromIndex: 0, stated: false });
    expect(third?.fields['rates.sourced']).toMatchObject({ from: '2024-02', stated: false, value: 5 });
    expect(third?.fields.tiers).toMatchObject({ from: '2025-07', stated: true });
    expect(third?.fields.growthMarkets).toMatchObject({ from: '2022-07', stated: false });
  });

  it('inherits rates one by one', () => {
    const doc = {
      ruleSets: [
        { id: 'a', effectiveFrom: '2024-01-01', rates: { sourced: 3, assisted: 2, managed: 1 } },
        { id: 'b', effectiveFrom: '2025-01-01', rates: { assisted: 4 } },
      ],
    };
    const [, b] = resolveRuleSets(doc);
    expect(b?.fields['rates.sourced']).toMatchObject({ value: 3, from: 'a' });
    expect(b?.fields['rates.assisted']).toMatchObject({ value: 4, from: 'b' });
  });

  it('reads a malformed document without throwing', () => {
    expect(resolveRuleSets(null)).toEqual([]);
    expect(resolveRuleSets({ ruleSets: [42, { effectiveFrom: 7 }] })).toEqual([
      { index: 0, id: '#1', effectiveFrom: '', fields: {} },
    ]);
  });

  it('finds the rule set in force on a day as the engine does', () => {
    expect(inForceOn(resolved, '2020-01-01')?.id).toBe('2022-07');
    expect(inForceOn(resolved, '2024-02-27')?.id).toBe('2024-02');
    expect(inForceOn(resolved, '2030-01-01')?.id).toBe('2025-07');
  });

  it('names the tiers lowest first', () => {
    expect(tierOrder(exampleProgramFile)).toEqual(['gold', 'platinum', 'diamond', 'elite']);
    expect(tierNames(exampleProgramFile).get('elite')).toBe('Elite');
  });
});
