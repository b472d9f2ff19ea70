// Live ingestion through the HTTP API: all or nothing, every problem reported, idempotent,
// derived state committed before the answer, scopes, and the audit log.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { createTestApp, seedPartnerUser, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { dumpDerived, dumpFacts, emptyFacts } from '../import/testing.ts';
import { bearer, post, validBatch } from './testing.ts';

let t: TestApp;
let ingest: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});
beforeEach(async () => {
  // Emptying the facts cascades to users and tokens: a new token each time.
  await emptyFacts(t.deps.db);
  ingest = await bearer(t.deps, 'ingest');
  const seeded = await post(t.app, '/api/v1/facts', ingest, validBatch());
  expect(seeded.statusCode, seeded.body).toBe(200);
});

const state = async (partnerId: string) =>
  (
    await rows<{ total: string; sold: string; row_version: string }>(
      t.deps.db,
      sql`select total, sold, xmin::text as row_version from partner_state where partner_id = ${partnerId}`,
    )
  )[0];

const change = (id: string, mrrAfter: string | number, more: Record<string, unknown> = {}) => ({
  change_id: id,
  client_id: 'C1',
  product: 'Marketing Hub',
  date: '2025-07-01',
  mrr_after: mrrAfter,
  currency: 'USD',
  ...more,
});

describe('POST /api/v1/facts (several files)', () => {
  it('writes every file in dependency order and recomputes the partners before answering', async () => {
    await emptyFacts(t.deps.db);
    ingest = await bearer(t.deps, 'ingest');
    const response = await post(t.app, '/api/v1/facts', ingest, validBatch());
    expect(response.json()).toMatchObject({ inserted: 15, updated: 0, unchanged: 0, partnersRecomputed: 2 });
    expect(response.json().files['mrr-changes']).toEqual({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    expect((await dumpFacts(t.deps.db)).deals).toHaveLength(2);
    expect(Number((await state('P1'))!.total)).toBeGreaterThan(0);
  });
});

describe('POST /api/v1/mrr-changes', () => {
  it('changes the points, visible in the dashboard on the next request', async () => {
    const before = await state('P1');
    const response = await post(t.app, '/api/v1/mrr-changes', ingest, {
      rows: [change('M4', 2000.5, { reason: 'upsell' })],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 0,
      partnersRecomputed: 1,
      files: { 'mrr-changes': { rows: 1, inserted: 1, updated: 0, unchanged: 0 } },
    });
    const after = await state('P1');
    expect(Number(after!.sold)).toBeGreaterThan(Number(before!.sold));

    const operator = await bearer(t.deps, 'read');
    const dashboard = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/P1/dashboard',
      headers: operator,
    });
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().points.total).toBe(Number(after!.total));
  });

  it('is idempotent: the same batch again changes nothing, derived state untouched', async () => {
    const batch = { rows: [change('M4', '1500'), change('M5', 300, { product: 'Sales Hub' })] };
    expect((await post(t.app, '/api/v1/mrr-changes', ingest, batch)).json()).toMatchObject({ inserted: 2 });
    const facts = await dumpFacts(t.deps.db, { withRowVersions: true });
    const derived = await dumpDerived(t.deps.db);
    const stateVersion = (await state('P1'))!.row_version;

    const again = await post(t.app, '/api/v1/mrr-changes', ingest, batch);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, partnersRecomputed: 0 });
    expect(await dumpFacts(t.deps.db, { withRowVersions: true })).toEqual(facts);
    expect(await dumpDerived(t.deps.db)).toEqual(derived);
    expect((await state('P1'))!.row_version).toBe(stateVersion);
  });

  it('updates a row sent again with other values (the new truth)', async () => {
    const response = await post(t.app, '/api/v1/mrr-changes', ingest, {
      rows: [change('M3', '900', { date: '2025-06-01' })],
    });
    expect(response.json()).toMatchObject({ inserted: 0, updated: 1, partnersRecomputed: 1 });
    const [m3] = await rows<{ mrr_after: string }>(
      t.deps.db,
      sql`select mrr_after from mrr_changes where change_id = 'M3'`,
    );
    expect(m3!.mrr_after).toBe('900.0000');
  });

  it('refuses an invalid batch with every problem and stores nothing', async () => {
    const facts = await dumpFacts(t.deps.db, { withRowVersions: true });
    const derived = await dumpDerived(t.deps.db);
    const response = await post(t.app, '/api/v1/mrr-changes', ingest, {
      rows: [
        change('M4', 100),
        change('M5', 'abc', { date: '2025-13-01' }),
        change('M6', 100, { client_id: 'C404' }),
        change('M7', 100, { deal_id: 'D404' }),
        change('M8', 100, { deal_id: 'D2' }),
        change('M9', 100, { currency: 'EUR' }),
        change('M4', 100, { reson: 'upsell' }),
        { change_id: 'M10', client_id: 'C1', product: true },
      ],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_failed');
    const issues = body.error.details.issues.map((i: { row: number; column: string; path: string }) => [
      i.row,
      i.column,
      i.path,
    ]);
    expect(issues).toEqual([
      [1, 'date', 'rows.1.date'],
      [1, 'mrr_after', 'rows.1.mrr_after'],
      [2, 'client_id', 'rows.2.client_id'],
      [3, 'deal_id', 'rows.3.deal_id'],
      [4, 'deal_id', 'rows.4.deal_id'],
      [5, 'currency', 'rows.5.currency'],
      [6, 'reson', 'rows.6.reson'],
      [6, 'change_id', 'rows.6.change_id'],
      [7, 'product', 'rows.7.product'],
      [7, 'date', 'rows.7.date'],
      [7, 'mrr_after', 'rows.7.mrr_after'],
      [7, 'currency', 'rows.7.currency'],
    ]);
    const messages = body.error.details.issues.map((i: { message: string }) => i.message);
    expect(messages).toContain('unknown client "C404" (neither in the database nor in this import)');
    expect(messages).toContain('unknown deal "D404" (neither in the database nor in this import)');
    expect(messages).toContain('deal D2 belongs to client C2, not to C1');
    expect(messages).toContain('must be the currency of client C1 (USD), got "EUR"');
    expect(messages).toContain('duplicate key M4, first seen on row 0');
    expect(await dumpFacts(t.deps.db, { withRowVersions: true })).toEqual(facts);
    expect(await dumpDerived(t.deps.db)).toEqual(derived);
  });

  it('checks the program: a currency its rule set does not list is refused', async () => {
    const response = await post(t.app, '/api/v1/facts/clients', ingest, {
      rows: [{ client_id: 'C9', name: 'Nine', country: 'US', currency: 'XAU' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues).toEqual([
      expect.objectContaining({ file: 'clients', row: 0, column: 'currency' }),
    ]);
  });

  it('checks references against the batch: a new client and its first change in one request', async () => {
    const response = await post(t.app, '/api/v1/facts', ingest, {
      clients: [{ client_id: 'C9', name: 'Nine', country: 'US', currency: 'USD' }],
      deals: [
        {
          deal_id: 'D9',
          partner_id: 'P1',
          client_id: 'C9',
          type: 'sourced',
          stage: 'closed_won',
          created_on: '2025-07-01',
          closed_on: '2025-07-10',
          amount: 250,
          currency: 'USD',
          products: ['Sales Hub'],
        },
      ],
      'mrr-changes': [change('M9', 250, { client_id: 'C9', product: 'Sales Hub', deal_id: 'D9' })],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ inserted: 3, partnersRecomputed: 1 });
  });

  it('refuses a client currency change that leaves its stored changes in the old currency', async () => {
    const response = await post(t.app, '/api/v1/facts/clients', ingest, {
      rows: [{ client_id: 'C1', name: 'Acme', country: 'US', currency: 'EUR' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues).toEqual([
      expect.objectContaining({ file: 'clients', row: 0, column: 'currency', path: 'rows.0.currency' }),
    ]);
    expect((await dumpFacts(t.deps.db)).clients).toContainEqual(
      expect.objectContaining({ client_id: 'C1', currency: 'USD' }),
    );
  });

  it('answers 400 for an unknown file or a batch without rows', async () => {
    expect((await post(t.app, '/api/v1/facts/invoices', ingest, { rows: [{}] })).statusCode).toBe(400);
    expect((await post(t.app, '/api/v1/mrr-changes', ingest, { rows: [] })).statusCode).toBe(400);
    expect((await post(t.app, '/api/v1/facts', ingest, {})).statusCode).toBe(400);
  });
});

describe('who may ingest', () => {
  it('needs the ingest scope; tokens act for the vendor, partner users may not', async () => {
    const batch = { rows: [change('M4', 100)] };
    expect((await post(t.app, '/api/v1/mrr-changes', {}, batch)).statusCode).toBe(401);
    const read = await bearer(t.deps, 'read');
    const refused = await post(t.app, '/api/v1/mrr-changes', read, batch);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/ingest scope/);
    const admin = await bearer(t.deps, 'admin');
    expect((await post(t.app, '/api/v1/mrr-changes', admin, batch)).statusCode).toBe(403);

    const email = await seedPartnerUser(t.deps, 'P1');
    const browser = await signIn(t.app, email);
    expect((await post(t.app, '/api/v1/mrr-changes', browser.write, batch)).statusCode).toBe(403);
    expect((await dumpFacts(t.deps.db)).mrr_changes).toHaveLength(3);
  });

  it('audits each batch once, with the token and the counts', async () => {
    await post(t.app, '/api/v1/mrr-changes', ingest, { rows: [change('M4', 100), change('M5', 200)] });
    const [entry] = await listAudit(t.deps.db, { entity: 'facts', limit: 1 });
    expect(entry).toMatchObject({
      actorKind: 'token',
      action: 'facts.ingest',
      entityId: 'mrr-changes',
      after: expect.objectContaining({ inserted: 2, partnersRecomputed: 1 }),
    });
    expect(entry!.actorTokenId).not.toBeNull();
  });
});
