// GET /tier's forecast on the hand-derived fixture (../portal/testing.ts) as of 2025-08-01,
// plus registrations of P1: the next review day is 2026-01-15.
// - Baseline: sold 590 all along (nothing expires before 2026-02-01); managed 157 until C4's
//   cancellation on 2025-12-15 ($4,000, 40 managed), 117 after. C1's pending renewal
//   (2025-09-15, deadline 2025-08-01: not past) and C5's and C9's (nothing of P1's) do not count.
// - Pipeline: D8, P1's open sourced deal on C6 ($3,000, no close date: from 2025-08-02): 150 × 0.3 = 45;
//   R-approved, $2,000 sourced closing 2025-10-15: 100 × 0.5 = 50. The submitted and rejected
//   registrations, and P2's, do not count.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../db/schema.ts';
import { forecast } from '../../domain/forecast.ts';
import { forecastInputFromLedger } from '../../domain/forecast-input.ts';
import { deriveLedger } from '../../domain/ledger.ts';
import { pointsToNumber } from '../../domain/money.ts';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { loadPartnerFacts } from '../points/repository.ts';
import { pointsFromJson } from '../portal/json.ts';
import { currentProgram } from '../portal/program.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';
import { approvedRegistrations, forecastInput } from './forecast-repository.ts';

let t: TestApp;
let p1: Browser;

async function registration(partnerId: string, status: string, mrr: string, close: string, name: string) {
  const at = new Date('2025-07-20T10:00:00Z');
  await t.deps.db.insert(s.dealRegistrations).values({
    id: randomUUID(),
    partnerId,
    clientName: name,
    domain: `${name.toLowerCase().replace(/\W/g, '')}.example`,
    nameKey: name.toLowerCase(),
    country: 'US',
    currency: 'USD',
    products: ['Sales Hub'],
    expectedMrr: mrr,
    expectedCloseDate: close,
    dealType: 'sourced',
    status,
    submittedAt: at,
    protectionEndsOn: '2025-10-18',
    createdAt: at,
    updatedAt: at,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  await registration('P1', 'approved', '2000', '2025-10-15', 'Omega Approved');
  await registration('P1', 'submitted', '9000', '2025-09-15', 'Sigma Submitted');
  await registration('P1', 'rejected', '9000', '2025-09-15', 'Rho Rejected');
  await registration('P2', 'approved', '9000', '2025-09-15', 'Tau Other');
  p1 = await signIn(t.app, USERS.p1User);
});
afterAll(() => t.close());

async function tier() {
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/partners/P1/tier', headers: p1.read });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('GET /tier forecast', () => {
  it('answers the two lines to the review day: baseline less the cancellation, pipeline plus the weighted deals', async () => {
    const { forecast: f } = await tier();
    expect(f.reviewDay).toBe('2026-01-15');
    expect(f.dates).toEqual([
      '2025-08-01',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-15',
    ]);
    const totals = (l: { points: { total: number }[] }) => l.points.map((p) => p.total);
    expect(totals(f.lines.baseline)).toEqual([747, 747, 747, 747, 747, 707, 707]);
    expect(totals(f.lines.pipeline)).toEqual([747, 792, 792, 842, 842, 802, 802]);
    expect(f.lines.baseline.points.at(-1)).toEqual({
      date: '2026-01-15',
      sourced: 560,
      assisted: 30,
      sold: 590,
      managed: 117,
      total: 707,
    });
    // 117 managed < Gold's 150: neither line keeps Gold on the review day.
    expect(f.lines.baseline.reviewDayTier).toBe(null);
    expect(f.lines.pipeline.reviewDayTier).toBe(null);
    expect(f.atRisk).toEqual([
      {
        clientId: 'C4',
        clientName: 'Delta LLC',
        product: 'CMS Hub',
        status: 'cancellation_requested',
        renewalDate: '2025-12-15',
        decisionDeadline: '2025-10-31',
        sold: 0,
        managed: 40,
        points: 40,
      },
    ]);
    expect(f.pipeline).toEqual([
      expect.objectContaining({
        kind: 'registration',
        name: 'Omega Approved',
        clientId: null,
        dealType: 'sourced',
        stage: 'approved',
        probability: 0.5,
        expectedMrr: { amount: 2000, currency: 'USD' },
        closeDate: '2025-10-15',
        points: 100,
        weightedPoints: 50,
      }),
      expect.objectContaining({
        kind: 'deal',
        id: 'D8',
        clientId: 'C6',
        clientName: 'Zeta Corp',
        stage: 'open',
        probability: 0.3,
        closeDate: '2025-08-02',
        points: 150,
        weightedPoints: 45,
      }),
    ]);
  });

  it('the stored baseline, the derived tables and the engine on the whole ledger agree', async () => {
    const { forecast: f, points } = await tier();
    const program = await currentProgram(t.deps.db);
    const facts = (await loadPartnerFacts(t.deps.db, ['P1'])).get('P1')!;
    const ledger = deriveLedger(program, facts);
    const engine = forecast(
      forecastInputFromLedger(ledger, '2025-08-01', await approvedRegistrations(t.deps.db, 'P1')),
    )!;
    // A partner derived before the forecast was stored: read from the derived tables.
    const tables = forecast(
      await forecastInput(
        t.deps.db,
        program,
        'P1',
        '2025-08-01',
        '2026-01-15',
        pointsFromJson(points.managed),
      ),
    )!;
    for (const other of [engine, tables]) {
      for (const name of ['baseline', 'pipeline'] as const) {
        expect(f.lines[name].points.map((p: { total: number }) => p.total)).toEqual(
          other.lines[name].points.map((p) => pointsToNumber(p.total)),
        );
      }
      expect(f.atRisk.map((r: { points: number }) => r.points)).toEqual(
        other.atRisk.map((r) => pointsToNumber(r.points)),
      );
      expect(f.pipeline.map((p: { weightedPoints: number }) => p.weightedPoints)).toEqual(
        other.pipeline.map((p) => pointsToNumber(p.weightedPoints)),
      );
    }
  });
});
