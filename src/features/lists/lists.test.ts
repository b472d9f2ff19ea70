// Static lists through the API on the hand-derived fixture (../portal/testing.ts): create,
// list, read with the members' figures, rename, delete; members added (duplicates ignored)
// and removed; a non-client refused with nothing changed; another partner's user gets 404 on
// every route; an operator manages a partner's lists; names validated; audit entries.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;
let p1: Browser;
let p1Admin: Browser;
let p2: Browser;
let ops: Browser;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function call(method: Method, path: string, browser: Browser, payload?: unknown, partnerId = 'P1') {
  const response = await t.app.inject({
    method,
    url: `/api/v1/partners/${partnerId}/lists${path}`,
    headers: method === 'GET' ? browser.read : browser.write,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return {
    status: response.statusCode,
    body: response.body ? response.json() : undefined,
    raw: response.body,
    headers: response.headers,
  };
}

async function create(name: string, clientIds?: string[], browser = p1) {
  const created = await call('POST', '', browser, { name, ...(clientIds ? { clientIds } : {}) });
  expect(created.status, created.raw).toBe(201);
  return created.body as { id: string; size: number };
}

const usd = (amount: number) => ({ amount, currency: 'USD' });

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  p1 = await signIn(t.app, USERS.p1User);
  p1Admin = await signIn(t.app, USERS.p1Admin);
  p2 = await signIn(t.app, USERS.p2User);
  ops = await signIn(t.app, USERS.operator);
});
afterAll(() => t.close());

describe('lists', () => {
  it('creates a list with members, lists it with size and owner, for every user of the partner', async () => {
    const created = await call('POST', '', p1, { name: '  Renewal push  ', clientIds: ['C2', 'C1', 'C1'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      partnerId: 'P1',
      name: 'Renewal push',
      size: 2,
      owner: { email: USERS.p1User },
    });
    expect(created.body.owner.userId).toEqual(expect.any(String));
    expect(created.headers.location).toBe(`/api/v1/partners/P1/lists/${created.body.id}`);

    const listed = await call('GET', '', p1Admin);
    expect(listed.status).toBe(200);
    const mine = listed.body.lists.find((l: { id: string }) => l.id === created.body.id);
    expect(mine).toEqual(created.body);
  });

  it("reads a list's members by name with the clients table's relationship, MRR and points", async () => {
    const list = await create('Figures', ['C5', 'C2', 'C1']);
    const { status, body } = await call('GET', `/${list.id}`, p1);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: list.id, name: 'Figures', size: 3, on: '2025-08-01' });
    expect(body.members.map((m: { clientId: string }) => m.clientId)).toEqual(['C1', 'C2', 'C5']);
    expect(body.members[0]).toMatchObject({
      clientId: 'C1',
      name: 'Acme Inc',
      relationship: 'both',
      mrr: usd(1200),
      mrrBase: usd(1200),
      points: { sourced: 60, assisted: 0, sold: 60, managed: 12, total: 72 },
    });
    expect(body.members[1]).toMatchObject({
      clientId: 'C2',
      relationship: 'managed',
      mrr: { amount: 880, currency: 'EUR' },
      points: { sold: 0, managed: 5, total: 5 },
    });
    // C5's only entry expired: a former client, still the partner's, with no points.
    expect(body.members[2]).toMatchObject({ clientId: 'C5', relationship: null, points: { total: 0 } });
  });

  it('adds members ignoring duplicates, removes them, counting right', async () => {
    const list = await create('Counting', ['C1']);
    const added = await call('POST', `/${list.id}/members`, p1, { clientIds: ['C1', 'C4', 'C4', 'C6'] });
    expect(added).toMatchObject({ status: 200, body: { added: 2, size: 3 } });
    const again = await call('POST', `/${list.id}/members`, p1Admin, { clientIds: ['C4', 'C6'] });
    expect(again.body).toEqual({ added: 0, size: 3 });
    const removed = await call('DELETE', `/${list.id}/members`, p1, { clientIds: ['C4', 'C3', 'C4'] });
    expect(removed).toMatchObject({ status: 200, body: { removed: 1, size: 2 } });
    const read = await call('GET', `/${list.id}`, p1);
    expect(read.body.members.map((m: { clientId: string }) => m.clientId)).toEqual(['C1', 'C6']);
    expect(read.body.size).toBe(2);
  });

  it("refuses a client that is not the partner's, naming it, and changes nothing", async () => {
    const list = await create('Strict', ['C1']);
    const before = await call('GET', `/${list.id}`, p1);
    const refused = await call('POST', `/${list.id}/members`, p1, { clientIds: ['C4', 'C9', 'NOPE'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(refused.body.error.details.clientIds).toEqual(['C9', 'NOPE']);
    expect(refused.body.error.details.issues[0].path).toBe('clientIds');
    expect(refused.raw).not.toContain('Secret P2 Client');
    expect((await call('GET', `/${list.id}`, p1)).body).toEqual(before.body);

    const names = (await call('GET', '', p1)).body.lists.map((l: { name: string }) => l.name);
    const createRefused = await call('POST', '', p1, { name: 'Never', clientIds: ['C1', 'C9'] });
    expect(createRefused.status).toBe(400);
    expect(createRefused.body.error.details.clientIds).toEqual(['C9']);
    expect((await call('GET', '', p1)).body.lists.map((l: { name: string }) => l.name)).toEqual(names);
  });

  it('exports its members with their figures, as CSV and XLSX', async () => {
    const list = await create('Export me', ['C1', 'C6']);
    const read = (await call('GET', `/${list.id}`, p1)).body as {
      members: { clientId: string; points: { total: number } }[];
    };
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/partners/P1/lists/${list.id}/export`,
      headers: p1.read,
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="Export-me-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parse(csv.rawPayload.subarray(3), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.client_id, Number(r.total_points)])).toEqual(
      read.members.map((m) => [m.clientId, m.points.total]),
    );
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/partners/P1/lists/${list.id}/export?format=xlsx`,
      headers: p1.read,
    });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/partners/P1/lists/${list.id}/export`,
      headers: p2.read,
    });
    expect(other.statusCode).toBe(404);
  });

  it('renames and deletes a list (its members go with it)', async () => {
    const list = await create('Old name', ['C1', 'C2']);
    const renamed = await call('PATCH', `/${list.id}`, p1Admin, { name: 'New name' });
    expect(renamed).toMatchObject({ status: 200, body: { id: list.id, name: 'New name', size: 2 } });
    const deleted = await call('DELETE', `/${list.id}`, p1);
    expect(deleted.status).toBe(204);
    expect((await call('GET', `/${list.id}`, p1)).status).toBe(404);
    expect((await call('DELETE', `/${list.id}`, p1)).status).toBe(404);
    const lists = (await call('GET', '', p1)).body.lists.map((l: { id: string }) => l.id);
    expect(lists).not.toContain(list.id);
  });

  it('validates the name: empty or over 200 characters is a 400 naming `name`', async () => {
    const list = await create('Valid');
    for (const name of ['', '   ', 'x'.repeat(201)]) {
      for (const [method, path] of [
        ['POST', ''],
        ['PATCH', `/${list.id}`],
      ] as const) {
        const answer = await call(method, path, p1, { name });
        expect(answer.status, `${method} ${JSON.stringify(name)}`).toBe(400);
        expect(answer.body.error.code).toBe('validation_failed');
        expect(JSON.stringify(answer.body.error.details)).toContain('name');
      }
    }
    expect((await call('POST', '', p1, { name: 'x'.repeat(200) })).status).toBe(201);
    expect((await call('GET', `/${list.id}`, p1)).body.name).toBe('Valid');
  });

  it("answers another partner's user 404 on every route, and changes nothing", async () => {
    const list = await create('Private', ['C1']);
    const before = await call('GET', `/${list.id}`, p1);
    const routes: [Method, string, unknown?][] = [
      ['GET', ''],
      ['POST', '', { name: 'Intruder' }],
      ['GET', `/${list.id}`],
      ['PATCH', `/${list.id}`, { name: 'Taken' }],
      ['DELETE', `/${list.id}`],
      ['POST', `/${list.id}/members`, { clientIds: ['C9'] }],
      ['DELETE', `/${list.id}/members`, { clientIds: ['C1'] }],
    ];
    for (const [method, path, payload] of routes) {
      const answer = await call(method, path, p2, payload);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.raw).not.toContain('Private');
    }
    // P1's list id under P2's own partner reads as a list that does not exist.
    for (const [method, path, payload] of routes.slice(2)) {
      const answer = await call(method, path, p2, payload, 'P2');
      expect(answer.status, `P2 ${method} ${path}`).toBe(404);
      expect(answer.body.error.code).toBe('not_found');
    }
    expect((await call('GET', `/${list.id}`, p1)).body).toEqual(before.body);
  });

  it("lets an operator manage a partner's lists", async () => {
    const list = await create('Vendor view', ['C1'], ops);
    expect((await call('GET', `/${list.id}`, ops)).body).toMatchObject({
      owner: { email: USERS.operator },
      size: 1,
    });
    expect((await call('POST', `/${list.id}/members`, ops, { clientIds: ['C2'] })).body).toEqual({
      added: 1,
      size: 2,
    });
    expect((await call('PATCH', `/${list.id}`, ops, { name: 'Vendor view 2' })).status).toBe(200);
    // The partner's users see the operator's list too.
    expect((await call('GET', `/${list.id}`, p1)).body.name).toBe('Vendor view 2');
    expect((await call('DELETE', `/${list.id}/members`, ops, { clientIds: ['C1'] })).body).toEqual({
      removed: 1,
      size: 1,
    });
    expect((await call('DELETE', `/${list.id}`, ops)).status).toBe(204);
    // The operator cannot add P2's client to P1's list either.
    const other = await create('Vendor strict', [], ops);
    expect((await call('POST', `/${other.id}/members`, ops, { clientIds: ['C9'] })).status).toBe(400);
  });

  it('records every write in the audit log', async () => {
    const list = await create('Audited', ['C1']);
    await call('POST', `/${list.id}/members`, p1, { clientIds: ['C2', 'C1'] });
    await call('DELETE', `/${list.id}/members`, p1, { clientIds: ['C1'] });
    await call('PATCH', `/${list.id}`, p1, { name: 'Audited 2' });
    await call('DELETE', `/${list.id}`, p1);
    const entries = await listAudit(t.deps.db, { entity: 'list', entityId: list.id });
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'list.create',
      'list.members.add',
      'list.members.remove',
      'list.update',
      'list.delete',
    ]);
    for (const e of entries) {
      expect(e.partnerId).toBe('P1');
      expect(e.actorKind).toBe('user');
    }
    const [deleted, renamed, removed, added, created] = entries;
    expect(created?.after).toMatchObject({ name: 'Audited', clientIds: ['C1'] });
    expect(added?.after).toEqual({ size: 2, clientIds: ['C2'] });
    expect(removed?.before).toEqual({ size: 2, clientIds: ['C1'] });
    expect(renamed?.before).toEqual({ name: 'Audited' });
    expect(renamed?.after).toEqual({ name: 'Audited 2' });
    expect(deleted?.before).toEqual({ name: 'Audited 2', size: 1 });
  });

  it('describes every route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const lists = doc.paths['/api/v1/partners/{partnerId}/lists'];
    const list = doc.paths['/api/v1/partners/{partnerId}/lists/{listId}'];
    const members = doc.paths['/api/v1/partners/{partnerId}/lists/{listId}/members'];
    expect(Object.keys(lists).sort()).toEqual(['get', 'post']);
    expect(Object.keys(list).sort()).toEqual(['delete', 'get', 'patch']);
    expect(Object.keys(members).sort()).toEqual(['delete', 'post']);
  });
});
