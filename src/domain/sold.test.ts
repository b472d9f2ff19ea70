// Tables of cases for sold entries (PROGRAM_RULES §3): expiry, decreases, ties, churn and
// restart, crediting by deal / seller of record / nobody, same-date order, idempotence.
// Every expected number is worked out by hand from the rules in the comments.
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { exampleProgram, exampleProgramFile } from './default-program.ts';
import type { DealStage } from './facts.ts';
import { deriveLedger, type Ledger, pointsOn } from './ledger.ts';
import { pointsToNumber } from './money.ts';
import { type DealType, loadProgram, type Program } from './program.ts';
import { entryStateOn, isActive, type SoldEntry } from './sold.ts';
import { type FactsBuilder, facts } from './testing.ts';

const program = exampleProgram;
const pts = (p: number) => pointsToNumber(p);
const LINE = 'Marketing Hub Professional';

function programWith(edit: (doc: { ruleSets: Record<string, unknown>[] }) => void): Program {
  const doc = structuredClone(exampleProgramFile) as { ruleSets: Record<string, unknown>[] };
  edit(doc);
  return loadProgram(doc);
}

/** The ledgers of P1 and P2 over the same facts. */
function ledgers(f: FactsBuilder, prog: Program = program): { p1: Ledger; p2: Ledger } {
  const built = f.build();
  return { p1: deriveLedger(prog, built), p2: deriveLedger(prog, { ...built, partnerId: 'P2' }) };
}

const byId = (l: Ledger, id: string): SoldEntry => {
  const e = l.entries.find((x) => x.entryId === id);
  if (!e) throw new Error(`no entry ${id}; have ${l.entries.map((x) => x.entryId).join(', ')}`);
  return e;
};

describe('expiry: earnedOn + lifetime months, clamped to the end of a shorter month (§3.2)', () => {
  // $1,000 sourced, US: 3 per $100 before 2024-02-27 (30 points), 5 from then (50 points).
  it.each([
    ['2024-02-29', '2025-02-28', 50],
    ['2024-01-31', '2025-01-31', 30],
    ['2023-03-31', '2024-03-31', 30],
    ['2024-08-31', '2025-08-31', 50],
    ['2024-12-31', '2025-12-31', 50],
    ['2024-08-15', '2025-08-15', 50],
  ])('12-month lifetime: earned %s → expires %s (%s points)', (earned, expires, points) => {
    const f = facts().client('C1').deal('D1', 'C1', { closedOn: earned });
    f.mrr('C1', LINE, earned, 1000, { deal: 'D1' });
    const { p1 } = ledgers(f);
    const [e] = p1.entries;
    expect(e!.expiresOn).toBe(expires);
    expect(pts(e!.points)).toBe(points);
    const dayBefore = addDays(expires, -1);
    expect(isActive(e!, addDays(earned, -1))).toBe(false);
    expect(isActive(e!, earned)).toBe(true);
    expect(isActive(e!, dayBefore)).toBe(true);
    expect(isActive(e!, expires)).toBe(false);
    expect(pts(pointsOn(p1, dayBefore).sold)).toBe(points);
    expect(pts(pointsOn(p1, expires).sold)).toBe(0);
  });

  const oneMonth = programWith((doc) => {
    doc.ruleSets[0]!.soldPointsLifetimeMonths = 1;
  });
  it.each([
    ['2024-01-31', '2024-02-29'],
    ['2023-01-31', '2023-02-28'],
    ['2024-01-30', '2024-02-29'],
    ['2024-03-31', '2024-04-30'],
    ['2024-05-31', '2024-06-30'],
    ['2024-12-31', '2025-01-31'],
    ['2024-02-29', '2024-03-29'],
  ])('1-month lifetime (custom program): earned %s → expires %s', (earned, expires) => {
    const f = facts().client('C1').deal('D1', 'C1', { closedOn: earned });
    f.mrr('C1', LINE, earned, 1000, { deal: 'D1' });
    const { p1 } = ledgers(f, oneMonth);
    const [e] = p1.entries;
    expect(e!.expiresOn).toBe(expires);
    expect(pointsOn(p1, addDays(expires, -1)).sold).toBe(e!.points);
    expect(pointsOn(p1, expires).sold).toBe(0);
  });
});

describe('a decrease consumes the newest active entries first (§3.4)', () => {
  // One line, rate locked on 2024-03-01 (rule set 2024-02, sourced 5 per $100):
  //   N1 2024-03-01 $1,000 (deal) → 50 points; U2 2024-04-01 +$500 (seller of record) → 25;
  //   U3 2024-05-01 +$300 → 15. MRR $1,800. The decrease is on 2024-06-01.
  function threeEntries(after: number) {
    const f = facts().client('C1').deal('D1', 'C1', { closedOn: '2024-03-01' });
    f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D1', id: 'N1' });
    f.mrr('C1', LINE, '2024-04-01', 1500, { id: 'U2' });
    f.mrr('C1', LINE, '2024-05-01', 1800, { id: 'U3' });
    f.mrr('C1', LINE, '2024-06-01', after, { id: 'DN' });
    return ledgers(f).p1;
  }

  it.each([
    // after, remaining points [N1, U2, U3], points lost per entry, remaining backing [N1, U2, U3]
    { after: 1650, remaining: [50, 25, 7.5], lost: { U3: 7.5 }, backing: [1000, 500, 150] },
    { after: 1500, remaining: [50, 25, 0], lost: { U3: 15 }, backing: [1000, 500, 0] },
    { after: 1300, remaining: [50, 15, 0], lost: { U3: 15, U2: 10 }, backing: [1000, 300, 0] },
    { after: 1200, remaining: [50, 10, 0], lost: { U3: 15, U2: 15 }, backing: [1000, 200, 0] },
    { after: 1000, remaining: [50, 0, 0], lost: { U3: 15, U2: 25 }, backing: [1000, 0, 0] },
    { after: 400, remaining: [20, 0, 0], lost: { U3: 15, U2: 25, N1: 30 }, backing: [400, 0, 0] },
    { after: 0, remaining: [0, 0, 0], lost: { U3: 15, U2: 25, N1: 50 }, backing: [0, 0, 0] },
  ])('$1,800 down to $after: remaining points $remaining', ({ after, remaining, lost, backing }) => {
    const ledger = threeEntries(after);
    const ids = ['N1', 'U2', 'U3'];
    expect(ids.map((id) => pts(byId(ledger, id).points))).toEqual([50, 25, 15]);
    expect(ids.map((id) => pts(entryStateOn(byId(ledger, id), '2024-06-01').points))).toEqual(remaining);
    expect(ids.map((id) => entryStateOn(byId(ledger, id), '2024-06-01').backing / 10_000)).toEqual(backing);
    // Before the decrease nothing is consumed.
    expect(ids.map((id) => pts(entryStateOn(byId(ledger, id), '2024-05-31').points))).toEqual([50, 25, 15]);

    const losses = Object.fromEntries(ledger.losses.map((l) => [l.entryId, pts(l.points)]));
    expect(losses).toEqual(lost);
    const kind = after === 0 ? 'declined' : 'decreased';
    expect(
      ledger.losses.every((l) => l.kind === kind && l.date === '2024-06-01' && l.changeId === 'DN'),
    ).toBe(true);

    // The points lost on the date are exactly the fall of sold points that day.
    const lostTotal = Object.values(lost).reduce((a, b) => a + b, 0);
    const before = pts(pointsOn(ledger, '2024-05-31').sold);
    const on = pts(pointsOn(ledger, '2024-06-01').sold);
    expect(before).toBe(90);
    expect(Math.round((before - on) * 100) / 100).toBe(lostTotal);
    expect(on).toBe(remaining.reduce((a, b) => a + b, 0));
  });

  it("keeps round(points * b' / delta) of the points at creation, rounding half away from zero", () => {
    // €880 on 2024-03-01 (EUR 75, rate 5) = 58.67 points. Down to €440: round(58.67 * 440 / 880)
    // = round(29.335) = 29.34, not the 29.33 that €440 would earn afresh; 29.33 lost.
    const f = facts().client('C1', 'DE', 'EUR').deal('D1', 'C1', { closedOn: '2024-03-01' });
    f.mrr('C1', LINE, '2024-03-01', 880, { deal: 'D1' });
    f.mrr('C1', LINE, '2024-05-01', 440, { reason: 'downgrade' });
    const { p1 } = ledgers(f);
    expect(pts(p1.entries[0]!.points)).toBe(58.67);
    expect(pts(entryStateOn(p1.entries[0]!, '2024-05-01').points)).toBe(29.34);
    expect(p1.losses.map((l) => [l.kind, pts(l.points)])).toEqual([['decreased', 29.33]]);
  });

  it('applies successive decreases to what is left, each from the points at creation', () => {
    // €880 on 2024-03-01 → 58.67 points. Down to €440: round(58.67 × 440 / 880) = 29.34.
    // Then to €110: round(58.67 × 110 / 880) = round(7.33375) = 7.33; recomputing from the
    // rounded 29.34 (round(29.34 × 110 / 440) = round(7.335) = 7.34) would be a second rounding.
    const f = facts().client('C1', 'DE', 'EUR').deal('D1', 'C1', { closedOn: '2024-03-01' });
    f.mrr('C1', LINE, '2024-03-01', 880, { deal: 'D1' });
    f.mrr('C1', LINE, '2024-04-01', 440);
    f.mrr('C1', LINE, '2024-05-01', 110);
    const { p1 } = ledgers(f);
    const e = p1.entries[0]!;
    expect(e.steps.map((s) => [s.date, pts(s.points), s.backing / 10_000])).toEqual([
      ['2024-04-01', 29.34, 440],
      ['2024-05-01', 7.33, 110],
    ]);
    expect(p1.losses.map((l) => pts(l.points))).toEqual([29.33, 22.01]);
    expect(pts(pointsOn(p1, '2024-05-01').sold)).toBe(7.33);
  });
});

describe('ties on earnedOn: the later-created entry is consumed first (§3.4)', () => {
  // On 2024-03-01: first change 0 → $1,000 by P1's deal (50 points), second $1,000 → $1,500 by
  // P2's deal (25 points). On 2024-06-01 down to $800 (r = 700): P2's entry (created second)
  // goes fully, then $200 of P1's: $800 left → 40 points.
  it.each([
    { first: 'T1', second: 'T2', arrayOrder: 'as created' },
    { first: 'T1', second: 'T2', arrayOrder: 'reversed' },
    // Code-point order: 'B' (66) < 'a' (97), though a locale sort puts 'a' first.
    { first: 'B', second: 'a', arrayOrder: 'reversed' },
    // 'X-10' < 'X-9' in code points (no numeric sort).
    { first: 'X-10', second: 'X-9', arrayOrder: 'reversed' },
  ])('ids $first then $second, given $arrayOrder', ({ first, second, arrayOrder }) => {
    const f = facts()
      .client('C1')
      .deal('D1', 'C1', { closedOn: '2024-03-01' })
      .deal('D2', 'C1', { closedOn: '2024-03-01', partnerId: 'P2' });
    const a = () => f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D1', id: first });
    const b = () => f.mrr('C1', LINE, '2024-03-01', 1500, { deal: 'D2', id: second });
    if (arrayOrder === 'reversed') {
      b();
      a();
    } else {
      a();
      b();
    }
    f.mrr('C1', LINE, '2024-06-01', 800, { id: 'Z-DOWN' });
    const { p1, p2 } = ledgers(f);
    expect(p1.entries.map((e) => [e.entryId, e.seq, pts(e.points)])).toEqual([[first, 0, 50]]);
    expect(p2.entries.map((e) => [e.entryId, e.seq, pts(e.points)])).toEqual([[second, 1, 25]]);
    expect(pts(pointsOn(p2, '2024-06-01').sold)).toBe(0);
    expect(pts(pointsOn(p1, '2024-06-01').sold)).toBe(40);
    expect(p2.losses.map((l) => [pts(l.points), l.backing / 10_000])).toEqual([[25, 500]]);
    expect(p1.losses.map((l) => [pts(l.points), l.backing / 10_000])).toEqual([[10, 200]]);
  });
});

describe('churn then restart (§3.2, §3.3, §3.4)', () => {
  // 2024-01-10 new $1,000 by P1's sourced deal D1: origin 2024-01-10, rule set 2022-07, 3 per $100 → 30.
  // 2024-02-10 +$500 without a deal: seller of record P1, rate locked at 3 → 15.
  // 2024-03-01 churn to $0: both entries declined (15 + 30 = 45).
  // 2024-04-01 restart at $1,000 (new origin: rule set 2024-02), 2024-05-01 +$200 without a deal.
  it.each([
    {
      restartDeal: undefined,
      p1: [30, 15],
      p2: [],
      note: 'no deal: the seller of record was reset, so nobody is credited',
    },
    {
      restartDeal: 'D1',
      p1: [30, 15, 50, 10],
      p2: [],
      note: "P1's old deal again: the rate is the restart date's (5), not the first origin's (3)",
    },
    {
      restartDeal: 'D2',
      p1: [30, 15],
      p2: [30, 6],
      note: "P2's assisted deal: P2 becomes the seller of record (assisted 3 per $100)",
    },
  ])('restart with $restartDeal: $note', ({ restartDeal, p1: p1Points, p2: p2Points }) => {
    const f = facts()
      .client('C1')
      .deal('D1', 'C1', { closedOn: '2024-01-10' })
      .deal('D2', 'C1', { closedOn: '2024-04-01', partnerId: 'P2', type: 'assisted' });
    f.mrr('C1', LINE, '2024-01-10', 1000, { deal: 'D1', reason: 'new' });
    f.mrr('C1', LINE, '2024-02-10', 1500, { reason: 'upsell' });
    f.mrr('C1', LINE, '2024-03-01', 0, { reason: 'churn' });
    f.mrr('C1', LINE, '2024-04-01', 1000, restartDeal ? { deal: restartDeal } : {});
    f.mrr('C1', LINE, '2024-05-01', 1200, { reason: 'price_change' });
    const { p1, p2 } = ledgers(f);

    expect(p1.entries.map((e) => pts(e.points))).toEqual(p1Points);
    expect(p2.entries.map((e) => pts(e.points))).toEqual(p2Points);
    // The churn declined both of P1's first entries.
    expect(p1.losses.map((l) => [l.kind, l.date, pts(l.points)])).toEqual(
      expect.arrayContaining([
        ['declined', '2024-03-01', 15],
        ['declined', '2024-03-01', 30],
      ]),
    );
    expect(p1.losses).toHaveLength(2);
    expect(pts(pointsOn(p1, '2024-02-29').sold)).toBe(45);
    expect(pts(pointsOn(p1, '2024-03-01').sold)).toBe(0);
    // The old entries stay at zero after the restart.
    for (const e of p1.entries.slice(0, 2)) expect(entryStateOn(e, '2024-06-01').points).toBe(0);

    const restarted = [...p1.entries, ...p2.entries].filter((e) => e.earnedOn >= '2024-04-01');
    for (const e of restarted) {
      expect(e.originDate).toBe('2024-04-01');
      expect(e.explanation.rateRuleSetId).toBe('2024-02');
    }
    expect(restarted.map((e) => e.kind)).toEqual(restarted.length ? ['new', 'increased'] : []);
    expect(pts(pointsOn(p1, '2024-05-15').sold) + pts(pointsOn(p2, '2024-05-15').sold)).toBe(
      restarted.reduce((s, e) => s + pts(e.points), 0),
    );
  });
});

describe('a decrease does not touch expired entries (§3.4)', () => {
  // E1 2024-01-10 $1,000 by deal → 30 points, expires 2025-01-10.
  // E2 2024-06-01 +$500 (seller of record, rate locked at 3) → 15, expires 2025-06-01.
  // Then down to $600 (r = 900).
  it.each([
    // Day before E1 expires: E2 goes (15), then $400 of E1 → $600 left → 18 points (12 lost).
    { on: '2025-01-09', e1: 18, e2: 0, lost: { E2: 15, E1: 12 } },
    // On E1's expiry day it is no longer active: only E2 is consumed; the other $400 touches nothing.
    { on: '2025-01-10', e1: 30, e2: 0, lost: { E2: 15 } },
    { on: '2025-02-01', e1: 30, e2: 0, lost: { E2: 15 } },
  ])('downgrade on $on', ({ on, e1, e2, lost }) => {
    const f = facts().client('C1').deal('D1', 'C1', { closedOn: '2024-01-10' });
    f.mrr('C1', LINE, '2024-01-10', 1000, { deal: 'D1', id: 'E1' });
    f.mrr('C1', LINE, '2024-06-01', 1500, { id: 'E2' });
    f.mrr('C1', LINE, on, 600, { id: 'E3', reason: 'downgrade' });
    const { p1 } = ledgers(f);
    expect(pts(entryStateOn(byId(p1, 'E1'), on).points)).toBe(e1);
    expect(pts(entryStateOn(byId(p1, 'E2'), on).points)).toBe(e2);
    expect(Object.fromEntries(p1.losses.map((l) => [l.entryId, pts(l.points)]))).toEqual(lost);
    expect(byId(p1, 'E1').steps.length).toBe(lost.E1 === undefined ? 0 : 1);
  });
});

describe('crediting: closed-won deal, else seller of record, else nobody (§3.2)', () => {
  // New line 2024-03-01 $1,000 by P1's sourced deal D1 (50 points); +$500 on 2024-04-01 with
  // P2's assisted deal D2 at stage S. Rate locked on 2024-03-01 (sourced 5, assisted 3).
  it.each<{ stage: DealStage; partner: string; type: DealType; via: string; dealId: string; points: number }>(
    [
      { stage: 'closed_won', partner: 'P2', type: 'assisted', via: 'deal', dealId: 'D2', points: 15 },
      { stage: 'open', partner: 'P1', type: 'sourced', via: 'seller_of_record', dealId: 'D1', points: 25 },
      {
        stage: 'closed_lost',
        partner: 'P1',
        type: 'sourced',
        via: 'seller_of_record',
        dealId: 'D1',
        points: 25,
      },
    ],
  )(
    'upsell with a deal at stage $stage → $partner ($type via $via)',
    ({ stage, partner, type, via, dealId, points }) => {
      const f = facts()
        .client('C1')
        .deal('D1', 'C1', { closedOn: '2024-03-01' })
        .deal('D2', 'C1', { closedOn: '2024-04-01', partnerId: 'P2', type: 'assisted', stage });
      f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D1' });
      f.mrr('C1', LINE, '2024-04-01', 1500, { deal: 'D2', id: 'UP' });
      const { p1, p2 } = ledgers(f);
      const upsell = [...p1.entries, ...p2.entries].filter((e) => e.entryId === 'UP');
      expect(upsell).toHaveLength(1);
      const e = upsell[0]!;
      expect([e.partnerId, e.dealType, e.creditedVia, e.dealId, pts(e.points), e.kind]).toEqual([
        partner,
        type,
        via,
        dealId,
        points,
        'increased',
      ]);
    },
  );

  it.each<{ stage: DealStage; p2: number[] }>([
    // Closed-won: P2's deal credits the new line (sourced 5 → 50) and makes P2 the seller of
    // record, so the later no-deal increase of $200 is P2's too (10).
    { stage: 'closed_won', p2: [50, 10] },
    // Not closed-won: counts as no deal; the line has no seller of record: a direct sale.
    { stage: 'open', p2: [] },
    { stage: 'closed_lost', p2: [] },
  ])(
    'new line with a deal at stage $stage and no seller of record → P2 entries $p2',
    ({ stage, p2: expected }) => {
      const f = facts().client('C1').deal('D2', 'C1', { closedOn: '2024-03-01', partnerId: 'P2', stage });
      f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D2' });
      f.mrr('C1', LINE, '2024-06-01', 1200, { reason: 'discount_change' });
      const { p1, p2 } = ledgers(f);
      expect(p1.entries).toEqual([]);
      expect(p2.entries.map((e) => pts(e.points))).toEqual(expected);
    },
  );

  it('a closed-won deal of another client counts as no deal', () => {
    const f = facts()
      .client('C1')
      .client('C2')
      .deal('D1', 'C1', { closedOn: '2024-03-01' })
      .deal('DX', 'C2', { closedOn: '2024-04-01', partnerId: 'P2' });
    f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D1' });
    f.mrr('C1', LINE, '2024-04-01', 1500, { deal: 'DX' });
    const { p1, p2 } = ledgers(f);
    expect(p2.entries).toEqual([]);
    expect(p1.entries.map((e) => [e.creditedVia, e.dealId, pts(e.points)])).toEqual([
      ['deal', 'D1', 50],
      ['seller_of_record', 'D1', 25],
    ]);
  });

  it('the seller of record is the first closed-won deal attached to an increase, even after a non-credited start', () => {
    // New line with an open deal (no credit, no seller); +$500 with P1's closed-won deal → P1 (25)
    // and P1 becomes the seller; +$500 with P2's closed-won deal → P2 (25); +$200 without a deal → P1 (10).
    const f = facts()
      .client('C1')
      .deal('DO', 'C1', { closedOn: '2024-03-01', partnerId: 'P2', stage: 'open' })
      .deal('D1', 'C1', { closedOn: '2024-04-01' })
      .deal('D2', 'C1', { closedOn: '2024-05-01', partnerId: 'P2' });
    f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'DO' });
    f.mrr('C1', LINE, '2024-04-01', 1500, { deal: 'D1' });
    f.mrr('C1', LINE, '2024-05-01', 2000, { deal: 'D2' });
    f.mrr('C1', LINE, '2024-06-01', 2200);
    const { p1, p2 } = ledgers(f);
    expect(p1.entries.map((e) => [e.earnedOn, e.creditedVia, pts(e.points)])).toEqual([
      ['2024-04-01', 'deal', 25],
      ['2024-06-01', 'seller_of_record', 10],
    ]);
    expect(p2.entries.map((e) => [e.earnedOn, e.creditedVia, pts(e.points)])).toEqual([
      ['2024-05-01', 'deal', 25],
    ]);
  });
});

describe("an increase without a deal goes to the seller of record, with the seller's deal type (§3.2)", () => {
  // New line 2024-03-01 $1,000 by P1's deal of type T; 2024-06-01 a discount change raises it to
  // $1,200. Rate locked on 2024-03-01: sourced 5 → 10 points, assisted 3 → 6 points.
  it.each<{ type: DealType; first: number; increase: number }>([
    { type: 'sourced', first: 50, increase: 10 },
    { type: 'assisted', first: 30, increase: 6 },
  ])('seller of record $type → the increase is $type, $increase points', ({ type, first, increase }) => {
    const f = facts().client('C1').deal('D1', 'C1', { closedOn: '2024-03-01', type });
    f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D1', reason: 'new' });
    f.mrr('C1', LINE, '2024-06-01', 1200, { reason: 'discount_change' });
    const { p1 } = ledgers(f);
    expect(
      p1.entries.map((e) => [e.dealType, e.creditedVia, e.dealId, e.kind, e.reason, pts(e.points)]),
    ).toEqual([
      [type, 'deal', 'D1', 'new', 'new', first],
      [type, 'seller_of_record', 'D1', 'increased', 'discount_change', increase],
    ]);
    expect(pts(pointsOn(p1, '2024-06-01')[type])).toBe(first + increase);
  });

  it('a later growth-market status applies from the change date, the rate from the origin date', () => {
    // BR client in 2024-03 (2024-02 rules): $1,000 sourced → 5 × 10 × 2 = 100; +$100 without a
    // deal on 2025-08-01 (rule set 2025-07, same rate): 5 × 1 × 2 = 10.
    const f = facts().client('C1', 'BR', 'USD').deal('D1', 'C1', { closedOn: '2024-03-01' });
    f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D1' });
    f.mrr('C1', LINE, '2025-08-01', 1100);
    const { p1 } = ledgers(f);
    expect(p1.entries.map((e) => pts(e.points))).toEqual([100, 10]);
    expect(p1.entries[1]!.explanation.currencyRuleSetId).toBe('2025-07');
    expect(p1.entries[1]!.explanation.rateRuleSetId).toBe('2024-02');
  });
});

describe('a direct sale (no seller of record) makes no entry (§3.2)', () => {
  it('no deal on any change: no entries and no losses for anyone; the MRR still counts for managed', () => {
    const f = facts().client('C1').manage('C1', '2024-01-01');
    f.mrr('C1', LINE, '2024-03-01', 1000);
    f.mrr('C1', LINE, '2024-04-01', 1500, { reason: 'upsell' });
    f.mrr('C1', LINE, '2024-05-01', 500, { reason: 'downgrade' });
    const { p1, p2 } = ledgers(f);
    expect([p1.entries, p1.losses, p2.entries, p2.losses]).toEqual([[], [], [], []]);
    expect(pointsOn(p1, '2024-04-15')).toMatchObject({ sold: 0, managed: 1500 });
    expect(pts(pointsOn(p1, '2024-05-01').managed)).toBe(5);
  });
});

describe('same-date changes of a line apply in change_id (code-point) order (§3.2)', () => {
  // On 2024-03-01, one change to $1,000 with P1's deal D1 and one to $600 without a deal.
  it.each([
    // '$1,000' first: 0 → 1,000 (new, 50 points), then 1,000 → 600: 400 consumed → 30 left (20 decreased).
    { up: 'X1', down: 'X2', entries: [['new', 50, 30]], decreased: 20, mrr: 600 },
    { up: 'B', down: 'a', entries: [['new', 50, 30]], decreased: 20, mrr: 600 },
    // 'CH10' < 'CH9' in code points: the $600 change applies first (a direct sale, no entry),
    // then 600 → 1,000 by D1: +$400 → 20 points, kind increased; nothing decreased.
    { up: 'CH9', down: 'CH10', entries: [['increased', 20, 20]], decreased: 0, mrr: 1000 },
    { up: 'b', down: 'B', entries: [['increased', 20, 20]], decreased: 0, mrr: 1000 },
  ])('ids: up $up, down $down', ({ up, down, entries, decreased, mrr }) => {
    const f = facts().client('C1').deal('D1', 'C1', { closedOn: '2024-03-01' }).manage('C1', '2024-01-01');
    // Given in the opposite array order to the one the ids dictate whenever it matters.
    f.mrr('C1', LINE, '2024-03-01', 600, { id: down });
    f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D1', id: up });
    const { p1 } = ledgers(f);
    expect(p1.entries.map((e) => [e.kind, pts(e.points), pts(entryStateOn(e, '2024-03-01').points)])).toEqual(
      entries,
    );
    expect(p1.losses.reduce((s, l) => s + pts(l.points), 0)).toBe(decreased);
    expect(pts(pointsOn(p1, '2024-03-01').sold)).toBe(entries[0]![2]);
    // The line's MRR on the date is the level after the last change in id order ($1 → 0.01 managed).
    expect(pts(pointsOn(p1, '2024-03-01').managed)).toBe(mrr / 100);
  });
});

describe('applying the same MRR level twice changes nothing', () => {
  // Baseline: $1,000 by P1's deal on 2024-03-01 (50 points), $600 on 2024-05-01 (30 left).
  it.each([
    {
      label: 'same date, later id, with a closed-won deal of P2',
      date: '2024-03-01',
      level: 1000,
      deal: 'D2',
    },
    { label: 'a later date, with a closed-won deal of P2', date: '2024-04-01', level: 1000, deal: 'D2' },
    { label: 'a later date, no deal', date: '2024-04-01', level: 1000, deal: undefined },
    { label: 'after the decrease, same date', date: '2024-05-01', level: 600, deal: undefined },
    { label: 'after the decrease, later, with a deal of P1', date: '2024-05-20', level: 600, deal: 'D1' },
  ])('$label', ({ date, level, deal }) => {
    const f = facts()
      .client('C1')
      .deal('D1', 'C1', { closedOn: '2024-03-01' })
      .deal('D2', 'C1', { closedOn: '2024-03-01', partnerId: 'P2' });
    f.mrr('C1', LINE, '2024-03-01', 1000, { deal: 'D1', id: 'A1' });
    f.mrr('C1', LINE, '2024-05-01', 600, { id: 'A3' });
    f.mrr('C1', LINE, date, level, { id: date === '2024-05-01' ? 'A4' : 'A2', ...(deal ? { deal } : {}) });
    const { p1, p2 } = ledgers(f);
    expect(p1.entries.map((e) => [e.entryId, pts(e.points)])).toEqual([['A1', 50]]);
    expect(p2.entries).toEqual([]);
    expect(p1.losses.map((l) => [l.changeId, pts(l.points)])).toEqual([['A3', 20]]);
    expect(pts(pointsOn(p1, '2024-06-01').sold)).toBe(30);
  });
});
