// The export routes on the demo data: every file is read back (csv-parse, exceljs' reader)
// and compared with the API's own figures; formula-like names are escaped; bad requests
// name the field and another partner's export answers 404.
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { addDays } from '../../domain/dates.ts';
import { createTestApp, seedPartnerUser, seedUser, signIn, type TestApp } from '../../server/testing.ts';
import { loadDemoIfEmpty } from '../demo/seed.ts';
import { busiestPartners } from '../demo/testing.ts';
import { CHANGE_METRICS } from './reports.ts';

let t: TestApp;
let partnerId: string;
let other: string;
let partner: Record<string, string>;
let operator: Record<string, string>;
let today: string;
const EVIL = '=HYPERLINK("http://x")';

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const csvRows = (body: Buffer) => {
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(body.subarray(3), { columns: true }) as Record<string, string>[];
};
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

beforeAll(async () => {
  t = await createTestApp();
  today = t.deps.clock.today();
  expect(await loadDemoIfEmpty(t.deps)).toBe(true);
  // The two partners with the most sold entries.
  [partnerId, other] = (await busiestPartners(t.deps.db, 2)) as [string, string];
  // One of its clients gets a name a spreadsheet would run as a formula.
  await t.deps.db.execute(
    sql`update clients set name = ${EVIL} where client_id = (select min(client_id) from sold_entries where partner_id = ${partnerId})`,
  );
  partner = (await signIn(t.app, await seedPartnerUser(t.deps, partnerId, 'partner-user'))).read;
  await seedUser(t.deps, { email: 'ops@vendor.example', role: 'operator' });
  operator = (await signIn(t.app, 'ops@vendor.example')).read;
}, 120_000);
afterAll(() => t?.close());

describe('sold-entries export', () => {
  it('is every sold entry of the partner, with the rule behind its points, as CSV', async () => {
    const res = await get(`/api/v1/partners/${partnerId}/exports/sold-entries?name=My entries`, partner);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="My-entries.csv"');
    const found = csvRows(res.rawPayload);
    expect(Object.keys(found[0]!).slice(0, 16)).toEqual([
      'partner_id',
      'client_id',
      'client_name',
      'product',
      'deal_type',
      'earned_on',
      'expires_on',
      'backing',
      'points',
      'remaining_points',
      'status',
      'rule_set',
      'rate',
      'growth_multiplier',
      'currency',
      'currency_per_100',
    ]);
    const stored = await rows<{ n: number; points: string }>(
      t.deps.db,
      sql`select count(*)::int as n, sum(points)::text as points from sold_entries
          where partner_id = ${partnerId} and earned_on <= ${today}`,
    );
    expect(found.length).toBe(stored[0]!.n);
    expect(sum(found.map((r) => Number(r.points)))).toBe(Number(stored[0]!.points));
    expect(new Set(found.map((r) => r.partner_id))).toEqual(new Set([partnerId]));
    for (const r of found) {
      expect(r.earned_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.status).toBe(today < r.expires_on! ? 'active' : 'expired');
      expect(Number(r.rate)).toBeGreaterThan(0);
      expect(r.rule_set).not.toBe('');
    }
    // The formula-like name is text, not a formula.
    expect(found.some((r) => r.client_name === `'${EVIL}`)).toBe(true);
    expect(found.some((r) => r.client_name === EVIL)).toBe(false);
  });

  it('reads back from XLSX with the same rows, numbers as numbers and dates as dates', async () => {
    const [csv, xlsx] = await Promise.all([
      get(`/api/v1/partners/${partnerId}/exports/sold-entries`, partner),
      get(`/api/v1/partners/${partnerId}/exports/sold-entries?format=xlsx`, partner),
    ]);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toMatch(/\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const fromCsv = csvRows(csv.rawPayload);
    expect(header).toEqual(Object.keys(fromCsv[0]!));
    expect(sheet.rowCount - 1).toBe(fromCsv.length);
    const col = (name: string) => header.indexOf(name) + 1;
    const points: number[] = [];
    sheet.eachRow((row, i) => {
      if (i === 1) return;
      const p = row.getCell(col('points')).value;
      expect(typeof p).toBe('number');
      points.push(p as number);
      expect(row.getCell(col('earned_on')).value).toBeInstanceOf(Date);
    });
    expect(sum(points)).toBe(sum(fromCsv.map((r) => Number(r.points))));
    const first = sheet.getRow(2);
    expect((first.getCell(col('earned_on')).value as Date).toISOString().slice(0, 10)).toBe(
      fromCsv[0]!.earned_on,
    );
  });
});

describe("one client's sold entries", () => {
  interface HistoryEntry {
    entryId: string;
    product: string;
    dealId: string;
    dealType: string;
    earnedOn: string;
    expiresOn: string;
    points: number;
    remainingPoints: number;
    status: 'active' | 'consumed' | 'expired' | 'future';
    rule: { rate: number; rateRuleSetId: string };
  }

  it("is the client's points history, entry by entry, with the client filter", async () => {
    // The partner's client with the most entries, some of them expired.
    const [busiest] = await rows<{ client_id: string }>(
      t.deps.db,
      sql`select client_id from sold_entries where partner_id = ${partnerId} and earned_on <= ${today}
          group by client_id order by count(*) filter (where expires_on <= ${today}) > 0 desc, count(*) desc, client_id
          limit 1`,
    );
    const clientId = busiest!.client_id;
    const res = await get(
      `/api/v1/partners/${partnerId}/exports/sold-entries?client=${encodeURIComponent(clientId)}`,
      partner,
    );
    expect(res.statusCode, res.body).toBe(200);
    const found = csvRows(res.rawPayload);
    const history = (
      await get(`/api/v1/partners/${partnerId}/clients/${encodeURIComponent(clientId)}/history`, partner)
    ).json() as { entries: HistoryEntry[]; totals: { activeSold: number } };
    // The history also shows entries earned after the day; the export is as of the day.
    const entries = history.entries.filter((e) => e.status !== 'future');
    expect(found.length).toBeGreaterThan(1);
    expect(new Set(found.map((r) => r.client_id))).toEqual(new Set([clientId]));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    expect(
      found
        .map((r) => ({
          id: r.entry_id!,
          product: r.product,
          dealId: r.deal_id,
          dealType: r.deal_type,
          earnedOn: r.earned_on,
          expiresOn: r.expires_on,
          points: Number(r.points),
          remainingPoints: Number(r.remaining_points),
          status: r.status,
          rate: Number(r.rate),
          ruleSet: r.rule_set,
        }))
        .sort(byId),
    ).toEqual(
      entries
        .map((e) => ({
          id: e.entryId,
          product: e.product,
          dealId: e.dealId,
          dealType: e.dealType,
          earnedOn: e.earnedOn,
          expiresOn: e.expiresOn,
          points: e.points,
          remainingPoints: e.remainingPoints,
          status: e.status === 'expired' ? 'expired' : 'active',
          rate: e.rule.rate,
          ruleSet: e.rule.rateRuleSetId,
        }))
        .sort(byId),
    );
    expect(sum(found.map((r) => Number(r.points)))).toBe(sum(entries.map((e) => e.points)));
    // What remains of the entries is the client's active sold points.
    expect(sum(found.map((r) => Number(r.remaining_points)))).toBe(history.totals.activeSold);
  });

  it("refuses a client that is not the partner's, naming the field", async () => {
    const [foreign] = await rows<{ client_id: string }>(
      t.deps.db,
      sql`select client_id from sold_entries where partner_id = ${other}
          except (select client_id from managements where partner_id = ${partnerId}
                  union select client_id from deals where partner_id = ${partnerId})
          limit 1`,
    );
    for (const clientId of [foreign!.client_id, 'no-such-client']) {
      const res = await get(`/api/v1/partners/${partnerId}/exports/sold-entries?client=${clientId}`, partner);
      expect(res.statusCode, clientId).toBe(400);
      const issues = res.json().error.details.issues as { path: string; message: string }[];
      expect(issues).toEqual([
        expect.objectContaining({ path: 'client', message: `no client ${clientId} of partner ${partnerId}` }),
      ]);
    }
    // The other partner's own export of it is fine.
    const own = await get(
      `/api/v1/partners/${other}/exports/sold-entries?client=${foreign!.client_id}`,
      operator,
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(csvRows(own.rawPayload).length).toBeGreaterThan(0);
  });
});

describe('point-changes export', () => {
  it('sums, metric by metric, to the point-change figures of the same range', async () => {
    const from = addDays(today, -364);
    const figures = (
      await get(`/api/v1/partners/${partnerId}/point-changes?from=${from}&to=${today}`, partner)
    ).json() as Record<string, number>;
    let nonZero = 0;
    for (const [metric, category] of Object.entries(CHANGE_METRICS)) {
      const res = await get(
        `/api/v1/partners/${partnerId}/exports/point-changes?metric=${metric}&from=${from}&to=${today}`,
        partner,
      );
      expect(res.statusCode, res.body).toBe(200);
      const found = csvRows(res.rawPayload);
      expect(sum(found.map((r) => Number(r.points))), metric).toBe(figures[category]);
      expect(new Set(found.map((r) => r.metric))).toEqual(new Set(found.length ? [metric] : []));
      if (found.length > 0) nonZero += 1;
    }
    expect(nonZero).toBeGreaterThanOrEqual(4);
  });
});

describe('the portal tables exported', () => {
  const exported = async (path: string) => {
    const res = await get(`/api/v1/partners/${partnerId}/exports/${path}`, partner);
    expect(res.statusCode, res.body).toBe(200);
    return csvRows(res.rawPayload);
  };
  const api = async (path: string) => (await get(`/api/v1/partners/${partnerId}/${path}`, partner)).json();

  it('clients and renewals: every row of the table, with its figures', async () => {
    const clients = await exported('clients');
    const table = await api('clients?pageSize=500');
    expect(clients.length).toBe(table.total);
    expect(clients.length).toBeGreaterThan(0);
    expect(sum(clients.map((c) => Number(c.total_points)))).toBe(
      sum(table.items.map((c: { points: { total: number } }) => c.points.total)),
    );
    const renewals = await exported('renewals');
    const upcoming = await api('renewals?pageSize=500');
    expect(renewals.length).toBe(upcoming.total);
    expect(renewals.length).toBeGreaterThan(0);
    expect(renewals.map((r) => r.renewal_date).sort()).toEqual(
      upcoming.items.map((r: { renewalDate: string }) => r.renewalDate).sort(),
    );
  });

  it("clients: the table's search and relationship filter", async () => {
    const table = await api('clients?pageSize=500');
    const sample = (table.items as { name: string }[])[0]!.name.slice(0, 3);
    for (const query of [`q=${encodeURIComponent(sample)}`, 'relationship=managed', 'relationship=sold']) {
      const clients = await exported(`clients?${query}`);
      const filtered = await api(`clients?pageSize=500&${query}`);
      expect(clients.length, query).toBe(filtered.total);
      expect(clients.length, query).toBeLessThan(table.total);
      expect(clients.map((c) => c.client_id).sort(), query).toEqual(
        (filtered.items as { clientId: string }[]).map((c) => c.clientId).sort(),
      );
    }
  });

  it('deals: each shared-sales figure, and commission: every accrual of the commission view', async () => {
    const from = addDays(today, -364);
    for (const [metric, category] of [
      ['created', 'created'],
      ['in-flight', 'inFlight'],
      ['closed-won', 'closedWon'],
      ['registered', 'registered'],
    ]) {
      const deals = await exported(`deals?metric=${metric}&from=${from}&to=${today}`);
      const items = await api(
        `shared-sales/items?category=${category}&from=${from}&to=${today}&pageSize=500`,
      );
      expect(deals.length, metric).toBe(items.total);
      expect(deals.length, metric).toBeGreaterThan(0);
    }
    const accruals = await exported('commission');
    const view = await api('commission?accruals=true');
    const all = [...view.past, ...view.upcoming].flatMap(
      (p: { accruals: { amountBase: { amount: number } }[] }) => p.accruals.map((a) => a.amountBase.amount),
    );
    expect(accruals.length).toBe(all.length);
    expect(accruals.length).toBeGreaterThan(0);
    expect(sum(accruals.map((a) => Number(a.amount_base)))).toBe(sum(all));
  });
});

describe('operator exports', () => {
  it('covers every partner at once, and the partners report lists them with their figures', async () => {
    const all = await get('/api/v1/exports/sold-entries?format=csv', operator);
    expect(all.statusCode, all.body).toBe(200);
    const found = csvRows(all.rawPayload);
    const stored = await rows<{ n: number; partners: number }>(
      t.deps.db,
      sql`select count(*)::int as n, count(distinct partner_id)::int as partners from sold_entries where earned_on <= ${today}`,
    );
    expect(found.length).toBe(stored[0]!.n);
    expect(new Set(found.map((r) => r.partner_id)).size).toBe(stored[0]!.partners);

    const partners = csvRows((await get('/api/v1/exports/partners', operator)).rawPayload);
    const list = (await get('/api/v1/partners?pageSize=500', operator)).json() as { total: number };
    expect(partners.length).toBe(list.total);
    const mine = partners.find((p) => p.partner_id === partnerId)!;
    const dashboard = (await get(`/api/v1/partners/${partnerId}/dashboard`, operator)).json() as {
      points: { total: number };
    };
    expect(Number(mine.total)).toBe(dashboard.points.total);
    expect(Number(mine.sold) + Number(mine.managed)).toBeCloseTo(Number(mine.total), 2);
  });
});

describe('refusals', () => {
  it('names the field of a bad request', async () => {
    const cases: [string, string][] = [
      ['/exports/nonsense', 'report'],
      ['/exports/sold-entries?format=pdf', 'format'],
      ['/exports/point-changes?metric=won-sold', 'metric'],
      ['/exports/sold-entries?metric=new-sold', 'metric'],
      ['/exports/point-changes?from=2026-05-02&to=2026-05-01', 'from'],
      ['/exports/sold-entries?on=2026-02-30', 'on'],
      ['/exports/clients?client=c1', 'client'],
      ['/exports/sold-entries?q=abc', 'q'],
      ['/exports/clients?relationship=partner', 'relationship'],
      ['/exports/sold-entries?client=', 'client'],
    ];
    for (const [path, field] of cases) {
      const res = await get(`/api/v1/partners/${partnerId}${path}`, partner);
      expect(res.statusCode, path).toBe(400);
      const issues = res.json().error.details.issues as { path: string; message: string }[];
      expect(
        issues.map((i) => i.path),
        path,
      ).toContain(field);
    }
  });

  it("answers 404 for another partner's export and 403 for the partners report", async () => {
    expect((await get(`/api/v1/partners/${other}/exports/sold-entries`, partner)).statusCode).toBe(404);
    expect((await get(`/api/v1/partners/${partnerId}/exports/partners`, partner)).statusCode).toBe(403);
    expect((await get('/api/v1/exports/sold-entries', partner)).statusCode).toBe(403);
    expect((await get(`/api/v1/partners/${other}/exports/sold-entries`, operator)).statusCode).toBe(200);
  });
});
