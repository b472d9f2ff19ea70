// The Tier page API on the hand-derived fixture (../portal/testing.ts): summary, tier
// performance, insights and account performance; the progress chart; the breakdown; sold
// points over time and a month's clients. PGlite, and PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;
let p1: Browser;

async function get(path: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/partners/P1${path}`, headers: p1.read });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  p1 = await signIn(t.app, USERS.p1User);
});
afterAll(() => t.close());

describe('GET /tier', () => {
  it('answers the summary, how the points add up to the credited tier, every tier in force', async () => {
    const { status, body } = await get('/tier');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      asOf: '2025-08-01',
      credited: { id: 'gold', name: 'Gold' },
      creditedSince: '2025-03-31',
      performance: { id: 'gold', name: 'Gold' },
      certified: true,
      points: { sourced: 560, assisted: 30, sold: 590, managed: 157, total: 747 },
      sellerTrack: { counts: 'sourced', points: 560 },
    });
    expect(body.tierPerformance).toEqual({
      tier: {
        id: 'gold',
        name: 'Gold',
        total: 630,
        sellerMinimum: 60,
        managedMinimum: 150,
        tierId: 'gold',
        tierName: 'Gold',
        met: true,
        missing: { total: 0, seller: 0, managed: 0 },
      },
      seller: 560,
      managed: 157,
      total: 747,
    });
    expect(body.tiers.map((x: { id: string; missing: unknown }) => [x.id, x.missing])).toEqual([
      ['gold', { total: 0, seller: 0, managed: 0 }],
      ['platinum', { total: 1353, seller: 0, managed: 343 }],
      ['diamond', { total: 5553, seller: 40, managed: 1343 }],
      ['elite', { total: 18153, seller: 1240, managed: 4343 }],
    ]);
  });

  it('answers the insights: keep, next, expirations by month, the three-month projection', async () => {
    const { insights } = (await get('/tier')).body;
    expect(insights.keep).toMatchObject({ tierId: 'gold', met: true });
    expect(insights.next).toMatchObject({
      tierId: 'platinum',
      missing: { total: 1353, seller: 0, managed: 343 },
    });
    // Nothing active expires before 2026-01-10 (C7's entry, already at 0).
    expect(insights.expirations).toEqual([
      { monthEnd: '2025-08-31', sourced: 0, assisted: 0, total: 0 },
      { monthEnd: '2025-09-30', sourced: 0, assisted: 0, total: 0 },
      { monthEnd: '2025-10-31', sourced: 0, assisted: 0, total: 0 },
    ]);
    // C4's cancellation (2025-12-15) falls after the three months.
    expect(insights.projection).toEqual(
      ['2025-08-31', '2025-09-30', '2025-10-31'].map((date) => ({
        date,
        sourced: 560,
        assisted: 30,
        sold: 590,
        managed: 157,
        total: 747,
        tier: { id: 'gold', name: 'Gold' },
      })),
    );
  });

  it('answers account performance: median tool usage and the certification', async () => {
    const { accountPerformance } = (await get('/tier')).body;
    expect(accountPerformance).toEqual({
      // 2025-07 usage of attributed clients: C1 5, C6 2.
      medianToolUsage: { month: '2025-07', median: 3.5 },
      certification: {
        name: 'Solutions Partner Certification',
        validFrom: '2024-01-01',
        validUntil: '2026-12-31',
        valid: true,
      },
    });
  });
});

describe('GET /tier/progress-chart', () => {
  it('answers every month end from the snapshots with the next tier in force that month', async () => {
    const { status, body } = await get('/tier/progress-chart');
    expect(status).toBe(200);
    expect(body.months.map((m: { monthEnd: string }) => m.monthEnd)[0]).toBe('2024-06-30');
    expect(body.months).toHaveLength(14);
    const byMonth = new Map(body.months.map((m: { monthEnd: string }) => [m.monthEnd, m]));
    expect(byMonth.get('2025-02-28')).toMatchObject({
      total: 675.87, // sold C6 500 + C5 10 + C7 20; managed C2 5.87 + C4 40 + C6 100 < 150
      managed: 145.87,
      credited: null,
      next: { id: 'gold', total: 600, sellerMinimum: 60, managedMinimum: 150 },
    });
    expect(byMonth.get('2025-03-31')).toEqual({
      monthEnd: '2025-03-31',
      sourced: 580,
      assisted: 0,
      sold: 580,
      managed: 155.87,
      total: 735.87,
      sellerTrack: { counts: 'sold', points: 580 },
      performance: { id: 'gold', name: 'Gold' },
      credited: { id: 'gold', name: 'Gold' },
      next: { id: 'platinum', name: 'Platinum', total: 2000, sellerMinimum: 200, managedMinimum: 500 },
    });
    expect(byMonth.get('2025-07-31')).toMatchObject({
      total: 747,
      sellerTrack: { counts: 'sourced', points: 560 },
      next: { id: 'platinum', total: 2100 },
    });
    const ranged = await get('/tier/progress-chart?from=2025-01-01&to=2025-03-31');
    expect(ranged.body.months.map((m: { monthEnd: string }) => m.monthEnd)).toEqual([
      '2025-01-31',
      '2025-02-28',
      '2025-03-31',
    ]);
  });
});

describe('GET /tier/breakdown', () => {
  const rows = (body: { items: { clientId: string }[] }) => body.items.map((r) => r.clientId);

  it('answers points per client, sold and managed, most first, with the growth mark', async () => {
    const { status, body } = await get('/tier/breakdown');
    expect(status).toBe(200);
    expect(rows(body)).toEqual(['C6', 'C1', 'C4', 'C3', 'C2', 'C7']);
    expect(body.totals).toEqual({ sold: 590, managed: 157, total: 747 });
    expect(body.items[3]).toEqual({
      clientId: 'C3',
      name: 'Gamma Ltda',
      country: 'BR',
      growthMarket: true,
      sold: { sourced: 0, assisted: 30, total: 30 },
      managed: 0,
      managers: 0,
      total: 30,
    });
    expect(body.items[0]).toMatchObject({
      growthMarket: false,
      sold: { sourced: 500 },
      managed: 100,
      total: 600,
    });
  });

  it('filters by market type and deal type', async () => {
    expect(rows((await get('/tier/breakdown?market=growth')).body)).toEqual(['C3']);
    expect(rows((await get('/tier/breakdown?market=other')).body)).toEqual(['C6', 'C1', 'C4', 'C2', 'C7']);
    expect(rows((await get('/tier/breakdown?dealType=assisted')).body)).toEqual(['C3']);
    const sourced = (await get('/tier/breakdown?dealType=sourced')).body;
    expect(rows(sourced)).toEqual(['C6', 'C1', 'C7']);
    expect(sourced.totals).toEqual({ sold: 560, managed: 112, total: 672 });
    expect(rows((await get('/tier/breakdown?sort=client&dir=asc&pageSize=2')).body)).toEqual(['C1', 'C2']);
  });
});

describe('GET /tier/sold-over-time', () => {
  it('answers per month: new, increased, expired, declined, decreased, won and lost', async () => {
    const { status, body } = await get('/tier/sold-over-time?from=2025-01&to=2025-07');
    expect(status).toBe(200);
    const zero = {
      newSold: 0,
      increasedSold: 0,
      expiredSold: 0,
      declinedSold: 0,
      decreasedSold: 0,
      won: 0,
      lost: 0,
    };
    expect(body.months).toEqual([
      { ...zero, month: '2025-01', newSold: 20, won: 20 },
      { ...zero, month: '2025-02', newSold: 500, won: 500 },
      { ...zero, month: '2025-03', newSold: 50, won: 50 },
      { ...zero, month: '2025-04', declinedSold: 20, lost: 20 },
      { ...zero, month: '2025-05', newSold: 30, won: 30 },
      { ...zero, month: '2025-06', increasedSold: 25, expiredSold: 10, won: 25, lost: 10 },
      { ...zero, month: '2025-07', decreasedSold: 15, lost: 15 },
    ]);
    // The same figures as the point changes over the same days.
    const changes = (await get('/point-changes?from=2025-01-01&to=2025-07-31')).body;
    const sum = (k: string) => body.months.reduce((s: number, m: Record<string, number>) => s + m[k]!, 0);
    for (const k of ['newSold', 'increasedSold', 'expiredSold', 'declinedSold', 'decreasedSold'])
      expect(sum(k), k).toBe(changes[k]);
  });

  it('defaults to the twelve months up to today and refuses reversed ranges', async () => {
    const { body } = await get('/tier/sold-over-time');
    expect(body).toMatchObject({ from: '2024-09', to: '2025-08' });
    expect(body.months).toHaveLength(12);
    expect((await get('/tier/sold-over-time?from=2025-05&to=2025-01')).status).toBe(400);
    expect((await get('/tier/sold-over-time?from=2025-13')).status).toBe(400);
  });

  it("opens a month's clients, with the Won and Lost tabs", async () => {
    const all = (await get('/tier/sold-over-time/2025-06/clients')).body;
    expect(all.clients).toEqual([
      expect.objectContaining({
        clientId: 'C1',
        clientName: 'Acme Inc',
        increasedSold: 25,
        won: 25,
        lost: 0,
      }),
      expect.objectContaining({
        clientId: 'C5',
        clientName: 'Epsilon Co',
        expiredSold: 10,
        won: 0,
        lost: 10,
      }),
    ]);
    const won = (await get('/tier/sold-over-time/2025-06/clients?tab=won')).body;
    expect(won.clients.map((c: { clientId: string }) => c.clientId)).toEqual(['C1']);
    const lost = (await get('/tier/sold-over-time/2025-06/clients?tab=lost')).body;
    expect(lost.clients.map((c: { clientId: string }) => c.clientId)).toEqual(['C5']);
  });
});
