// What-if on the demo data: for several drafts, every partner's `after` is what `tierwise
// points` says once that document is the program (the engine on the partner's facts), and
// `before` what it says today; counts per tier add up; nothing is written. Publishing the
// draft then gives every partner exactly the what-if's `after` in its derived state.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { accruedBetween, commissionSchedule } from '../../domain/commission.ts';
import { exampleProgramFile } from '../../domain/default-program.ts';
import { deriveLedger } from '../../domain/ledger.ts';
import { loadProgram } from '../../domain/program.ts';
import { createTestApp, type TestApp } from '../../server/testing.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { loadDemoIfEmpty } from '../demo/seed.ts';
import { allPartnerIds, loadPartnerFacts } from '../points/repository.ts';
import { getPartnerPoints } from '../points/service.ts';
import { publishVersion } from './jobs.ts';
import { getProgram } from './service.ts';
import { whatIf } from './what-if.ts';

type Doc = {
  ruleSets: {
    id: string;
    effectiveFrom: string;
    tiers?: { total: number; sellerMinimum: number; managedMinimum: number }[];
    currencyPer100?: Record<string, number>;
    growthMarkets?: string[];
    sellerMinimumCounts?: string;
    rates?: Record<string, number>;
  }[];
};
const example = () => structuredClone(exampleProgramFile) as Doc;

const DRAFTS: Record<string, () => Doc> = {
  'thresholds halved': () => {
    const d = example();
    for (const r of d.ruleSets)
      for (const tier of r.tiers ?? []) {
        tier.total /= 2;
        tier.sellerMinimum /= 2;
        tier.managedMinimum /= 2;
      }
    return d;
  },
  'a new rule set mid-history': () => {
    const d = example();
    d.ruleSets.splice(2, 0, {
      id: '2025-01',
      effectiveFrom: '2025-01-01',
      rates: { sourced: 8, managed: 2 },
    });
    return d;
  },
  'a currency value changed': () => {
    const d = example();
    d.ruleSets[2]!.currencyPer100!.EUR = 60;
    return d;
  },
  'a growth market added': () => {
    const d = example();
    d.ruleSets[0]!.growthMarkets!.push('SE', 'NL', 'DE', 'GB');
    return d;
  },
  'seller minimum switched to sourced': () => strictSellers('sourced'),
};

/** The example program with a high seller minimum (half the total), counting sold or sourced points. */
function strictSellers(counts: 'sold' | 'sourced'): Doc {
  const d = example();
  const newest = d.ruleSets[2]!;
  newest.sellerMinimumCounts = counts;
  for (const tier of newest.tiers ?? []) tier.sellerMinimum = tier.total / 2;
  return d;
}

/**
 * The program compared with: the one in force, except for the seller minimum (the example's
 * newest rule set counts sourced points already), compared with the same program counting sold.
 */
async function publishedFor(name: string) {
  if (name !== 'seller minimum switched to sourced') return getProgram(t.deps.db);
  return loadProgram(strictSellers('sold'));
}

let t: TestApp;
let today: string;
const stateRows = () =>
  rows<{ partner_id: string; total: string; credited: string | null; performance: string | null }>(
    t.deps.db,
    sql`select partner_id, total::text, credited, performance from partner_state order by partner_id`,
  );

beforeAll(async () => {
  t = await createTestApp();
  today = t.deps.clock.today();
  expect(await loadDemoIfEmpty(t.deps)).toBe(true);
}, 120_000);
afterAll(() => t?.close());

describe('whatIf on the demo data', () => {
  it.each(Object.keys(DRAFTS))(
    '%s: after is the engine under the draft, before under the program in force',
    async (name) => {
      const document = DRAFTS[name]!();
      const draft = loadProgram(document);
      const published = await publishedFor(name);
      const stored = await stateRows();
      // The bulk reader (from 500 partners on) and the batch reader give the same answer.
      const result = await whatIf(t.deps.db, {
        published,
        draft,
        on: today,
        bulkFrom: name === 'thresholds halved' ? 0 : undefined,
      });
      const ids = await allPartnerIds(t.deps.db);
      expect(result.on).toBe(today);
      expect(result.partners.map((p) => p.partnerId)).toEqual(ids);
      for (const row of result.partners) {
        const {
          partnerId: _b,
          on: _bo,
          ...before
        } = await getPartnerPoints(t.deps.db, published, row.partnerId, today);
        const {
          partnerId: _a,
          on: _ao,
          ...after
        } = await getPartnerPoints(t.deps.db, draft, row.partnerId, today);
        expect(row.before, `${row.partnerId} before`).toEqual(before);
        expect(row.after, `${row.partnerId} after`).toEqual(after);
      }
      for (const side of ['before', 'after'] as const) {
        const counted: Record<string, number> = {};
        for (const p of result.partners) {
          const key = p[side].credited ?? 'none';
          counted[key] = (counted[key] ?? 0) + 1;
        }
        expect(result.tiers[side]).toEqual(counted);
      }
      // It moves someone (else the scenario proves nothing) and writes nothing.
      expect(
        result.partners.some((p) => JSON.stringify(p.before) !== JSON.stringify(p.after)),
        name,
      ).toBe(true);
      expect(await stateRows()).toEqual(stored);
    },
  );

  it('sums the commission accrued in a period under each program', async () => {
    const published = await getProgram(t.deps.db);
    const document = example() as Doc & { commission: { rate: number } };
    (document as unknown as { commission: { rate: number } }).commission.rate = 0.1;
    const result = await whatIf(t.deps.db, {
      published,
      draft: loadProgram(document),
      on: today,
      commission: { from: '2000-01-01', to: today },
    });
    const c = result.commission!;
    expect(c.before).toBeGreaterThan(0);
    // Half the rate, half the commission (to the cent, per accrual).
    expect(Math.abs(c.after - c.before / 2)).toBeLessThan(Object.keys(c.partners).length * 50);
    const sum = Object.values(c.partners).reduce((s, p) => s + p.before, 0);
    expect(Math.round(sum * 100) / 100).toBeCloseTo(c.before, 2);
  });

  it("sums a period's accruals as the commission schedule lists them, for every partner", async () => {
    const program = await getProgram(t.deps.db);
    const ids = await allPartnerIds(t.deps.db);
    const facts = await loadPartnerFacts(t.deps.db, ids);
    const from = '2025-01-01';
    let some = 0;
    for (const id of ids) {
      const ledger = deriveLedger(program, facts.get(id)!);
      let listed = 0;
      for (const payout of commissionSchedule(ledger, today).payouts)
        for (const a of payout.accruals) if (a.date >= from && a.date <= today) listed += a.baseAmount;
      expect(accruedBetween(ledger, from, today), id).toBe(listed);
      if (listed > 0) some += 1;
    }
    expect(some).toBeGreaterThan(0);
  });

  it('publishing a draft gives every partner the what-if after', async () => {
    const document = DRAFTS['thresholds halved']!();
    const published = await getProgram(t.deps.db);
    const expected = await whatIf(t.deps.db, { published, draft: loadProgram(document), on: today });
    const result = await publishVersion(t.deps, {
      document,
      note: 'Halve every threshold',
      draftId: null,
      restoredFrom: null,
      actor: SYSTEM_ACTOR,
    });
    expect(result.partnersRebuilt).toBe(expected.partners.length);
    const moved = expected.partners.filter(
      (p) => p.before.credited !== p.after.credited || p.before.performance !== p.after.performance,
    );
    expect(result.tierChanges).toBe(moved.length);
    const state = new Map((await stateRows()).map((r) => [r.partner_id, r]));
    const program = await getProgram(t.deps.db);
    for (const p of expected.partners) {
      expect(Number(state.get(p.partnerId)?.total), p.partnerId).toBe(p.after.total);
      expect(state.get(p.partnerId)?.credited ?? null, p.partnerId).toBe(p.after.credited);
      const {
        partnerId: _,
        on: __,
        ...points
      } = await getPartnerPoints(t.deps.db, program, p.partnerId, today);
      expect(points).toEqual(p.after);
    }
  });
});
