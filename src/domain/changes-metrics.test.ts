// Tables of cases for point changes (PROGRAM_RULES §6), revenue metrics (§7), tier insights
// and projection (§5), commission (§9) and renewals (§10). Expected numbers are worked out by
// hand in the comments.
import { describe, expect, it } from 'vitest';
import { type ChangeCategory, type ChangeTotals, pointChanges } from './changes.ts';
import { commissionSchedule } from './commission.ts';
import { addDays } from './dates.ts';
import { exampleProgram } from './default-program.ts';
import type { RenewalFact, RenewalStatus } from './facts.ts';
import { deriveLedger, type Ledger, pointsOn } from './ledger.ts';
import { engagementBand, medianToolUsage, revenueMetrics } from './metrics.ts';
import { pointsToNumber, scaledToNumber } from './money.ts';
import { derivePartner } from './partner.ts';
import { tierInsights } from './projection.ts';
import { renewalAlerts, upcomingRenewals } from './renewals.ts';
import { facts } from './testing.ts';
import { creditedOn } from './tiers.ts';

const program = exampleProgram;
const pts = (p: number) => pointsToNumber(p);
const money = (s: number | null) => (s === null ? null : scaledToNumber(s));
const totalsOf = (t: ChangeTotals) =>
  Object.fromEntries(Object.entries(t).map(([k, v]) => [k, pts(v)])) as Record<ChangeCategory, number>;

// ---- §6 point changes -------------------------------------------------------------------------

// P1's facts (2024-02 rules: sourced 5, assisted 3, managed 1 per $100):
// A: sourced deal; A1 2025-02-01 new line $1,000 → 50 (new); A2 2025-03-01 +$500 without a
//    deal (seller of record) → 25 (increased); A3 2025-04-10 down to $1,200: A2 keeps $200 →
//    round(25 × 200 / 500) = 10, 15 decreased.
// B: assisted; B1 2024-03-15 'Sales' $2,000 → 60, expires 2025-03-15; B2 2025-05-01 cross-sell
//    'Service' $1,000 → 30 (new); B3 2025-05-20 'Service' churned → 30 declined.
// Managed (direct lines): M1 $1,000 since 2024 (10), $3,000 from 2025-03-01 (30);
// M2 $2,000 (20), management ends 2025-04-01; M3 $500, managed 2025-02-01 up to 2025-03-01;
// M4 $400, managed from 2025-01-01 (4); M5 $1,000 (10), P2 joins on 2025-02-01 (5).
function changesLedger(): Ledger {
  const f = facts()
    .client('A')
    .client('B')
    .client('M1')
    .client('M2')
    .client('M3')
    .client('M4')
    .client('M5')
    .deal('DA', 'A', { closedOn: '2025-02-01' })
    .deal('DB', 'B', { closedOn: '2024-03-15', type: 'assisted' })
    .deal('DB2', 'B', { closedOn: '2025-05-01', type: 'assisted' });
  f.mrr('A', 'Mkt', '2025-02-01', 1000, { deal: 'DA', id: 'A1' });
  f.mrr('A', 'Mkt', '2025-03-01', 1500, { id: 'A2', reason: 'upsell' });
  f.mrr('A', 'Mkt', '2025-04-10', 1200, { id: 'A3', reason: 'downgrade' });
  f.mrr('B', 'Sales', '2024-03-15', 2000, { deal: 'DB', id: 'B1' });
  f.mrr('B', 'Service', '2025-05-01', 1000, { deal: 'DB2', id: 'B2', reason: 'cross_sell' });
  f.mrr('B', 'Service', '2025-05-20', 0, { id: 'B3', reason: 'churn' });
  f.mrr('M1', 'Hub', '2024-01-01', 1000).mrr('M1', 'Hub', '2025-03-01', 3000).manage('M1', '2024-01-01');
  f.mrr('M2', 'Hub', '2024-01-01', 2000).manage('M2', '2024-06-01', '2025-04-01');
  f.mrr('M3', 'Hub', '2024-01-01', 500).manage('M3', '2025-02-01', '2025-03-01');
  f.mrr('M4', 'Hub', '2024-01-01', 400).manage('M4', '2025-01-01');
  f.mrr('M5', 'Hub', '2024-01-01', 1000).manage('M5', '2024-01-01').manage('M5', '2025-02-01', null, 'P2');
  return deriveLedger(program, f.build());
}

describe('pointChanges over [from, to] (§6)', () => {
  const ledger = changesLedger();
  const zero = {
    newSold: 0,
    increasedSold: 0,
    expiredSold: 0,
    decreasedSold: 0,
    declinedSold: 0,
    newManaged: 0,
    lostManaged: 0,
  };
  it.each([
    {
      from: '2025-01-01',
      to: '2025-06-30',
      totals: {
        newSold: 80,
        increasedSold: 25,
        expiredSold: 60,
        decreasedSold: 15,
        declinedSold: 30,
        // M1 10 → 30, M4 0 → 4; M2 20 → 0, M5 10 → 5. M3 started and ended inside: no change.
        newManaged: 24,
        lostManaged: 25,
      },
    },
    {
      from: '2025-03-16',
      to: '2025-06-30',
      totals: { ...zero, newSold: 30, decreasedSold: 15, declinedSold: 30, lostManaged: 20 },
    },
    { from: '2025-03-15', to: '2025-03-15', totals: { ...zero, expiredSold: 60 } },
    { from: '2025-03-14', to: '2025-03-14', totals: zero },
    // A1 (50) expires 2026-02-01 and A2 with its remaining 10 on 2026-03-01.
    { from: '2026-01-01', to: '2026-03-31', totals: { ...zero, expiredSold: 60 } },
    // B2 expires 2026-05-01 with nothing left: no expired points.
    { from: '2026-04-01', to: '2026-05-31', totals: zero },
  ])('[$from, $to]', ({ from, to, totals }) => {
    const c = pointChanges(ledger, from, to);
    expect(totalsOf(c.totals)).toEqual(totals);
    // Sold: the level at `to` = the level the day before `from` + won − lost.
    const before = pointsOn(ledger, addDays(from, -1));
    const after = pointsOn(ledger, to);
    const t = c.totals;
    expect(after.sold - before.sold).toBe(
      t.newSold + t.increasedSold - t.expiredSold - t.decreasedSold - t.declinedSold,
    );
    expect(after.managed - before.managed).toBe(t.newManaged - t.lostManaged);
  });

  it('drills down to clients and entries', () => {
    const c = pointChanges(ledger, '2025-01-01', '2025-06-30');
    const items = (cat: ChangeCategory) =>
      c.items
        .filter((i) => i.category === cat)
        .map((i) => [i.clientId, i.entryId ?? null, i.date, pts(i.points)]);
    expect(items('newSold')).toEqual([
      ['A', 'A1', '2025-02-01', 50],
      ['B', 'B2', '2025-05-01', 30],
    ]);
    expect(items('increasedSold')).toEqual([['A', 'A2', '2025-03-01', 25]]);
    expect(items('expiredSold')).toEqual([['B', 'B1', '2025-03-15', 60]]);
    expect(items('decreasedSold')).toEqual([['A', 'A2', '2025-04-10', 15]]);
    expect(items('declinedSold')).toEqual([['B', 'B2', '2025-05-20', 30]]);
    const managed = c.items
      .filter((i) => i.category === 'newManaged' || i.category === 'lostManaged')
      .map((i) => [i.category, i.clientId, pts(i.before!), pts(i.after!)]);
    expect(managed).toEqual(
      expect.arrayContaining([
        ['newManaged', 'M1', 10, 30],
        ['newManaged', 'M4', 0, 4],
        ['lostManaged', 'M2', 20, 0],
        ['lostManaged', 'M5', 10, 5],
      ]),
    );
    expect(managed).toHaveLength(4);
  });

  it('DATA_AND_INTERFACES §3: changes P1 2025-01-01..2025-12-31 → newSold 50, newManaged 10', () => {
    // A $1,000 sourced new line in 2025 (5 per $100 → 50) and a $1,000 managed client (10).
    const f = facts().client('C1').client('C2').deal('D1', 'C1', { closedOn: '2025-03-01' });
    f.mrr('C1', 'Marketing Hub Professional', '2025-03-01', 1000, { deal: 'D1', reason: 'new' });
    f.mrr('C2', 'Sales Hub Professional', '2025-02-01', 1000).manage('C2', '2025-02-01');
    const built = f.build();
    const c = pointChanges(deriveLedger(program, built), '2025-01-01', '2025-12-31');
    expect(totalsOf(c.totals)).toEqual({
      newSold: 50,
      increasedSold: 0,
      expiredSold: 0,
      decreasedSold: 0,
      declinedSold: 0,
      newManaged: 10,
      lostManaged: 0,
    });
    // And `points P1 --on 2025-12-31`: sourced 50, sold 50, managed 10, total 60, no tiers.
    const d = derivePartner(program, built, '2025-12-31');
    const p = pointsOn(d.ledger, '2025-12-31');
    expect([p.sourced, p.assisted, p.sold, p.managed, p.total].map(pts)).toEqual([50, 0, 50, 10, 60]);
    expect(d.snapshots.at(-1)!.tier).toBe(null);
    expect(creditedOn(d.tierHistory, '2025-12-31')).toBe(null);
  });
});

// ---- §7 revenue metrics -------------------------------------------------------------------------

describe('12-month sourced dollars and rolling sourced MRR (§7)', () => {
  // P1's sourced entries:
  //   U1 CU/L1 2024-09-30 $1,000 (expires 2025-09-30)
  //   U2 CU/L2 2024-10-01 $2,000, down to $500 on 2025-02-01 (expires 2025-10-01)
  //   E1 CE/L1 2025-07-01 €750;  E2 CE/L2 2025-08-01 €1,000
  //   U3 CU/L4 2025-10-01 $300
  // Not counted: an assisted $5,000 (CA, 2025-01-01), P2's sourced $700 on CU/L3 (2025-03-01).
  // EUR is 75 per 100 USD until 2025-07-14, 88 from 2025-07-15.
  const f = facts()
    .client('CU')
    .client('CE', 'DE', 'EUR')
    .client('CA')
    .deal('DU', 'CU', { closedOn: '2024-09-30' })
    .deal('DE', 'CE', { closedOn: '2025-07-01' })
    .deal('DA', 'CA', { closedOn: '2025-01-01', type: 'assisted' })
    .deal('DO', 'CU', { closedOn: '2025-03-01', partnerId: 'P2' });
  f.mrr('CU', 'L1', '2024-09-30', 1000, { deal: 'DU' });
  f.mrr('CU', 'L2', '2024-10-01', 2000, { deal: 'DU' });
  f.mrr('CU', 'L2', '2025-02-01', 500, { reason: 'downgrade' });
  f.mrr('CE', 'L1', '2025-07-01', 750, { deal: 'DE' });
  f.mrr('CE', 'L2', '2025-08-01', 1000, { deal: 'DE' });
  f.mrr('CU', 'L4', '2025-10-01', 300, { deal: 'DU' });
  f.mrr('CA', 'L1', '2025-01-01', 5000, { deal: 'DA' });
  f.mrr('CU', 'L3', '2025-03-01', 700, { deal: 'DO' });
  const ledger = deriveLedger(program, f.build());

  it.each([
    // (D − 12 months, D]; EUR converted with the table in force on D, the sum rounded to cents once.
    { on: '2025-06-30', dollars: 3000, rolling: 1500 }, // U1 + U2 (delta, not what is left); rolling 1,000 + 500
    { on: '2025-07-14', dollars: 4000, rolling: 2500 }, // + €750 / 75 × 100 = $1,000
    { on: '2025-07-15', dollars: 3852.27, rolling: 2352.27 }, // €750 / 88 × 100 = 852.2727
    { on: '2025-09-29', dollars: 4988.64, rolling: 3488.64 }, // €1,750 → 1,988.636
    { on: '2025-09-30', dollars: 3988.64, rolling: 2488.64 }, // U1 earned on D − 12 months: out; U1 expired
    { on: '2025-10-01', dollars: 2288.64, rolling: 2288.64 }, // U2 out, U3 in; U2 expired
  ])('on $on: 12-month sourced $$dollars, rolling sourced MRR $$rolling', ({ on, dollars, rolling }) => {
    const m = revenueMetrics(ledger, on);
    expect(m.currency).toBe('USD');
    expect(money(m.sourcedDollars12m)).toBe(dollars);
    expect(money(m.sourcedMrrRolling12m)).toBe(rolling);
  });
});

describe('customer dollar retention, 12 months: churn only (§7)', () => {
  // D = 2025-06-30, D − 12 months = 2024-06-30. Attributed then: M1 ($1,000, managed), M2 ($3,000,
  // managed), S1 ($1,000, an active sold entry of 2024-01-10). Not attributed then: N1 (managed
  // from 2024-08-01) and X1 (management ended on 2024-06-30, the first day without).
  function retention(o: { churnM2: boolean; upgradeM1: boolean; downgradeS1: boolean; shrinkM2?: boolean }) {
    const f = facts()
      .client('M1')
      .client('M2')
      .client('S1')
      .client('N1')
      .client('X1')
      .deal('D1', 'S1', { closedOn: '2024-01-10' });
    f.mrr('M1', 'Hub', '2024-01-01', 1000).manage('M1', '2024-01-01');
    f.mrr('M2', 'Hub', '2024-01-01', 3000).manage('M2', '2024-01-01');
    f.mrr('S1', 'Hub', '2024-01-10', 1000, { deal: 'D1' });
    f.mrr('N1', 'Hub', '2024-01-01', 10000).manage('N1', '2024-08-01');
    f.mrr('X1', 'Hub', '2024-01-01', 4000).manage('X1', '2024-01-01', '2024-06-30');
    f.mrr('X1', 'Hub', '2025-03-01', 0);
    if (o.upgradeM1) f.mrr('M1', 'Hub', '2025-03-01', 5000);
    if (o.churnM2) f.mrr('M2', 'Hub', '2025-03-01', 0);
    if (o.shrinkM2) f.mrr('M2', 'Hub', '2025-03-01', 1);
    if (o.downgradeS1) f.mrr('S1', 'Hub', '2025-02-01', 200);
    return revenueMetrics(deriveLedger(program, f.build()), '2025-06-30').customerDollarRetention12m;
  }
  it.each([
    // (M1 $1,000 + S1 $1,000) / $5,000 = 0.4 whether they grew or shrank since.
    { churnM2: true, upgradeM1: false, downgradeS1: false, cdr: 0.4 },
    { churnM2: true, upgradeM1: true, downgradeS1: false, cdr: 0.4 },
    { churnM2: true, upgradeM1: true, downgradeS1: true, cdr: 0.4 },
    { churnM2: false, upgradeM1: false, downgradeS1: false, cdr: 1 },
    { churnM2: false, upgradeM1: true, downgradeS1: true, cdr: 1 },
    { churnM2: false, upgradeM1: false, downgradeS1: false, shrinkM2: true, cdr: 1 },
  ])('M2 churned $churnM2, M1 upgraded $upgradeM1, S1 downgraded $downgradeS1 → $cdr', (row) => {
    expect(money(retention(row))).toBe(row.cdr);
  });

  it('is null without clients attributed a year before', () => {
    const f = facts().client('C1').manage('C1', '2025-01-01');
    f.mrr('C1', 'Hub', '2025-01-01', 1000);
    expect(revenueMetrics(deriveLedger(program, f.build()), '2025-06-30').customerDollarRetention12m).toBe(
      null,
    );
  });
});

describe('median tool usage and engagement bands (§7)', () => {
  // On 2025-06-30 P1 manages C1..C4; C9 is managed only by P2.
  function median(usage: [string, string, number][]) {
    const f = facts().client('C1').client('C2').client('C3').client('C4').client('C9');
    for (const c of ['C1', 'C2', 'C3', 'C4']) f.mrr(c, 'Hub', '2025-01-01', 100).manage(c, '2025-01-01');
    f.mrr('C9', 'Hub', '2025-01-01', 100).manage('C9', '2025-01-01', null, 'P2');
    for (const [client, month, tools] of usage) f.use(client, month, tools);
    const r = medianToolUsage(deriveLedger(program, f.build()), '2025-06-30');
    return r && { month: r.month, median: money(r.median) };
  }
  const noise: [string, string, number][] = [
    ['C1', '2025-05', 10], // an older month
    ['C1', '2025-07', 0], // after the date
    ['C9', '2025-06', 1], // a client not attributed to P1
  ];
  it.each<{
    label: string;
    usage: [string, string, number][];
    expected: { month: string; median: number } | null;
  }>([
    {
      label: 'odd count: the middle value',
      usage: [['C1', '2025-06', 2], ['C2', '2025-06', 9], ['C3', '2025-06', 4], ...noise],
      expected: { month: '2025-06', median: 4 },
    },
    {
      label: 'even count: the mean of the two middle values',
      usage: [
        ['C1', '2025-06', 2],
        ['C2', '2025-06', 9],
        ['C3', '2025-06', 4],
        ['C4', '2025-06', 5],
        ...noise,
      ],
      expected: { month: '2025-06', median: 4.5 },
    },
    {
      label: 'one value',
      usage: [['C2', '2025-06', 7], ...noise],
      expected: { month: '2025-06', median: 7 },
    },
    {
      label: 'the latest month with data',
      usage: [
        ['C1', '2025-04', 1],
        ['C2', '2025-05', 3],
        ['C3', '2025-05', 6],
      ],
      expected: { month: '2025-05', median: 4.5 },
    },
    { label: 'no data', usage: [['C9', '2025-06', 1]], expected: null },
  ])('$label', ({ usage, expected }) => {
    expect(median(usage)).toEqual(expected);
  });

  it.each([
    [0, 'low'],
    [3, 'low'],
    [4, 'medium'],
    [6, 'medium'],
    [7, 'high'],
    [10, 'high'],
  ] as const)('engagement score %s → %s', (score, band) => {
    expect(engagementBand(score)).toBe(band);
  });
});

// ---- §5 insights: expirations, projection, missing points ----------------------------------------

describe('expirations in the next three month ends (§5)', () => {
  // One line per client, each sourced unless noted; $1,000 → 30 points before 2024-02-27 (3 per
  // $100), 50 from then (5 per $100); assisted 3 per $100.
  //   E0 2024-01-10 $1,000 → 30, expired 2025-01-10         E1 2024-01-20 $1,000 → 30, exp. 2025-01-20
  //   E2 2024-01-31 assisted $1,000 → 30, exp. 2025-01-31  E3 2024-02-29 $1,000 → 50, exp. 2025-02-28
  //   E4 2024-03-31 $2,000 → 100, down to $1,000 on 2024-12-01 (50 left), exp. 2025-03-31
  //   E5 2024-04-01 $1,000 → 50, exp. 2025-04-01
  const f = facts();
  const sales: [string, string, number, 'sourced' | 'assisted'][] = [
    ['E0', '2024-01-10', 1000, 'sourced'],
    ['E1', '2024-01-20', 1000, 'sourced'],
    ['E2', '2024-01-31', 1000, 'assisted'],
    ['E3', '2024-02-29', 1000, 'sourced'],
    ['E4', '2024-03-31', 2000, 'sourced'],
    ['E5', '2024-04-01', 1000, 'sourced'],
  ];
  for (const [c, date, amount, type] of sales) {
    f.client(c).deal(`D${c}`, c, { closedOn: date, type });
    f.mrr(c, 'Hub', date, amount, { deal: `D${c}` });
  }
  f.mrr('E4', 'Hub', '2024-12-01', 1000, { reason: 'downgrade' });
  const ledger = deriveLedger(program, f.build());

  it.each([
    {
      on: '2025-01-15',
      buckets: [
        ['2025-01-31', 30, 30, 60],
        ['2025-02-28', 50, 0, 50],
        ['2025-03-31', 50, 0, 50],
      ],
    },
    {
      // On a month end, the next three start after it; E2 expired on the day itself.
      on: '2025-01-31',
      buckets: [
        ['2025-02-28', 50, 0, 50],
        ['2025-03-31', 50, 0, 50],
        ['2025-04-30', 50, 0, 50],
      ],
    },
  ])('on $on', ({ on, buckets }) => {
    const ins = tierInsights(ledger, on, null);
    expect(ins.expirations.map((b) => [b.monthEnd, pts(b.sourced), pts(b.assisted), pts(b.total)])).toEqual(
      buckets,
    );
  });
});

describe('projection if nothing new is sold (§5)', () => {
  // On 2025-01-15:
  //   K1: 'Mkt' $1,000 by a sourced deal on 2024-06-01 (50 points, expires 2025-06-01) and a direct
  //       'Sales' line $500; P1 manages K1 (15 managed). 'Mkt' has a cancellation requested for 2025-02-10.
  //   K2: managed $2,000 (20), a pending renewal on 2025-02-20 (no effect).
  //   K3: $500 by a sourced deal on 2024-02-29 (25 points, expires 2025-02-28).
  //   K4: $1,000 by a sourced deal on 2024-06-01 (50), down to $400 on 2024-10-01 (20 left, expires 2025-06-01).
  const f = facts().client('K1').client('K2').client('K3').client('K4');
  f.deal('D1', 'K1', { closedOn: '2024-06-01' }).deal('D3', 'K3', { closedOn: '2024-02-29' });
  f.deal('D4', 'K4', { closedOn: '2024-06-01' });
  f.mrr('K4', 'Mkt', '2024-06-01', 1000, { deal: 'D4' }).mrr('K4', 'Mkt', '2024-10-01', 400);
  f.mrr('K1', 'Mkt', '2024-06-01', 1000, { deal: 'D1' })
    .mrr('K1', 'Sales', '2024-06-01', 500)
    .manage('K1', '2024-06-01');
  f.mrr('K2', 'Svc', '2024-01-01', 2000).manage('K2', '2024-01-01');
  f.mrr('K3', 'Mkt', '2024-02-29', 500, { deal: 'D3' });
  f.renewal('K1', 'Mkt', '2025-02-10', 'cancellation_requested');
  f.renewal('K2', 'Svc', '2025-02-20', 'pending');
  f.renewal('K3', 'Mkt', '2025-01-10', 'cancellation_requested'); // already past: ignored
  const ledger = deriveLedger(program, f.build());

  it('cancelled lines end on their renewal date; entries expire on schedule; managed otherwise stays', () => {
    const now = pointsOn(ledger, '2025-01-15');
    expect([now.sold, now.managed, now.total].map(pts)).toEqual([95, 35, 130]);
    const ins = tierInsights(ledger, '2025-01-15', null);
    expect(ins.projection.map((m) => [m.date, pts(m.sold), pts(m.managed), pts(m.total), m.tier])).toEqual([
      ['2025-01-31', 95, 35, 130, null],
      // K1 'Mkt' ended 2025-02-10 (50 sold, 10 managed); K3's entry expired 2025-02-28 (25);
      // K4 keeps what it has left today (20).
      ['2025-02-28', 20, 25, 45, null],
      ['2025-03-31', 20, 25, 45, null],
    ]);
  });
});

describe('tier insights: points missing on each track (§5)', () => {
  // A sourced sale and an assisted sale on 2025-02-01 (5 / 3 per $100), a managed client.
  function insights(o: {
    on: string;
    sourced: number;
    assisted: number;
    managed: number;
    credited: string | null;
  }) {
    const f = facts().client('S').client('A').client('M').certify('2025-01-01', '2026-12-31');
    f.deal('DS', 'S', { closedOn: '2025-02-01' }).deal('DA', 'A', {
      closedOn: '2025-02-01',
      type: 'assisted',
    });
    if (o.sourced) f.mrr('S', 'Hub', '2025-02-01', o.sourced, { deal: 'DS' });
    if (o.assisted) f.mrr('A', 'Hub', '2025-02-01', o.assisted, { deal: 'DA' });
    f.mrr('M', 'Hub', '2025-02-01', o.managed).manage('M', '2025-02-01');
    const ins = tierInsights(deriveLedger(program, f.build()), o.on, o.credited);
    const target = (t: typeof ins.keep) =>
      t && [t.tierId, pts(t.missing.total), pts(t.missing.seller), pts(t.missing.managed), t.met];
    return { keep: target(ins.keep), next: target(ins.next) };
  }
  it.each([
    // Sold 50 (sourced), managed 100 on 2025-03-01: Gold 600/60/150, Platinum 2000/200/500.
    {
      on: '2025-03-01',
      sourced: 1000,
      assisted: 0,
      managed: 10000,
      credited: null,
      keep: null,
      next: ['gold', 450, 10, 50, false],
    },
    {
      on: '2025-03-01',
      sourced: 1000,
      assisted: 0,
      managed: 10000,
      credited: 'gold',
      keep: ['gold', 450, 10, 50, false],
      next: ['platinum', 1850, 150, 400, false],
    },
    {
      on: '2025-03-01',
      sourced: 1000,
      assisted: 0,
      managed: 10000,
      credited: 'elite',
      keep: ['elite', 17850, 1750, 4400, false],
      next: null,
    },
    // 2025-08-01 (rule set 2025-07: Gold 630, seller track = sourced): assisted 120 + managed 600.
    {
      on: '2025-08-01',
      sourced: 0,
      assisted: 4000,
      managed: 60000,
      credited: null,
      keep: null,
      next: ['gold', 0, 60, 0, false],
    },
    // Sourced 60 + managed 600: Gold met on every track.
    {
      on: '2025-08-01',
      sourced: 1200,
      assisted: 0,
      managed: 60000,
      credited: 'gold',
      keep: ['gold', 0, 0, 0, true],
      next: ['platinum', 1440, 140, 0, false],
    },
  ])('on $on, credited $credited', ({ keep, next, ...o }) => {
    expect(insights(o)).toEqual({ keep, next });
  });
});

// ---- §9 commission -------------------------------------------------------------------------------

describe('commission: 20% of remaining backing monthly for 36 months, paid quarter end + 45 days (§9)', () => {
  // Deal D1 closes 2024-01-15 with a new line of $1,000: accruals of $200 on the 15th of each
  // month from 2024-02-15 to 2027-01-15 (36), $7,200 in all.
  function schedule(o: { type?: 'sourced' | 'assisted'; after?: [string, number][]; on: string }) {
    const f = facts()
      .client('C1')
      .deal('D1', 'C1', { closedOn: '2024-01-15', type: o.type ?? 'sourced' });
    f.mrr('C1', 'Hub', '2024-01-15', 1000, { deal: 'D1' });
    for (const [date, mrr] of o.after ?? []) f.mrr('C1', 'Hub', date, mrr);
    return commissionSchedule(deriveLedger(program, f.build()), o.on);
  }

  it('accrues monthly for 36 months and pays each quarter 45 days after it ends', () => {
    const s = schedule({ on: '2024-01-15' });
    const accruals = s.payouts.flatMap((p) => p.accruals);
    expect(accruals).toHaveLength(36);
    expect(accruals[0]!.date).toBe('2024-02-15');
    expect(accruals.at(-1)!.date).toBe('2027-01-15');
    expect(accruals.every((a) => money(a.amount) === 200 && money(a.backing) === 1000)).toBe(true);
    expect(s.payouts.map((p) => [p.quarter, p.payoutDate, money(p.amount)]).slice(0, 5)).toEqual([
      ['2024-Q1', '2024-05-15', 400],
      ['2024-Q2', '2024-08-14', 600],
      ['2024-Q3', '2024-11-14', 600],
      ['2024-Q4', '2025-02-14', 600],
      ['2025-Q1', '2025-05-15', 600],
    ]);
    expect(s.payouts.at(-1)!).toMatchObject({ quarter: '2027-Q1', payoutDate: '2027-05-15' });
    expect(money(s.payouts.at(-1)!.amount)).toBe(200);
    expect(s.payouts).toHaveLength(13);
  });

  it.each([
    { on: '2024-05-14', paid: 0, upcoming: 7200, paidQuarters: [] },
    { on: '2024-05-15', paid: 400, upcoming: 6800, paidQuarters: ['2024-Q1'] },
    { on: '2024-08-14', paid: 1000, upcoming: 6200, paidQuarters: ['2024-Q1', '2024-Q2'] },
  ])('on $on: paid $paid, upcoming $upcoming', ({ on, paid, upcoming, paidQuarters }) => {
    const s = schedule({ on });
    expect([money(s.paidTotal), money(s.upcomingTotal)]).toEqual([paid, upcoming]);
    expect(s.payouts.filter((p) => p.status === 'paid').map((p) => p.quarter)).toEqual(paidQuarters);
  });

  it.each<{
    label: string;
    after: [string, number][];
    count: number;
    total: number;
    samples: [string, number][];
  }>([
    {
      // 4 × $200 (Feb–May), then 20% of $600 = $120 × 32.
      label: 'a downgrade to $600 on 2024-06-01 reduces the later accruals',
      after: [['2024-06-01', 600]],
      count: 36,
      total: 4640,
      samples: [
        ['2024-05-15', 200],
        ['2024-06-15', 120],
        ['2027-01-15', 120],
      ],
    },
    {
      label: 'a churn on 2025-01-01 stops them (11 accruals, 2024-02-15 … 2024-12-15)',
      after: [['2025-01-01', 0]],
      count: 11,
      total: 2200,
      samples: [['2024-12-15', 200]],
    },
    {
      // The entry expired 2025-01-15, so the churn does not consume it; the client stops paying.
      label: 'a churn on 2025-06-01, after the entry expired, stops them too (while the client pays)',
      after: [['2025-06-01', 0]],
      count: 16,
      total: 3200,
      samples: [['2025-05-15', 200]],
    },
  ])('$label', ({ after, count, total, samples }) => {
    const s = schedule({ on: '2024-01-15', after });
    const accruals = s.payouts.flatMap((p) => p.accruals);
    expect(accruals).toHaveLength(count);
    expect(money(s.upcomingTotal)).toBe(total);
    const byDate = new Map(accruals.map((a) => [a.date, money(a.amount)]));
    for (const [date, amount] of samples) expect([date, byDate.get(date)]).toEqual([date, amount]);
  });

  it("a downgrade consumes the deal's own backing newest first, not the line's MRR", () => {
    // P2's deal opened the line at $1,000 on 2023-12-01; P1's D1 adds $1,000 on 2024-01-15.
    // Down to $1,400 on 2024-06-01: D1's entry (the newest) gives up $600 → $400 left, while
    // the line still pays $1,400. Accruals: $200 until 2024-05-15, then 20% of $400 = $80.
    const f = facts()
      .client('C1')
      .deal('D0', 'C1', { closedOn: '2023-12-01', partnerId: 'P2' })
      .deal('D1', 'C1', { closedOn: '2024-01-15' });
    f.mrr('C1', 'Hub', '2023-12-01', 1000, { deal: 'D0' });
    f.mrr('C1', 'Hub', '2024-01-15', 2000, { deal: 'D1' });
    f.mrr('C1', 'Hub', '2024-06-01', 1400, { reason: 'downgrade' });
    const accruals = commissionSchedule(deriveLedger(program, f.build()), '2024-01-15').payouts.flatMap(
      (p) => p.accruals,
    );
    expect(accruals.slice(3, 5).map((a) => [a.date, money(a.backing), money(a.amount)])).toEqual([
      ['2024-05-15', 1000, 200],
      ['2024-06-15', 400, 80],
    ]);
    expect(accruals).toHaveLength(36);
  });

  it('assisted deals earn no commission', () => {
    const s = schedule({ type: 'assisted', on: '2024-01-15' });
    expect(s.payouts).toEqual([]);
    expect([s.paidTotal, s.upcomingTotal]).toEqual([0, 0]);
  });

  it('a deal that is not closed-won earns none', () => {
    const f = facts().client('C1').deal('D1', 'C1', { closedOn: '2024-01-15', stage: 'open' });
    f.mrr('C1', 'Hub', '2024-01-15', 1000, { deal: 'D1' });
    expect(commissionSchedule(deriveLedger(program, f.build()), '2024-01-15').payouts).toEqual([]);
  });

  it('accrues in the client currency and pays in USD: 20% of €880 = €176 = $200 at EUR 88', () => {
    // €880 on 2025-08-01: 20% = €176 a month = $200 at EUR 88.
    const f = facts().client('C1', 'DE', 'EUR').deal('D1', 'C1', { closedOn: '2025-08-01' });
    f.mrr('C1', 'Hub', '2025-08-01', 880, { deal: 'D1' });
    const s = commissionSchedule(deriveLedger(program, f.build()), '2025-08-01');
    const [first] = s.payouts[0]!.accruals;
    expect([first!.date, first!.currency, money(first!.amount), money(first!.baseAmount)]).toEqual([
      '2025-09-01',
      'EUR',
      176,
      200,
    ]);
    expect(money(s.upcomingTotal)).toBe(7200);
  });
});

// ---- §10 renewals --------------------------------------------------------------------------------

describe('renewals: upcoming within 120 days, alerts by decision deadline (§10)', () => {
  // On 2025-01-01: the horizon ends 2025-05-01; deadline = renewal date − 45 days.
  const on = '2025-01-01';
  const renewal = (renewalDate: string, status: RenewalStatus): RenewalFact => ({
    clientId: 'C1',
    product: `P-${renewalDate}`,
    renewalDate,
    status,
  });
  it.each<[string, RenewalStatus, boolean, boolean]>([
    // renewal date, status, upcoming, alert
    ['2024-12-31', 'pending', false, false], // past
    ['2025-01-01', 'confirmed', true, false],
    ['2025-01-01', 'pending', true, true],
    ['2025-03-01', 'pending', true, true], // deadline 2025-01-15
    ['2025-04-01', 'renewed', true, false],
    ['2025-05-01', 'cancellation_requested', true, true], // deadline 2025-03-17
    ['2025-05-02', 'pending', false, true], // deadline 2025-03-18, within the horizon
    ['2025-05-02', 'renewed', false, false],
    ['2025-06-15', 'pending', false, true], // deadline 2025-05-01: the horizon's last day
    ['2025-06-15', 'cancellation_requested', false, true],
    ['2025-06-16', 'pending', false, false], // deadline 2025-05-02
    ['2025-06-15', 'confirmed', false, false],
  ])('%s %s: upcoming %s, alert %s', (date, status, upcoming, alert) => {
    const r = renewal(date, status);
    expect(upcomingRenewals(program, [r], on).length).toBe(upcoming ? 1 : 0);
    expect(renewalAlerts(program, [r], on)).toBe(alert ? 1 : 0);
  });

  it('lists upcoming renewals soonest first, with deadline and days to go; counts the alerts', () => {
    const all = [
      renewal('2025-05-01', 'cancellation_requested'),
      renewal('2025-03-01', 'pending'),
      renewal('2025-04-01', 'renewed'),
      renewal('2025-01-01', 'confirmed'),
      renewal('2025-06-15', 'pending'),
      renewal('2025-06-16', 'pending'),
      renewal('2024-12-31', 'pending'),
    ];
    expect(
      upcomingRenewals(program, all, on).map((r) => [
        r.renewalDate,
        r.daysToRenewal,
        r.decisionDeadline,
        r.awaitingDecision,
      ]),
    ).toEqual([
      ['2025-01-01', 0, '2024-11-17', false],
      ['2025-03-01', 59, '2025-01-15', true],
      ['2025-04-01', 90, '2025-02-15', false],
      ['2025-05-01', 120, '2025-03-17', true],
    ]);
    expect(renewalAlerts(program, all, on)).toBe(3);
  });
});
