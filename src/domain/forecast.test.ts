// The forecast's two lines (issue 14), worked by hand on the example program (PROGRAM_RULES §2):
// 2024-02 rates until 2025-07-15 (sourced 5), then 2025-07 (sourced 5, assisted 3, managed 1,
// EUR 88, Gold 630 total / 60 sourced / 150 managed); review days Jan 15 and Jul 15.
import { describe, expect, it } from 'vitest';
import { exampleProgram as program } from './default-program.ts';
import { forecast, forecastDates, nextReviewDay, type PipelineCandidate } from './forecast.ts';
import { forecastInputFromLedger } from './forecast-input.ts';
import { deriveLedger } from './ledger.ts';
import { pointsToNumber, scaled } from './money.ts';
import { tierInsights } from './projection.ts';
import { facts } from './testing.ts';

const pts = (p: number) => pointsToNumber(p);

describe('forecast dates', () => {
  it.each([
    ['2026-12-07', '2027-01-15', ['2026-12-07', '2026-12-31', '2027-01-15']],
    [
      '2026-07-15',
      '2027-01-15',
      [
        '2026-07-15',
        '2026-07-31',
        '2026-08-31',
        '2026-09-30',
        '2026-10-31',
        '2026-11-30',
        '2026-12-31',
        '2027-01-15',
      ],
    ],
    [
      '2026-01-31',
      '2026-07-15',
      ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-15'],
    ],
    ['2026-01-14', '2026-01-15', ['2026-01-14', '2026-01-15']],
  ])('on %s: review day %s, today, the month ends before it and the review day', (on, review, dates) => {
    expect(nextReviewDay(program, on)).toBe(review);
    expect(forecastDates(on, review)).toEqual(dates);
  });
});

// On 2025-11-10 (next review 2026-01-15; dates 11-10, 11-30, 12-31, 01-15), P1 certified:
//   C1 Marketing Hub $4,000 by sourced D1 on 2025-03-01: 200 sold (expires 2026-03-01); managed: 40.
//      Cancellation requested for 2025-12-20: at risk, 240 points.
//   C2 Sales Hub $2,000 by sourced D2 on 2025-01-05: 100 sold, expires 2026-01-05 (on schedule).
//   C3 CMS Hub $12,000, managed: 120. Renewal 2025-12-01 pending, deadline 2025-10-17 passed: at risk.
//   C4 Service Hub $16,000, managed: 160. Renewal 2026-01-10 pending, deadline 2025-11-26 not yet.
//   C5 renewal 2026-02-01 cancellation requested: after the review day, ignored.
// Pipeline (stage probabilities open 0.3, approved 0.5):
//   R1 approved, $16,000 sourced, closes 2025-12-15: 800 points → 400.
//   D9 open on C4, assisted $5,000, no close date (counted from 2025-11-11): 150 → 45.
//   R2 approved, €880 sourced (DE), closes 2026-01-10, for the vendor's open deal D10: 50 → 25;
//      D10 itself is that same opportunity, not counted twice.
//   R3 approved, closes 2026-02-01: after the review day, left out. D11: another partner's open deal.
function fixture() {
  const f = facts()
    .client('C1')
    .client('C2')
    .client('C3')
    .client('C4')
    .client('C5')
    .certify('2025-01-01', '2026-12-31');
  f.deal('D1', 'C1', { closedOn: '2025-03-01' }).deal('D2', 'C2', { closedOn: '2025-01-05' });
  f.mrr('C1', 'Marketing Hub', '2025-03-01', 4000, { deal: 'D1' }).manage('C1', '2025-03-01');
  f.mrr('C2', 'Sales Hub', '2025-01-05', 2000, { deal: 'D2' });
  f.mrr('C3', 'CMS Hub', '2025-02-01', 12000).manage('C3', '2025-02-01');
  f.mrr('C4', 'Service Hub', '2025-02-01', 16000).manage('C4', '2025-02-01');
  f.mrr('C5', 'Sales Hub', '2025-02-01', 1000);
  f.renewal('C1', 'Marketing Hub', '2025-12-20', 'cancellation_requested');
  f.renewal('C3', 'CMS Hub', '2025-12-01', 'pending');
  f.renewal('C4', 'Service Hub', '2026-01-10', 'pending');
  f.renewal('C5', 'Sales Hub', '2026-02-01', 'cancellation_requested');
  f.deal('D9', 'C4', { type: 'assisted', stage: 'open' });
  f.deal('D10', 'C2', { stage: 'open' });
  f.deal('D11', 'C4', { stage: 'open', partnerId: 'P2' });
  const built = f.build();
  const amounts: Record<string, number> = { D9: 5000, D10: 99_999, D11: 50_000 };
  for (const d of built.deals) if (amounts[d.dealId]) d.amount = scaled(amounts[d.dealId]!);
  return built;
}

const registration = (id: string, o: Partial<PipelineCandidate>): PipelineCandidate => ({
  kind: 'registration',
  id,
  name: `Registration ${id}`,
  clientId: null,
  country: 'US',
  currency: 'USD',
  mrr: 0,
  expectedCloseDate: null,
  dealType: 'sourced',
  stage: 'approved',
  ...o,
});

const registrations = [
  registration('R1', { mrr: scaled(16_000), expectedCloseDate: '2025-12-15' }),
  registration('R2', {
    mrr: scaled(880),
    currency: 'EUR',
    country: 'DE',
    expectedCloseDate: '2026-01-10',
    dealId: 'D10',
  }),
  registration('R3', { mrr: scaled(20_000), expectedCloseDate: '2026-02-01' }),
];

describe('forecast: baseline and pipeline to the review day', () => {
  const ledger = deriveLedger(program, fixture());
  const result = forecast(forecastInputFromLedger(ledger, '2025-11-10', registrations))!;
  const row = (p: { date: string; sourced: number; assisted: number; managed: number; total: number }) => [
    p.date,
    pts(p.sourced),
    pts(p.assisted),
    pts(p.managed),
    pts(p.total),
  ];

  it('baseline: entries expire on schedule, the renewals at risk end their lines', () => {
    expect(result.reviewDay).toBe('2026-01-15');
    expect(result.dates).toEqual(['2025-11-10', '2025-11-30', '2025-12-31', '2026-01-15']);
    expect(result.lines.baseline.points.map(row)).toEqual([
      ['2025-11-10', 300, 0, 320, 620],
      ['2025-11-30', 300, 0, 320, 620],
      // C3 ended 12-01 (120 managed), C1 12-20 (200 sold, 40 managed).
      ['2025-12-31', 100, 0, 160, 260],
      // C2's entry expired 01-05; C4's pending renewal is not at risk yet.
      ['2026-01-15', 0, 0, 160, 160],
    ]);
    expect(result.lines.baseline.reviewDayTier).toBe(null);
  });

  it('pipeline: the baseline plus the weighted registrations and open deals from their close dates', () => {
    expect(result.lines.pipeline.points.map(row)).toEqual([
      ['2025-11-10', 300, 0, 320, 620],
      ['2025-11-30', 300, 45, 320, 665], // + D9
      ['2025-12-31', 500, 45, 160, 705], // + R1
      ['2026-01-15', 425, 45, 160, 630], // + R2: 630 total, 425 sourced, 160 managed: Gold
    ]);
    expect(result.lines.pipeline.reviewDayTier).toBe('gold');
  });

  it('names the renewals at risk and the pipeline behind each difference, with their points', () => {
    expect(
      result.atRisk.map((r) => [
        r.clientId,
        r.product,
        r.status,
        r.renewalDate,
        r.decisionDeadline,
        pts(r.sold),
        pts(r.managed),
        pts(r.points),
      ]),
    ).toEqual([
      ['C1', 'Marketing Hub', 'cancellation_requested', '2025-12-20', '2025-11-05', 200, 40, 240],
      ['C3', 'CMS Hub', 'pending', '2025-12-01', '2025-10-17', 0, 120, 120],
    ]);
    expect(
      result.pipeline.map((p) => [
        p.kind,
        p.id,
        p.dealType,
        p.closeDate,
        p.probability,
        pts(p.points),
        pts(p.weightedPoints),
      ]),
    ).toEqual([
      ['registration', 'R1', 'sourced', '2025-12-15', 0.5, 800, 400],
      ['deal', 'D9', 'assisted', '2025-11-11', 0.3, 150, 45],
      ['registration', 'R2', 'sourced', '2026-01-10', 0.5, 50, 25],
    ]);
    // The review-day difference between the lines is the pipeline's weighted points.
    const last = (l: typeof result.lines.baseline) => l.points.at(-1)!.total;
    const weighted = result.pipeline.reduce((s, p) => s + p.weightedPoints, 0);
    expect(last(result.lines.pipeline) - last(result.lines.baseline)).toBe(weighted);
  });

  it('weights by the program stage probabilities', () => {
    const sure = {
      ...program,
      dealRegistration: { ...program.dealRegistration, stageProbabilities: { open: 0, approved: 1 } },
    };
    const l = deriveLedger(sure, fixture());
    const f = forecast(forecastInputFromLedger(l, '2025-11-10', registrations))!;
    expect(f.pipeline.map((p) => [p.id, pts(p.weightedPoints)])).toEqual([
      ['R1', 800],
      ['R2', 50],
    ]);
  });

  it('with cancellations only, the baseline at the month ends is the three-month projection', () => {
    const onlyCancellations = {
      ...fixture(),
      renewals: fixture().renewals!.filter((r) => r.status !== 'pending'),
    };
    const l = deriveLedger(program, onlyCancellations);
    const f = forecast(forecastInputFromLedger(l, '2025-11-10'))!;
    const projection = tierInsights(l, '2025-11-10', null).projection;
    for (const p of projection.filter((m) => m.date < f.reviewDay)) {
      const b = f.lines.baseline.points.find((x) => x.date === p.date)!;
      expect([b.sourced, b.assisted, b.managed, b.total]).toEqual([
        p.sourced,
        p.assisted,
        p.managed,
        p.total,
      ]);
    }
    expect(f.atRisk.map((r) => r.clientId)).toEqual(['C1']);
  });
});
