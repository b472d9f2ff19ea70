// Saved reports and dashboard cards through the API on the demo data: a saved report's
// figure is the figure of its report (and of its export) over its range; bad definitions
// name the field; another partner's report answers 404; cards are each user's own.
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { addDays } from '../../domain/dates.ts';
import {
  type Browser,
  createTestApp,
  seedPartnerUser,
  seedUser,
  signIn,
  type TestApp,
} from '../../server/testing.ts';
import { loadDemoIfEmpty } from '../demo/seed.ts';
import { busiestPartners } from '../demo/testing.ts';

let t: TestApp;
let partnerId: string;
let other: string;
let alice: Browser;
let bob: Browser;
let stranger: Browser;
let operator: Browser;
let today: string;

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  who: Browser,
  payload?: unknown,
) =>
  t.app.inject({
    method,
    url,
    headers: method === 'GET' ? who.read : who.write,
    ...(payload ? { payload } : {}),
  });
const base = () => `/api/v1/partners/${partnerId}/saved-reports`;
const save = (definition: unknown, name = 'Expired sold, last 90 days', who = alice) =>
  call('POST', base(), who, { name, definition });
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

beforeAll(async () => {
  t = await createTestApp();
  today = t.deps.clock.today();
  expect(await loadDemoIfEmpty(t.deps)).toBe(true);
  [partnerId, other] = (await busiestPartners(t.deps.db, 2)) as [string, string];
  alice = await signIn(t.app, await seedPartnerUser(t.deps, partnerId, 'partner-admin'));
  bob = await signIn(t.app, await seedPartnerUser(t.deps, partnerId, 'partner-user'));
  stranger = await signIn(t.app, await seedPartnerUser(t.deps, other, 'partner-user'));
  await seedUser(t.deps, { email: 'ops@vendor.example', role: 'operator' });
  operator = await signIn(t.app, 'ops@vendor.example');
}, 120_000);
afterAll(() => t?.close());

describe('saved reports', () => {
  it("shows the report's figure over its relative range, shared by the partner's users", async () => {
    const created = await save({
      report: 'point-changes',
      metric: 'new-sold',
      range: { kind: 'relative', days: 365 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const read = await call('GET', `${base()}/${id}`, bob);
    expect(read.statusCode, read.body).toBe(200);
    const from = addDays(today, -364);
    const figures = (
      await call('GET', `/api/v1/partners/${partnerId}/point-changes?from=${from}&to=${today}`, bob)
    ).json();
    expect(figures.newSold).toBeGreaterThan(0);
    expect(read.json().figure).toEqual({
      value: figures.newSold,
      unit: 'points',
      rows: expect.any(Number),
      from,
      to: today,
      on: today,
    });
    expect((await call('GET', base(), bob)).json().reports.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('applies its filters and columns to the figure and to its export', async () => {
    const definition = {
      report: 'sold-entries',
      range: { kind: 'fixed', from: '2020-01-01', to: today },
      filters: { dealType: 'sourced' },
      columns: ['client_id', 'points', 'deal_type'],
    };
    const created = await save(definition, 'Sourced entries');
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const figure = (await call('GET', `${base()}/${id}`, alice)).json().figure;
    const file = await call('GET', `${base()}/${id}/export?format=csv`, alice);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="Sourced-entries.csv"');
    const found = parse(file.rawPayload.subarray(3), { columns: true }) as Record<string, string>[];
    expect(Object.keys(found[0]!)).toEqual(['client_id', 'points', 'deal_type']);
    expect(new Set(found.map((r) => r.deal_type))).toEqual(new Set(['sourced']));
    expect(figure.rows).toBe(found.length);
    expect(figure.value).toBe(sum(found.map((r) => Number(r.points))));
    const stored = await rows<{ points: string }>(
      t.deps.db,
      sql`select sum(points)::text as points from sold_entries where partner_id = ${partnerId} and deal_type = 'sourced'`,
    );
    expect(figure.value).toBe(Number(stored[0]!.points));
  });

  it('refuses a bad definition naming the field, and stores nothing', async () => {
    const before = (await call('GET', base(), alice)).json().reports.length;
    const cases: [unknown, string][] = [
      [{ report: 'point-changes', metric: 'won-sold' }, 'definition.metric'],
      [{ report: 'sold-entries', columns: ['points', 'nonsense'] }, 'definition.columns[1]'],
      [{ report: 'clients', filters: { marketType: 'growth' } }, 'definition.filters.marketType'],
      [
        { report: 'point-changes', range: { kind: 'fixed', from: '2026-05-02', to: '2026-05-01' } },
        'definition.range',
      ],
    ];
    for (const [definition, path] of cases) {
      const res = await save(definition);
      expect(res.statusCode, JSON.stringify(definition)).toBe(400);
      expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const unnamed = await save({ report: 'clients' }, ' ');
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.body).toContain('name');
    expect((await call('GET', base(), alice)).json().reports.length).toBe(before);
  });

  it("edits and deletes, audited; another partner's user gets 404, an operator may", async () => {
    const id = (await save({ report: 'renewals' }, 'Renewals')).json().id as string;
    const renamed = await call('PATCH', `${base()}/${id}`, bob, { name: 'Renewals this month' });
    expect(renamed.json().name).toBe('Renewals this month');
    for (const [method, url] of [
      ['GET', `${base()}/${id}`],
      ['PATCH', `${base()}/${id}`],
      ['DELETE', `${base()}/${id}`],
      ['GET', `${base()}/${id}/export`],
      ['GET', base()],
    ] as const) {
      const res = await call(method, url, stranger, method === 'PATCH' ? { name: 'x' } : undefined);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // The report id under the stranger's own partner is no report of it.
    expect((await call('GET', `/api/v1/partners/${other}/saved-reports/${id}`, stranger)).statusCode).toBe(
      404,
    );
    expect((await call('GET', `${base()}/${id}`, operator)).statusCode).toBe(200);
    expect((await call('DELETE', `${base()}/${id}`, operator)).statusCode).toBe(204);
    expect((await call('GET', `${base()}/${id}`, alice)).statusCode).toBe(404);
    const audit = await rows<{ action: string }>(
      t.deps.db,
      sql`select action from audit_log where entity = 'saved_report' and entity_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'saved_report.create',
      'saved_report.update',
      'saved_report.delete',
    ]);
  });
});

describe('dashboard cards', () => {
  it("pins, reorders and removes each user's own cards, with live figures", async () => {
    const a = (
      await save(
        { report: 'point-changes', metric: 'expired-sold', range: { kind: 'relative', days: 90 } },
        'A',
      )
    ).json().id;
    const b = (await save({ report: 'clients' }, 'B')).json().id;
    const first = await call('POST', '/api/v1/me/dashboard-cards', alice, { reportId: a });
    expect(first.statusCode, first.body).toBe(201);
    const added = await call('POST', '/api/v1/me/dashboard-cards', alice, { reportId: b });
    const cards = added.json().cards as {
      id: string;
      report: { id: string; figure: { unit: string; value: number } };
    }[];
    expect(cards.map((c) => c.report.id)).toEqual([a, b]);
    expect(cards[1]!.report.figure.unit).toBe('rows');
    const clients = (await call('GET', `/api/v1/partners/${partnerId}/clients?pageSize=1`, alice)).json();
    expect(cards[1]!.report.figure.value).toBe(clients.total);
    expect((await call('POST', '/api/v1/me/dashboard-cards', alice, { reportId: a })).statusCode).toBe(409);
    // Bob, of the same partner, has his own dashboard; the stranger cannot pin the partner's report.
    expect((await call('GET', '/api/v1/me/dashboard-cards', bob)).json().cards).toEqual([]);
    expect((await call('POST', '/api/v1/me/dashboard-cards', stranger, { reportId: a })).statusCode).toBe(
      404,
    );
    const reordered = await call('PUT', '/api/v1/me/dashboard-cards/order', alice, {
      cardIds: [cards[1]!.id, cards[0]!.id],
    });
    expect(reordered.json().cards.map((c: { report: { id: string } }) => c.report.id)).toEqual([b, a]);
    expect(
      (await call('PUT', '/api/v1/me/dashboard-cards/order', alice, { cardIds: [cards[1]!.id] })).statusCode,
    ).toBe(400);
    expect((await call('DELETE', `/api/v1/me/dashboard-cards/${cards[0]!.id}`, bob)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/me/dashboard-cards/${cards[0]!.id}`, alice)).statusCode).toBe(204);
    // Deleting a report removes its cards.
    await call('DELETE', `${base()}/${b}`, alice);
    expect((await call('GET', '/api/v1/me/dashboard-cards', alice)).json().cards).toEqual([]);
  });
});
