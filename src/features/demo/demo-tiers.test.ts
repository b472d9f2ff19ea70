// The demo's promise, checked with the real engine: at the default demo size some partners
// reach each tier of the example program and some reach none.
import { describe, expect, it } from 'vitest';
import { exampleProgram } from '../../domain/default-program.ts';
import { derivePartner } from '../../domain/partner.ts';
import { DEMO_SIZE, generateDataset } from './generate.ts';
import { iteratePartnerFacts } from './partner-facts.ts';

const END = '2025-12-31';

describe('demo dataset with the example program', () => {
  it.each(['tierwise-demo', 'another seed'])(
    'has partners in every tier and some in none (seed %s)',
    (seed) => {
      const dataset = generateDataset({ ...DEMO_SIZE, seed, endDate: END });
      const performance = new Map<string, number>();
      const credited = new Map<string, number>();
      for (const facts of iteratePartnerFacts(dataset)) {
        const { current } = derivePartner(exampleProgram, facts, END);
        const p = current.tier ?? 'none';
        const c = current.credited ?? 'none';
        performance.set(p, (performance.get(p) ?? 0) + 1);
        credited.set(c, (credited.get(c) ?? 0) + 1);
      }
      for (const tier of ['none', 'gold', 'platinum', 'diamond', 'elite']) {
        expect(performance.get(tier) ?? 0, `performance ${tier}`).toBeGreaterThan(0);
        expect(credited.get(tier) ?? 0, `credited ${tier}`).toBeGreaterThan(0);
      }
    },
  );
});
