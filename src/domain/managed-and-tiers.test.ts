// Tables of cases for managed points (PROGRAM_RULES §4), tier performance and the credited
// tier (§5). Expected numbers are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { exampleProgram, exampleProgramFile } from './default-program.ts';
import { deriveLedger, managedOn, managersOn, pointsOn } from './ledger.ts';
import { pointsToNumber } from './money.ts';
import { derivePartner } from './partner.ts';
import { loadProgram, type Program } from './program.ts';
import { facts } from './testing.ts';
import { creditedOn, performanceOn } from './tiers.ts';

const program = exampleProgram;
const pts = (p: number) => pointsToNumber(p);

type Doc = { ruleSets: Record<string, unknown>[]; tierReview: Record<string, unknown> };
function programWith(edit: (doc: Doc) => void): Program {
  const doc = structuredClone(exampleProgramFile) as Doc;
  edit(doc);
  return loadProgram(doc);
}

describe('managed: co-managed client joining and leaving (§4)', () => {
  // C1 pays $1,000 from 2024-12-01 (10 managed points for a sole manager).
  // P1 manages 2025-01-01 up to (not including) 2025-06-01; P2 2025-03-10 up to 2025-05-20;
  // P3 from 2025-04-01, open-ended. The end date is the first day without management.
  const f = facts().client('C1');
  f.mrr('C1', 'Marketing Hub Professional', '2024-12-01', 1000);
  f.manage('C1', '2025-01-01', '2025-06-01');
  f.manage('C1', '2025-03-10', '2025-05-20', 'P2');
  f.manage('C1', '2025-04-01', null, 'P3');
  // A second, overlapping row of P1 does not make P1 count twice.
  f.manage('C1', '2025-02-01', '2025-03-01');
  const built = f.build();
  const ledgers = Object.fromEntries(
    ['P1', 'P2', 'P3'].map((p) => [p, deriveLedger(program, { ...built, partnerId: p })]),
  );

  it.each([
    // date, managers, points of P1 / P2 / P3 (round(10 / n))
    ['2024-12-31', [], [0, 0, 0]],
    ['2025-01-01', ['P1'], [10, 0, 0]],
    ['2025-02-15', ['P1'], [10, 0, 0]],
    ['2025-03-09', ['P1'], [10, 0, 0]],
    ['2025-03-10', ['P1', 'P2'], [5, 5, 0]],
    ['2025-03-31', ['P1', 'P2'], [5, 5, 0]],
    ['2025-04-01', ['P1', 'P2', 'P3'], [3.33, 3.33, 3.33]],
    ['2025-05-19', ['P1', 'P2', 'P3'], [3.33, 3.33, 3.33]],
    ['2025-05-20', ['P1', 'P3'], [5, 0, 5]],
    ['2025-05-31', ['P1', 'P3'], [5, 0, 5]],
    ['2025-06-01', ['P3'], [0, 0, 10]],
  ])('on %s managed by %j → %j', (date, managers, points) => {
    expect(managersOn(ledgers.P1!, 'C1', date)).toEqual(managers);
    expect(['P1', 'P2', 'P3'].map((p) => pts(pointsOn(ledgers[p]!, date).managed))).toEqual(points);
    const own = managedOn(ledgers.P1!, date);
    if (managers.includes('P1'))
      expect(own.map((c) => [c.clientId, c.managers])).toEqual([['C1', managers.length]]);
    else expect(own).toEqual([]);
  });

  it('managed points are a level: they fall with MRR and stop with churn', () => {
    const g = facts().client('C1').manage('C1', '2025-01-01');
    g.mrr('C1', 'Sales Hub', '2025-01-01', 2000)
      .mrr('C1', 'Sales Hub', '2025-02-01', 500)
      .mrr('C1', 'Sales Hub', '2025-03-01', 0);
    const l = deriveLedger(program, g.build());
    expect(['2025-01-31', '2025-02-01', '2025-03-01'].map((d) => pts(pointsOn(l, d).managed))).toEqual([
      20, 5, 0,
    ]);
    expect(managedOn(l, '2025-03-01')).toEqual([]);
  });
});

describe("managed: the client's MRR is the sum over its lines, rounded once (§4)", () => {
  // A German client in EUR: EUR 75 per 100 units until 2025-07-14, 88 from 2025-07-15.
  // A €55 from 2025-07-01, B €55 from 2025-08-01 (churned 2025-10-01), C €770 from 2025-09-01.
  const f = facts().client('C2', 'DE', 'EUR').manage('C2', '2025-01-01');
  f.mrr('C2', 'A', '2025-07-01', 55);
  f.mrr('C2', 'B', '2025-08-01', 55);
  f.mrr('C2', 'C', '2025-09-01', 770);
  f.mrr('C2', 'B', '2025-10-01', 0, { reason: 'churn' });
  const ledger = deriveLedger(program, f.build());
  it.each([
    ['2025-06-30', 0, 0],
    ['2025-07-01', 55, 0.73], // 55 / 75 = 0.7333
    ['2025-07-15', 55, 0.63], // 55 / 88 = 0.625 → 0.63
    ['2025-08-01', 110, 1.25], // 110 / 88 = 1.25 (two lines rounded apart would give 1.26)
    ['2025-09-01', 880, 10],
    ['2025-10-01', 825, 9.38], // 825 / 88 = 9.375
  ])('on %s: MRR €%s → %s managed points', (date, mrr, points) => {
    const [c] = managedOn(ledger, date);
    expect(c ? c.mrr / 10_000 : 0).toBe(mrr);
    expect(pts(pointsOn(ledger, date).managed)).toBe(points);
  });
});

describe('managed: growth multiplier and currency of the date (§4)', () => {
  it.each([
    ['US', 'USD', 1000, '2025-03-01', 1, 10],
    ['BR', 'USD', 1000, '2025-03-01', 1, 20],
    ['BR', 'USD', 1000, '2025-03-01', 2, 10],
    ['IN', 'USD', 1500, '2025-03-01', 3, 10], // 15 × 2 / 3
    ['SG', 'SGD', 1400, '2025-03-01', 1, 20], // SGD 140 then
    ['SG', 'SGD', 1290, '2025-08-01', 1, 20], // SGD 129 from 2025-07-15
    ['JP', 'JPY', 144000, '2025-03-01', 1, 12], // JPY 12,000
    ['JP', 'JPY', 144000, '2025-08-01', 1, 10], // JPY 14,400
    ['DE', 'EUR', 880, '2025-08-01', 2, 5],
  ])('%s client in %s, %s on %s with %s manager(s) → %s', (country, currency, amount, date, n, expected) => {
    const f = facts().client('C1', country, currency);
    f.mrr('C1', 'Marketing Hub Professional', date, amount);
    for (let i = 1; i <= n; i++) f.manage('C1', date, null, `P${i}`);
    expect(pts(pointsOn(deriveLedger(program, f.build()), date).managed)).toBe(expected);
  });
});

/** A partner with a sourced client CS, an assisted client CA and a managed client CM, sold on `saleOn`. */
function trackFacts(o: {
  saleOn: string;
  sourced?: number;
  assisted?: number;
  managed?: number;
  cert?: [string, string] | null;
}) {
  const f = facts().client('CS').client('CA').client('CM');
  f.deal('DS', 'CS', { closedOn: o.saleOn, type: 'sourced' }).deal('DA', 'CA', {
    closedOn: o.saleOn,
    type: 'assisted',
  });
  if (o.sourced) f.mrr('CS', 'Sales Hub', o.saleOn, o.sourced, { deal: 'DS' });
  if (o.assisted) f.mrr('CA', 'Sales Hub', o.saleOn, o.assisted, { deal: 'DA' });
  f.manage('CM', o.saleOn);
  if (o.managed) f.mrr('CM', 'Service Hub', o.saleOn, o.managed);
  const cert: [string, string] | null = o.cert === undefined ? ['2020-01-01', '2030-12-31'] : o.cert;
  if (cert) f.certify(cert[0], cert[1]);
  return f.build();
}

describe('tier performance: every track must meet the threshold (§5)', () => {
  // Sales on 2024-03-01 (rule set 2024-02: sourced 5, assisted 3 per $100), evaluated on
  // 2024-04-01: Gold 600 / seller 60 / managed 150, Platinum 2000 / 200 / 500,
  // Diamond 6000 / 600 / 1500, seller track = sold.
  it.each([
    { label: 'exactly Gold on every track', sourced: 1200, managed: 54000, tier: 'gold', total: 600 },
    { label: 'seller 59.99 short', sourced: 1199.8, managed: 54100, tier: null, total: 600.99 },
    { label: 'seller 59 short, total met', sourced: 1180, managed: 54100, tier: null, total: 600 },
    { label: 'managed 149 short', sourced: 9100, managed: 14900, tier: null, total: 604 },
    { label: 'total 599.9 short', sourced: 8998, managed: 15000, tier: null, total: 599.9 },
    { label: 'assisted counts on the sold track', assisted: 2000, managed: 54000, tier: 'gold', total: 600 },
    { label: 'Platinum', sourced: 4000, managed: 180000, tier: 'platinum', total: 2000 },
    { label: "Platinum's managed minimum missed", sourced: 31000, managed: 49900, tier: 'gold', total: 2049 },
    { label: "Platinum's seller minimum missed", sourced: 3980, managed: 180100, tier: 'gold', total: 2000 },
    { label: 'Diamond', sourced: 12000, managed: 540000, tier: 'diamond', total: 6000 },
  ])('$label → $tier', ({ sourced, assisted, managed, tier, total }) => {
    const ledger = deriveLedger(program, trackFacts({ saleOn: '2024-03-01', sourced, assisted, managed }));
    const p = performanceOn(ledger, '2024-04-01');
    expect(pts(p.total)).toBe(total);
    expect(p.tier).toBe(tier);
  });

  // Sales on 2025-03-01 (rate 5 / 3), evaluated the day before and the day the 2025-07 rule set
  // starts: the seller track becomes sourced points and Gold's total 630.
  it.each([
    { sourced: 0, assisted: 2100, managed: 57000, before: 'gold', after: null, trackAfter: 0 },
    { sourced: 1260, assisted: 0, managed: 57000, before: 'gold', after: 'gold', trackAfter: 63 },
    { sourced: 1000, assisted: 1000, managed: 57000, before: 'gold', after: null, trackAfter: 50 },
    { sourced: 1200, assisted: 0, managed: 57000, before: 'gold', after: 'gold', trackAfter: 60 },
    { sourced: 1200, assisted: 0, managed: 54000, before: 'gold', after: null, trackAfter: 60 },
  ])(
    'sourced $sourced, assisted $assisted, managed $managed USD: $before on 2025-07-14 (sold track), $after on 2025-07-15 (sourced track)',
    ({ sourced, assisted, managed, before, after, trackAfter }) => {
      const ledger = deriveLedger(program, trackFacts({ saleOn: '2025-03-01', sourced, assisted, managed }));
      const p14 = performanceOn(ledger, '2025-07-14');
      const p15 = performanceOn(ledger, '2025-07-15');
      expect(p14.sellerTrack).toBe(p14.sold);
      expect(pts(p15.sellerTrack)).toBe(trackAfter);
      expect([p14.tier, p15.tier]).toEqual([before, after]);
    },
  );

  it.each<{ cert: [string, string] | null; tier: string | null }>([
    { cert: ['2024-04-01', '2024-12-31'], tier: 'gold' },
    { cert: ['2023-01-01', '2024-04-01'], tier: 'gold' },
    { cert: ['2023-01-01', '2024-03-31'], tier: null },
    { cert: ['2024-04-02', '2024-12-31'], tier: null },
    { cert: null, tier: null },
  ])('certification $cert on 2024-04-01 → $tier', ({ cert, tier }) => {
    const ledger = deriveLedger(
      program,
      trackFacts({ saleOn: '2024-03-01', sourced: 1200, managed: 54000, cert }),
    );
    const p = performanceOn(ledger, '2024-04-01');
    expect(p.certified).toBe(tier !== null);
    expect(p.tier).toBe(tier);
  });

  it('without certificationRequired, no certification is needed', () => {
    const noCert = programWith((doc) => {
      doc.ruleSets[0]!.certificationRequired = false;
    });
    const f = trackFacts({ saleOn: '2024-03-01', sourced: 1200, managed: 54000, cert: null });
    expect(performanceOn(deriveLedger(noCert, f), '2024-04-01').tier).toBe('gold');
    expect(performanceOn(deriveLedger(program, f), '2024-04-01').tier).toBe(null);
  });
});

// ---- Credited tier ---------------------------------------------------------------------------

// The fixture: a sourced sale of $30,000 on `start` (1,500 sold points under the 2024-02 rules,
// expiring 12 months later) and a managed client whose MRR sets the level:
// $0 → no tier (managed 0 < 150); $15,000 → Gold (1,650 total); $50,000 → Platinum (2,000 total,
// 500 managed); $450,000 → Diamond (6,000 total, 4,500 managed).
const NONE = 0;
const GOLD = 15_000;
const PLAT = 50_000;
const DIAM = 450_000;

function tierFacts(
  steps: [string, number][],
  cert: [string, string] = ['2024-01-01', '2026-12-31'],
  start = '2024-03-01',
) {
  const f = facts().client('S').client('M').certify(cert[0], cert[1]);
  f.deal('DS', 'S', { closedOn: start });
  f.mrr('S', 'Sales Hub Enterprise', start, 30_000, { deal: 'DS' });
  f.manage('M', start);
  for (const [date, mrr] of steps) f.mrr('M', 'Service Hub Enterprise', date, mrr);
  return f.build();
}

type Row = {
  name: string;
  steps: [string, number][];
  cert?: [string, string];
  start?: string;
  asOf: string;
  history: [string, string | null, string | null, string][];
  credited: Record<string, string | null>;
};

const rows: Row[] = [
  {
    name: 'no credited tier before the first month end; upgrade on it',
    steps: [['2024-03-01', DIAM]],
    asOf: '2024-04-30',
    history: [['2024-03-31', null, 'diamond', 'upgrade']],
    credited: { '2024-03-01': null, '2024-03-30': null, '2024-03-31': 'diamond', '2024-04-30': 'diamond' },
  },
  {
    name: 'a review day before the first month end neither grants nor removes',
    start: '2024-07-01',
    steps: [['2024-07-01', DIAM]],
    asOf: '2024-08-31',
    history: [['2024-07-31', null, 'diamond', 'upgrade']],
    credited: { '2024-07-15': null, '2024-07-30': null, '2024-07-31': 'diamond' },
  },
  {
    name: 'a mid-month spike that is gone by the month end upgrades nothing',
    steps: [
      ['2024-03-01', GOLD],
      ['2024-04-10', DIAM],
      ['2024-04-20', GOLD],
    ],
    asOf: '2024-06-30',
    history: [['2024-03-31', null, 'gold', 'upgrade']],
    credited: { '2024-04-15': 'gold', '2024-04-30': 'gold', '2024-06-30': 'gold' },
  },
  {
    name: 'a mid-month rise is credited at the month end, not before',
    steps: [
      ['2024-03-01', GOLD],
      ['2024-05-10', PLAT],
    ],
    asOf: '2024-06-30',
    history: [
      ['2024-03-31', null, 'gold', 'upgrade'],
      ['2024-05-31', 'gold', 'platinum', 'upgrade'],
    ],
    credited: { '2024-05-10': 'gold', '2024-05-30': 'gold', '2024-05-31': 'platinum' },
  },
  {
    name: 'a fall is credited only on a review day, after protection has run out',
    steps: [
      ['2024-03-01', PLAT],
      ['2024-06-10', GOLD],
    ],
    asOf: '2025-02-28',
    // 2024-07-15: granted 2024-03-31, + 6 months = 2024-09-30 > review day → kept.
    // 2025-01-15: samples 2024-07-31 … 2024-12-31 and 2025-01-15, all Gold → Gold.
    history: [
      ['2024-03-31', null, 'platinum', 'upgrade'],
      ['2025-01-15', 'platinum', 'gold', 'downgrade'],
    ],
    credited: {
      '2024-06-30': 'platinum',
      '2024-07-15': 'platinum',
      '2024-12-31': 'platinum',
      '2025-01-14': 'platinum',
      '2025-01-15': 'gold',
      '2025-02-28': 'gold',
    },
  },
  {
    name: 'kept when performance met the tier on one sample day (a month end) in the window',
    steps: [
      ['2024-03-01', PLAT],
      ['2024-06-10', GOLD],
      ['2024-10-20', PLAT],
      ['2024-11-05', GOLD],
    ],
    asOf: '2025-02-28',
    history: [['2024-03-31', null, 'platinum', 'upgrade']],
    credited: { '2025-01-15': 'platinum', '2025-02-28': 'platinum' },
  },
  {
    name: 'kept when performance meets the tier on the review day itself',
    steps: [
      ['2024-03-01', PLAT],
      ['2024-06-10', GOLD],
      ['2025-01-10', PLAT],
    ],
    asOf: '2025-01-31',
    history: [['2024-03-31', null, 'platinum', 'upgrade']],
    credited: { '2025-01-15': 'platinum' },
  },
  {
    name: 'performance above the credited tier on a review day is no upgrade: that waits for the month end',
    steps: [
      ['2024-03-01', GOLD],
      ['2025-01-10', PLAT],
    ],
    asOf: '2025-01-31',
    // 2025-01-15: Gold unprotected, met (Platinum) on the day → kept; 2025-01-31: upgrade.
    history: [
      ['2024-03-31', null, 'gold', 'upgrade'],
      ['2025-01-31', 'gold', 'platinum', 'upgrade'],
    ],
    credited: { '2025-01-15': 'gold', '2025-01-30': 'gold', '2025-01-31': 'platinum' },
  },
  {
    name: 'days between sample days do not count',
    steps: [
      ['2024-03-01', PLAT],
      ['2024-06-10', GOLD],
      ['2024-11-10', PLAT],
      ['2024-11-20', GOLD],
    ],
    asOf: '2025-01-31',
    history: [
      ['2024-03-31', null, 'platinum', 'upgrade'],
      ['2025-01-15', 'platinum', 'gold', 'downgrade'],
    ],
    credited: { '2025-01-14': 'platinum', '2025-01-15': 'gold' },
  },
  {
    name: 'a month end before the window (2024-06-30 for the 2025-01-15 review) does not count',
    steps: [
      ['2024-03-01', PLAT],
      ['2024-07-01', GOLD],
    ],
    asOf: '2025-01-31',
    history: [
      ['2024-03-31', null, 'platinum', 'upgrade'],
      ['2025-01-15', 'platinum', 'gold', 'downgrade'],
    ],
    credited: { '2024-12-31': 'platinum', '2025-01-15': 'gold' },
  },
  {
    name: 'else the highest performance on any sample day (Diamond, Gold since June, Platinum on 2024-08-31)',
    steps: [
      ['2024-03-01', DIAM],
      ['2024-06-10', GOLD],
      ['2024-08-20', PLAT],
      ['2024-09-05', GOLD],
    ],
    asOf: '2025-01-31',
    history: [
      ['2024-03-31', null, 'diamond', 'upgrade'],
      ['2025-01-15', 'diamond', 'platinum', 'downgrade'],
    ],
    credited: { '2024-08-31': 'diamond', '2025-01-14': 'diamond', '2025-01-15': 'platinum' },
  },
  {
    name: 'no tier on any sample day → none',
    steps: [
      ['2024-03-01', PLAT],
      ['2024-06-10', NONE],
    ],
    asOf: '2025-01-31',
    history: [
      ['2024-03-31', null, 'platinum', 'upgrade'],
      ['2025-01-15', 'platinum', null, 'downgrade'],
    ],
    credited: { '2025-01-14': 'platinum', '2025-01-15': null },
  },
  {
    name: 'a certification lapsing the day before a review day → none on that review day',
    steps: [['2024-03-01', PLAT]],
    cert: ['2024-01-01', '2025-01-14'],
    asOf: '2025-02-28',
    history: [
      ['2024-03-31', null, 'platinum', 'upgrade'],
      ['2025-01-15', 'platinum', null, 'certification_lapsed'],
    ],
    credited: { '2025-01-14': 'platinum', '2025-01-15': null, '2025-01-31': null },
  },
  {
    name: 'a certification valid on the review day keeps the tier; a later lapse waits for the next review',
    steps: [['2024-03-01', PLAT]],
    cert: ['2024-01-01', '2025-01-15'],
    asOf: '2025-02-28',
    history: [['2024-03-31', null, 'platinum', 'upgrade']],
    credited: { '2025-01-15': 'platinum', '2025-01-31': 'platinum', '2025-02-28': 'platinum' },
  },
  {
    name: 'protection comes first: a lapse before a protected review keeps the tier until the next review',
    steps: [['2024-03-01', PLAT]],
    cert: ['2024-01-01', '2024-07-14'],
    asOf: '2025-01-31',
    history: [
      ['2024-03-31', null, 'platinum', 'upgrade'],
      ['2025-01-15', 'platinum', null, 'certification_lapsed'],
    ],
    credited: { '2024-07-15': 'platinum', '2024-12-31': 'platinum', '2025-01-15': null },
  },
  {
    name: 'granted less than 6 months before the review (2024-09-30 + 6 months > 2025-01-15) → kept despite a lapse',
    steps: [
      ['2024-03-01', GOLD],
      ['2024-09-10', PLAT],
    ],
    cert: ['2024-01-01', '2025-01-14'],
    asOf: '2025-02-28',
    history: [
      ['2024-03-31', null, 'gold', 'upgrade'],
      ['2024-09-30', 'gold', 'platinum', 'upgrade'],
    ],
    credited: { '2024-09-29': 'gold', '2025-01-15': 'platinum', '2025-02-28': 'platinum' },
  },
];

describe('credited tier: upgrades at month ends, downgrades on review days (§5)', () => {
  it.each(rows)('$name', ({ steps, cert, start, asOf, history, credited }) => {
    const d = derivePartner(program, tierFacts(steps, cert, start), asOf);
    expect(d.tierHistory.map((h) => [h.date, h.from, h.to, h.reason])).toEqual(history);
    for (const [date, tier] of Object.entries(credited))
      expect([date, creditedOn(d.tierHistory, date)]).toEqual([date, tier]);
    // Snapshots carry the same credited tier at each month end.
    for (const s of d.snapshots) expect(s.credited).toBe(creditedOn(d.tierHistory, s.date));
  });

  it('the fixture levels are what the rows assume', () => {
    const d = deriveLedger(
      program,
      tierFacts([
        ['2024-03-01', NONE],
        ['2024-04-01', GOLD],
        ['2024-05-01', PLAT],
        ['2024-06-01', DIAM],
      ]),
    );
    expect(
      ['2024-03-15', '2024-04-15', '2024-05-15', '2024-06-15'].map((x) => performanceOn(d, x).tier),
    ).toEqual([null, 'gold', 'platinum', 'diamond']);
    expect(pts(pointsOn(d, '2025-02-28').sold)).toBe(1500);
    expect(pts(pointsOn(d, '2025-03-01').sold)).toBe(0);
  });

  it('the downgrade names the best performance in the window', () => {
    const d = derivePartner(
      program,
      tierFacts([
        ['2024-03-01', DIAM],
        ['2024-06-10', GOLD],
        ['2024-08-20', PLAT],
        ['2024-09-05', GOLD],
      ]),
      '2025-01-31',
    );
    expect(d.tierHistory.at(-1)).toEqual({
      date: '2025-01-15',
      from: 'diamond',
      to: 'platinum',
      reason: 'downgrade',
      performance: 'platinum',
    });
    expect(performanceOn(d.ledger, '2025-01-15').tier).toBe('gold');
  });
});

describe('credited tier: a tier set by a downgrade counts as granted on that review day (§5)', () => {
  // Custom programs: sold points last 120 months (so the sale never expires here) and
  // protection of 6 or 7 months. Diamond at 2024-03-31, Gold since 2024-06-10, nothing since
  // 2025-01-20. 2025-01-15: Diamond → Gold (granted that day).
  // 2025-07-15 with 6 months: 2025-01-15 + 6 = 2025-07-15, not after the review day → reviewed:
  //   no tier on any sample day (2025-01-31 … 2025-07-15) → none.
  // With 7 months: 2025-08-15 > 2025-07-15 → protected; reviewed on 2026-01-15 → none.
  const steps: [string, number][] = [
    ['2024-03-01', DIAM],
    ['2024-06-10', GOLD],
    ['2025-01-20', NONE],
  ];
  it.each([
    { protection: 6, lost: '2025-07-15' },
    { protection: 7, lost: '2026-01-15' },
  ])('protectionMonths $protection → the Gold of 2025-01-15 is lost on $lost', ({ protection, lost }) => {
    const prog = programWith((doc) => {
      doc.ruleSets[0]!.soldPointsLifetimeMonths = 120;
      doc.tierReview.protectionMonths = protection;
    });
    const d = derivePartner(prog, tierFacts(steps, ['2024-01-01', '2027-12-31']), '2026-02-28');
    expect(d.tierHistory.map((h) => [h.date, h.to, h.reason])).toEqual([
      ['2024-03-31', 'diamond', 'upgrade'],
      ['2025-01-15', 'gold', 'downgrade'],
      [lost, null, 'downgrade'],
    ]);
  });
});

describe('credited tier: a review day that is also a month end runs the review, then the upgrade (§5)', () => {
  // Custom program: review days 06-30 and 12-31 (both month ends), sold points last 120 months.
  const monthEndReviews = programWith((doc) => {
    doc.ruleSets[0]!.soldPointsLifetimeMonths = 120;
    doc.tierReview.reviewDays = ['06-30', '12-31'];
  });

  it('review downgrades to the best sample (the day itself); the upgrade then has nothing to add', () => {
    // Diamond at 2024-03-31; Gold from 2024-04-10; Platinum from 2024-12-20.
    // 2024-06-30: protected (2024-03-31 + 6 = 2024-09-30). 2024-12-31: reviewed; samples
    // 2024-07-31 … 2024-12-31, best Platinum (on 2024-12-31) → Platinum; no upgrade after.
    const d = derivePartner(
      monthEndReviews,
      tierFacts([
        ['2024-03-01', DIAM],
        ['2024-04-10', GOLD],
        ['2024-12-20', PLAT],
      ]),
      '2025-01-31',
    );
    expect(d.tierHistory.map((h) => [h.date, h.from, h.to, h.reason])).toEqual([
      ['2024-03-31', null, 'diamond', 'upgrade'],
      ['2024-12-31', 'diamond', 'platinum', 'downgrade'],
    ]);
    expect(creditedOn(d.tierHistory, '2024-06-30')).toBe('diamond');
  });

  it('review keeps the tier (met on the day), then the month end upgrades', () => {
    // Gold at 2024-03-31; nothing from 2024-04-10; Platinum from 2024-12-20.
    // 2024-06-30: protected → kept (no upgrade: no tier that day). 2024-12-31: reviewed; Platinum
    // on the day meets Gold → kept; then the month-end upgrade → Platinum.
    const d = derivePartner(
      monthEndReviews,
      tierFacts([
        ['2024-03-01', GOLD],
        ['2024-04-10', NONE],
        ['2024-12-20', PLAT],
      ]),
      '2025-01-31',
    );
    expect(d.tierHistory.map((h) => [h.date, h.from, h.to, h.reason])).toEqual([
      ['2024-03-31', null, 'gold', 'upgrade'],
      ['2024-12-31', 'gold', 'platinum', 'upgrade'],
    ]);
    expect(creditedOn(d.tierHistory, '2024-12-30')).toBe('gold');
  });

  it('the window is the 6 months before the review day: 2024-06-30 is not a sample of the 2024-12-31 review', () => {
    // Platinum at 2024-03-31 and on 2024-06-30 (a review day, protected), Gold from 2024-07-01.
    // 2024-12-31 - 6 months = 2024-06-30, the window's exclusive start: samples 2024-07-31 …
    // 2024-12-31, all Gold → Gold.
    const d = derivePartner(
      monthEndReviews,
      tierFacts([
        ['2024-03-01', PLAT],
        ['2024-07-01', GOLD],
      ]),
      '2025-01-31',
    );
    expect(performanceOn(d.ledger, '2024-06-30').tier).toBe('platinum');
    expect(d.tierHistory.map((h) => [h.date, h.to, h.reason])).toEqual([
      ['2024-03-31', 'platinum', 'upgrade'],
      ['2024-12-31', 'gold', 'downgrade'],
    ]);
  });

  it('with the review days of the example program, the same facts downgrade on 2025-01-15 instead', () => {
    const prog = programWith((doc) => {
      doc.ruleSets[0]!.soldPointsLifetimeMonths = 120;
    });
    const d = derivePartner(
      prog,
      tierFacts([
        ['2024-03-01', DIAM],
        ['2024-04-10', GOLD],
      ]),
      '2025-01-31',
    );
    expect(d.tierHistory.map((h) => [h.date, h.to, h.reason])).toEqual([
      ['2024-03-31', 'diamond', 'upgrade'],
      ['2025-01-15', 'gold', 'downgrade'],
    ]);
  });
});
