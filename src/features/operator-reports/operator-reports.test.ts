// GET /api/v1/point-changes/partners on the demo data: every partner's row equals its own
// GET /partners/{id}/point-changes figure and its drill-down's clients; the total is the
// sum of the rows; the cross-partner export sums to the same figure; bad input names the
// field; a partner user is refused.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/dates.ts';
import { createTestApp, seedPartnerUser, seedUser, signIn, type TestApp } from '../../server/testing.ts';
import { loadDemoIfEmpty } from '../demo/seed.ts';
import { busiestPartners } from '../demo/testing.ts';

let t: TestApp;
let operator: Record<string, string>;
let partner: Record<string, string>;
let busiest: string[];
let from: string;
let to: string;

const LOST = 'expired-sold,decreased-sold,declined-sold';
const CATEGORY: Record<string, string> = {
  'new-sold': 'newSold',
  'increased-sold': 'increasedSold',
  'expired-sold': 'expiredSold',
  'decreased-sold': 'decreasedSold',
  'declined-sold': 'declinedSold',
  'new-managed': 'newManaged',
  'lost-managed': 'lostManaged',
};
const round = (n: number) => Math.round(n * 100) / 100;
const sum = (values: number[]) => round(values.reduce((a, b) => a + b, 0));

const get = (url: string, headers = operator) => t.app.inject({ method: 'GET', url, headers });
const json = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

interface Row {
  partnerId: string;
  name: string;
  points: number;
  clients: number;
  byMetric: Record<string, number>;
}
/** Every row of the report, page after page. */
async function allRows(metric: string): Promise<{ total: number; points: number; rows: Row[] }> {
  const rows: Row[] = [];
  let first: { total: number; points: number } | null = null;
  for (let page = 1; ; page++) {
    const body = await json(
      `/api/v1/point-changes/partners?metric=${metric}&from=${from}&to=${to}&page=${page}&pageSize=7`,
    );
    first ??= body;
    rows.push(...body.items);
    if (rows.length >= body.total) break;
  }
  return { total: first!.total, points: first!.points, rows };
}

/** The clients behind a partner's figure, from its drill-down (every page of every metric). */
async function drillDownClients(partnerId: string, metrics: string[]): Promise<Set<string>> {
  const clients = new Set<string>();
  for (const m of metrics) {
    const body = await json(
      `/api/v1/partners/${partnerId}/point-changes/items?category=${CATEGORY[m]}&from=${from}&to=${to}&pageSize=500`,
    );
    expect(body.total).toBeLessThanOrEqual(500);
    for (const item of body.items) clients.add(item.clientId);
  }
  return clients;
}

beforeAll(async () => {
  t = await createTestApp();
  expect(await loadDemoIfEmpty(t.deps)).toBe(true);
  to = t.deps.clock.today();
  from = addDays(to, -364);
  busiest = await busiestPartners(t.deps.db, 4);
  await seedUser(t.deps, { email: 'ops@vendor.example', role: 'operator' });
  operator = (await signIn(t.app, 'ops@vendor.example')).read;
  partner = (await signIn(t.app, await seedPartnerUser(t.deps, busiest[0]!, 'partner-user'))).read;
}, 120_000);
afterAll(() => t?.close());

describe('GET /api/v1/point-changes/partners', () => {
  it('gives lost sold points per partner, largest first, each equal to the partner’s own figure', async () => {
    const report = await allRows(LOST);
    expect(report.rows.length).toBe(report.total);
    expect(report.total).toBeGreaterThan(3);
    expect(sum(report.rows.map((r) => r.points))).toBe(report.points);
    for (let i = 1; i < report.rows.length; i++)
      expect(report.rows[i - 1]!.points).toBeGreaterThanOrEqual(report.rows[i]!.points);
    // Several partners: the busiest, and the first, middle and last rows.
    const picked = new Set([
      ...busiest,
      report.rows[0]!.partnerId,
      report.rows[Math.floor(report.rows.length / 2)]!.partnerId,
      report.rows.at(-1)!.partnerId,
    ]);
    for (const partnerId of picked) {
      const own = await json(`/api/v1/partners/${partnerId}/point-changes?from=${from}&to=${to}`);
      const row = report.rows.find((r) => r.partnerId === partnerId);
      expect(row?.points ?? 0, partnerId).toBe(own.lostSold);
      if (!row) continue;
      expect(row.byMetric).toEqual({
        'expired-sold': own.expiredSold,
        'decreased-sold': own.decreasedSold,
        'declined-sold': own.declinedSold,
      });
      const clients = await drillDownClients(partnerId, LOST.split(','));
      expect(row.clients, partnerId).toBe(clients.size);
    }
  });

  it('gives each metric alone, the managed ones too, equal to the partners’ own figures', async () => {
    for (const metric of Object.keys(CATEGORY)) {
      const report = await allRows(metric);
      for (const partnerId of busiest.slice(0, 3)) {
        const own = await json(`/api/v1/partners/${partnerId}/point-changes?from=${from}&to=${to}`);
        const row = report.rows.find((r) => r.partnerId === partnerId);
        expect(row?.points ?? 0, `${metric} ${partnerId}`).toBe(own[CATEGORY[metric]!]);
        if (row) expect(row.clients).toBe((await drillDownClients(partnerId, [metric])).size);
      }
    }
  }, 120_000);

  it('filters to one partner', async () => {
    const partnerId = busiest[1]!;
    const body = await json(
      `/api/v1/point-changes/partners?metric=${LOST}&from=${from}&to=${to}&partnerId=${partnerId}`,
    );
    const own = await json(`/api/v1/partners/${partnerId}/point-changes?from=${from}&to=${to}`);
    expect(body.items.map((r: Row) => r.partnerId)).toEqual([partnerId]);
    expect(body.points).toBe(own.lostSold);
    expect((await get(`/api/v1/point-changes/partners?metric=new-sold&partnerId=NOPE`)).statusCode).toBe(404);
  });

  it('sums to the same figure as the cross-partner export of the metrics', async () => {
    const body = await json(`/api/v1/point-changes/partners?metric=${LOST}&from=${from}&to=${to}`);
    const res = await get(`/api/v1/exports/point-changes?metric=${LOST}&from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = parse(res.rawPayload.subarray(3), { columns: true }) as Record<string, string>[];
    expect(sum(rows.map((r) => Number(r.points)))).toBe(body.points);
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(LOST.split(',')));
    const byPartner = new Map<string, number>();
    for (const r of rows)
      byPartner.set(r.partner_id!, (byPartner.get(r.partner_id!) ?? 0) + Number(r.points));
    for (const item of body.items as Row[]) expect(round(byPartner.get(item.partnerId)!)).toBe(item.points);
  });

  it('names the field of bad input', async () => {
    const cases: [string, string][] = [
      ['metric=lost-points', 'metric'],
      ['metric=expired-sold,nope', 'metric'],
      ['metric=', 'metric'],
      ['', 'metric'],
      ['metric=new-sold&from=2025-03-02&to=2025-03-01', 'from'],
      ['metric=new-sold&from=yesterday', 'from'],
      ['metric=new-sold&pageSize=0', 'pageSize'],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/v1/point-changes/partners?${query}`);
      expect(res.statusCode, query).toBe(400);
      const issues = res.json().error.details.issues as { path: string }[];
      expect(
        issues.map((i) => i.path),
        query,
      ).toContain(field);
    }
    const bad = await get(`/api/v1/exports/point-changes?metric=expired-sold,nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('metric');
  });

  it('is for operators: a partner user is refused', async () => {
    const res = await get(`/api/v1/point-changes/partners?metric=new-sold`, partner);
    expect(res.statusCode).toBe(403);
  });
});

describe('GET /api/v1/saved-reports/catalog', () => {
  it('lists every report with its metrics, filters and columns', async () => {
    const res = await get('/api/v1/saved-reports/catalog', partner);
    expect(res.statusCode, res.body).toBe(200);
    const pc = res.json().reports.find((r: { report: string }) => r.report === 'point-changes');
    expect(pc.metrics).toEqual(Object.keys(CATEGORY));
    expect(pc).toMatchObject({ uses: 'range', dealType: true, marketType: true });
    expect(pc.columns.slice(0, 6)).toEqual([
      'partner_id',
      'client_id',
      'client_name',
      'product',
      'date',
      'points',
    ]);
  });
});
