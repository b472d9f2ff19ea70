// Deal registration through the API on the portal fixture (../portal/testing.ts; today
// 2025-08-01, P2 alone manages C9 "Secret P2 Client"): the check as the partner types; a
// conflict answered 409 without the other partner's data and nothing stored; duplicates;
// the operator's queue with evidence, approval and rejection; extensions; expiry; a deal that
// closes won through an import settles the registration with the rules' sold points; tenancy;
// bad input naming the field; audit entries and webhook events.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { importFolder } from '../import/service.ts';
import { removeFolders, writeFolder } from '../import/testing.ts';
import { currentProgram } from '../portal/program.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';
import { expireRegistrations } from './lifecycle.ts';

let t: TestApp;
let p1: Browser;
let p2: Browser;
let ops: Browser;

type Method = 'GET' | 'POST';

async function call(method: Method, url: string, browser: Browser, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: method === 'GET' ? browser.read : browser.write,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return {
    status: response.statusCode,
    body: response.body ? response.json() : undefined,
    raw: response.body,
  };
}

const mine = (partnerId: string, path = '') => `/api/v1/partners/${partnerId}/deal-registrations${path}`;

function deal(over: Record<string, unknown> = {}) {
  return {
    clientName: 'Nova Robotics AB',
    domain: 'https://www.Nova-Robotics.se/contact',
    country: 'SE',
    currency: 'EUR',
    products: ['Marketing Hub'],
    expectedMrr: '1250.50',
    expectedCloseDate: '2025-09-30',
    dealType: 'sourced',
    notes: 'Met them at the fair',
    ...over,
  };
}

async function register(browser: Browser, partnerId: string, over: Record<string, unknown> = {}) {
  const created = await call('POST', mine(partnerId), browser, deal(over));
  expect(created.status, created.raw).toBe(201);
  return created.body as { id: string; status: string; protectionEndsOn: string };
}

const OTHER_PARTNER = ['P2', 'C9', 'Secret', 'secret-p2'];

async function events(registrationId: string) {
  const found = await rows<{ data: { change: string; status: string; partnerId: string } }>(
    t.deps.db,
    sql`select data from webhook_events where type = 'deal.registration.changed'
          and data->>'registrationId' = ${registrationId} order by created_at`,
  );
  // One clock time for several changes: in the order of a registration's life.
  const order = [
    'created',
    'approved',
    'rejected',
    'extension_requested',
    'extension_granted',
    'won',
    'expired',
  ];
  return found.map((r) => r.data).sort((x, y) => order.indexOf(x.change) - order.indexOf(y.change));
}

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  await t.deps.db.update(s.clients).set({ domain: 'www.Secret-P2.example' }).where(sql`client_id = 'C9'`);
  await t.deps.db.insert(s.webhookEndpoints).values({
    id: '00000000-0000-4000-8000-000000000001',
    url: 'https://hooks.vendor.example/in',
    events: ['deal.registration.changed'],
    secret: 'test-secret',
    createdAt: t.deps.clock.now(),
  });
  p1 = await signIn(t.app, USERS.p1User);
  p2 = await signIn(t.app, USERS.p2User);
  ops = await signIn(t.app, USERS.operator);
});
afterAll(async () => {
  removeFolders();
  await t.close();
});

describe('the conflict check', () => {
  it('is clean for a new company, and says how the domain is read', async () => {
    const r = await call('POST', mine('P1', '/check'), p1, {
      clientName: 'Nova Robotics AB',
      domain: 'HTTPS://www.Nova-Robotics.se/x',
    });
    expect(r.status, r.raw).toBe(200);
    expect(r.body).toEqual({ conflict: false, duplicate: false, domain: 'nova-robotics.se' });
  });

  it("flags another partner's client by domain or by a similar name, never saying whose", async () => {
    for (const body of [
      { clientName: 'Quite Different Oy', domain: 'secret-p2.example' },
      { clientName: 'Secret P2 Client AB', domain: 'elsewhere.example' },
      { clientName: 'Secret P2 Clients' },
    ]) {
      const r = await call('POST', mine('P1', '/check'), p1, { domain: 'fresh.example', ...body });
      expect(r.status, r.raw).toBe(200);
      expect(r.body.conflict, JSON.stringify(body)).toBe(true);
      for (const marker of ['P2', 'C9']) expect(r.raw).not.toContain(marker);
    }
  });

  it("does not flag the partner's own clients", async () => {
    const r = await call('POST', mine('P1', '/check'), p1, {
      clientName: 'Acme Inc',
      domain: 'acme.example',
    });
    expect(r.body).toMatchObject({ conflict: false, duplicate: false });
  });
});

describe('registering', () => {
  let nova: { id: string };

  it('stores a submitted registration protected for the program’s 90 days, audited and announced', async () => {
    const created = await call('POST', mine('P1'), p1, deal());
    expect(created.status, created.raw).toBe(201);
    nova = created.body;
    expect(created.body).toMatchObject({
      partnerId: 'P1',
      clientId: null,
      clientName: 'Nova Robotics AB',
      domain: 'nova-robotics.se',
      country: 'SE',
      currency: 'EUR',
      products: ['Marketing Hub'],
      expectedMrr: '1250.5',
      expectedCloseDate: '2025-09-30',
      dealType: 'sourced',
      status: 'submitted',
      protectionEndsOn: '2025-10-30',
      extensionStatus: null,
      submittedBy: { email: USERS.p1User },
      points: null,
    });
    const read = await call('GET', mine('P1', `/${nova.id}`), p1);
    expect(read.body).toEqual(created.body);
    const [entry] = await listAudit(t.deps.db, { entity: 'deal_registration', entityId: nova.id });
    expect(entry).toMatchObject({ action: 'deal_registration.create', partnerId: 'P1' });
    expect(await events(nova.id)).toEqual([
      expect.objectContaining({ change: 'created', status: 'submitted', partnerId: 'P1' }),
    ]);
  });

  it("refuses the same partner's second registration of the company (by domain or name)", async () => {
    for (const over of [
      { clientName: 'Totally Other Name' },
      { domain: 'nova-robotics.com', clientName: 'Nova Robotics' },
    ]) {
      const r = await call('POST', mine('P1'), p1, deal(over));
      expect(r.status, r.raw).toBe(409);
      expect(r.body.error.code).toBe('registration_duplicate');
      expect(r.body.error.details.registrationIds).toEqual([nova.id]);
    }
    const check = await call('POST', mine('P1', '/check'), p1, {
      clientName: 'Nova Robotics',
      domain: 'nova-robotics.se',
    });
    expect(check.body).toMatchObject({ duplicate: true, conflict: false });
  });

  it("answers 409 registration_conflict without the other partner's data, and stores nothing", async () => {
    const before = await call('GET', mine('P1'), p1);
    for (const over of [
      { clientName: 'Hidden Partner Deal', domain: 'https://secret-p2.example/' },
      { clientName: 'Secret P2 Client Ltd', domain: 'x.example' },
    ]) {
      const r = await call('POST', mine('P1'), p1, deal(over));
      expect(r.status, r.raw).toBe(409);
      expect(r.body.error.code).toBe('registration_conflict');
      expect(r.body.error.details).toBeUndefined();
      for (const marker of OTHER_PARTNER) expect(r.raw).not.toContain(marker);
    }
    // P2 registering P1's protected deal: a conflict that does not name P1 either.
    const r = await call(
      'POST',
      mine('P2'),
      p2,
      deal({ clientName: 'Nova Robotic', domain: 'nova.example' }),
    );
    expect(r.status, r.raw).toBe(409);
    expect(r.body.error.code).toBe('registration_conflict');
    for (const marker of ['P1', 'Nova Robotics AB', nova.id]) expect(r.raw).not.toContain(marker);
    expect((await call('GET', mine('P1'), p1)).body).toEqual(before.body);
    expect((await call('GET', mine('P2'), p2)).body.registrations).toEqual([]);
  });

  it('names the field of each bad input, all at once, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ expectedCloseDate: '2025-07-31' }, ['expectedCloseDate']],
      [{ expectedMrr: '-5' }, ['expectedMrr']],
      [{ expectedMrr: 'lots' }, ['expectedMrr']],
      [{ expectedMrr: -5 }, ['expectedMrr']],
      [{ currency: 'SEK' }, ['currency']],
      [{ currency: 'XYZ', country: 'XX' }, ['country', 'currency']],
      [{ domain: 'not a domain' }, ['domain']],
      [{ domain: '10.0.0.1' }, ['domain']],
      [{ domain: undefined }, ['domain']],
      [{ clientName: '' }, ['clientName']],
      [{ clientName: '!!!' }, ['clientName']],
      [{ clientId: 'C9' }, ['clientId']],
      [{ expectedCloseDate: '2025-02-30' }, ['expectedCloseDate']],
      [{ dealType: 'resold' }, ['dealType']],
    ];
    for (const [over, fields] of cases) {
      const r = await call(
        'POST',
        mine('P1'),
        p1,
        deal({ clientName: 'Fresh Co', domain: 'fresh.example', ...over }),
      );
      const what = JSON.stringify(over);
      expect(r.status, `${what} ${r.raw}`).toBe(400);
      const paths = (r.body.error.details.issues as { path: string }[]).map((i) => i.path).sort();
      expect(paths, what).toEqual(fields);
      expect(r.raw).not.toContain('C9"');
    }
    const listed = await call('GET', mine('P1'), p1);
    expect(listed.body.registrations.map((r: { clientName: string }) => r.clientName)).toEqual([
      'Nova Robotics AB',
    ]);
  });

  it('registers an existing client of the partner by id, its domain taken from the client', async () => {
    const r = await register(p1, 'P1', {
      clientId: 'C1',
      clientName: 'Acme Inc',
      domain: undefined,
      currency: 'USD',
      country: 'US',
    });
    expect(r).toMatchObject({ clientId: 'C1', domain: 'acme.example' });
  });
});

describe('tenancy', () => {
  it("answers 404 for another partner's registration and 403 to partner users on the operator routes", async () => {
    const { body } = await call('GET', mine('P1'), p1);
    const id = body.registrations[0].id;
    const asP2 = await call('GET', mine('P2', `/${id}`), p2);
    expect(asP2.status).toBe(404);
    expect((await call('POST', mine('P2', `/${id}/extension`), p2, { reason: 'mine now' })).status).toBe(404);
    expect((await call('GET', mine('P1', `/${id}`), p2)).status).toBe(404);
    expect((await call('GET', '/api/v1/deal-registrations', p1)).status).toBe(403);
    expect(
      (await call('POST', `/api/v1/deal-registrations/${id}/decision`, p1, { decision: 'approve' })).status,
    ).toBe(403);
    expect((await call('GET', mine('P1', `/${id}`), p1)).body.status).toBe('submitted');
  });
});

describe('the operator', () => {
  it('sees the queue with each registration’s conflict evidence', async () => {
    // Since it was registered, P2 started managing Acme (C1): the queue shows it.
    await t.deps.db
      .insert(s.managements)
      .values({ partnerId: 'P2', clientId: 'C1', startDate: '2025-07-15' });
    const q = await call('GET', '/api/v1/deal-registrations?status=submitted', ops);
    expect(q.status, q.raw).toBe(200);
    const byName = new Map(q.body.registrations.map((r: { clientName: string }) => [r.clientName, r]));
    expect([...byName.keys()].sort()).toEqual(['Acme Inc', 'Nova Robotics AB']);
    expect(byName.get('Nova Robotics AB')).toMatchObject({ partnerName: expect.any(String), conflicts: [] });
    expect(byName.get('Acme Inc')).toMatchObject({
      conflicts: [
        {
          kind: 'client',
          match: 'client',
          similarity: 1,
          partnerIds: ['P2'],
          clientId: 'C1',
          name: 'Acme Inc',
        },
      ],
    });
    await t.deps.db.delete(s.managements).where(sql`partner_id = 'P2' and client_id = 'C1'`);
  });

  it('rejects with a reason (required), approves, and refuses a second decision', async () => {
    const { body } = await call('GET', mine('P1'), p1);
    const [acme, nova] = [
      body.registrations.find((r: { clientName: string }) => r.clientName === 'Acme Inc'),
      body.registrations.find((r: { clientName: string }) => r.clientName === 'Nova Robotics AB'),
    ];
    const noReason = await call('POST', `/api/v1/deal-registrations/${acme.id}/decision`, ops, {
      decision: 'reject',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues).toEqual([expect.objectContaining({ path: 'reason' })]);
    const rejected = await call('POST', `/api/v1/deal-registrations/${acme.id}/decision`, ops, {
      decision: 'reject',
      reason: 'Acme is already in an upsell with the vendor',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Acme is already in an upsell with the vendor',
    });
    const approved = await call('POST', `/api/v1/deal-registrations/${nova.id}/decision`, ops, {
      decision: 'approve',
    });
    expect(approved.status, approved.raw).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    const again = await call('POST', `/api/v1/deal-registrations/${nova.id}/decision`, ops, {
      decision: 'reject',
      reason: 'no',
    });
    expect(again.status).toBe(409);
    expect((await listAudit(t.deps.db, { entityId: nova.id })).map((e) => e.action)).toContain(
      'deal_registration.approve',
    );
    expect((await events(nova.id)).map((e) => e.change)).toEqual(['created', 'approved']);
  });

  it('handles an extension: only an approved one, once; granted adds the program’s 30 days', async () => {
    const { body } = await call('GET', mine('P1', '?status=approved'), p1);
    const nova = body.registrations[0];
    expect(body.registrations).toHaveLength(1);
    const rejected = (await call('GET', mine('P1', '?status=rejected'), p1)).body.registrations[0];
    expect(
      (await call('POST', mine('P1', `/${rejected.id}/extension`), p1, { reason: 'please' })).status,
    ).toBe(409);
    expect((await call('POST', mine('P1', `/${nova.id}/extension`), p1, { reason: '' })).status).toBe(400);
    const asked = await call('POST', mine('P1', `/${nova.id}/extension`), p1, {
      reason: 'Board meets in November',
    });
    expect(asked.body).toMatchObject({
      extensionStatus: 'requested',
      extensionReason: 'Board meets in November',
    });
    expect((await call('POST', mine('P1', `/${nova.id}/extension`), p1, { reason: 'again' })).status).toBe(
      409,
    );
    const granted = await call('POST', `/api/v1/deal-registrations/${nova.id}/extension/decision`, ops, {
      grant: true,
    });
    expect(granted.status, granted.raw).toBe(200);
    expect(granted.body).toMatchObject({ extensionStatus: 'granted', protectionEndsOn: '2025-11-29' });
    const twice = await call('POST', `/api/v1/deal-registrations/${nova.id}/extension/decision`, ops, {
      grant: false,
    });
    expect(twice.status).toBe(409);
  });
});

describe('won through an import', () => {
  it('settles the approved registration when its client’s deal closes won, with the rules’ sold points', async () => {
    const nova = (await call('GET', mine('P1', '?status=approved'), p1)).body.registrations[0];
    const soldBefore = await soldPoints('P1');
    const dir = writeFolder({
      'clients.csv': 'client_id,name,country,currency,domain\nC20,Nova Robotics,SE,USD,nova-robotics.se\n',
      'deals.csv':
        'deal_id,partner_id,client_id,type,stage,created_on,closed_on,amount,currency,products,name\n' +
        'D20,P1,C20,sourced,closed_won,2025-07-20,2025-08-01,1000,USD,Marketing Hub,Nova\n',
      'mrr_changes.csv':
        'change_id,client_id,product,date,mrr_after,currency,deal_id,reason\n' +
        'M20,C20,Marketing Hub,2025-08-01,1000,USD,D20,new\n',
    });
    const program = await currentProgram(t.deps.db);
    const result = await importFolder(t.deps.db, {
      dir,
      program,
      asOf: t.deps.clock.today(),
      now: t.deps.clock.now(),
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const won = (await call('GET', mine('P1', `/${nova.id}`), p1)).body;
    // Rule set 2025-07: sourced 5 points per 100 USD, SE not a growth market: $1,000 → 50.
    expect(won).toMatchObject({ status: 'won', dealId: 'D20', points: 50 });
    expect(await soldPoints('P1')).toBe(soldBefore + 50);
    expect((await listAudit(t.deps.db, { entityId: nova.id })).map((e) => e.action)).toContain(
      'deal_registration.win',
    );
    expect((await events(nova.id)).map((e) => e.change)).toContain('won');
  });
});

describe('expiry', () => {
  it('expires submitted and approved registrations whose protection ended, on read and in the background', async () => {
    const a = await register(p1, 'P1', {
      clientName: 'Orbit Analytics BV',
      domain: 'orbit.example',
      expectedCloseDate: '2025-08-20',
    });
    const b = await register(p1, 'P1', {
      clientName: 'Polar Foods Oy',
      domain: 'polar.example',
      expectedCloseDate: '2025-08-20',
    });
    await call('POST', `/api/v1/deal-registrations/${b.id}/decision`, ops, { decision: 'approve' });
    expect(a.protectionEndsOn).toBe('2025-10-30');
    // The last protected day: still submitted; the day after: expired.
    // Sessions do not last months: sign in again on each new day.
    t.deps.clock.set('2025-10-30T12:00:00Z');
    p1 = await signIn(t.app, USERS.p1User);
    expect((await call('GET', mine('P1', `/${a.id}`), p1)).body.status).toBe('submitted');
    expect(await expireRegistrations(t.deps)).toBe(0);
    t.deps.clock.set('2025-10-31T08:00:00Z');
    p1 = await signIn(t.app, USERS.p1User);
    p2 = await signIn(t.app, USERS.p2User);
    expect(await expireRegistrations(t.deps)).toBe(2);
    const statuses = (await call('GET', mine('P1', '?status=expired'), p1)).body.registrations.map(
      (r: { id: string }) => r.id,
    );
    expect(statuses.sort()).toEqual([a.id, b.id].sort());
    expect((await events(b.id)).map((e) => e.change)).toEqual(['created', 'approved', 'expired']);
    // An expired registration protects nothing: P2 may now register the company.
    const p2Reg = await register(p2, 'P2', {
      clientName: 'Orbit Analytics',
      domain: 'orbit.example',
      expectedCloseDate: '2025-12-01',
    });
    expect(p2Reg.status).toBe('submitted');
    // A read sweeps too: P2's registration expires 90 days on without the background.
    t.deps.clock.set('2026-02-01T08:00:00Z');
    p2 = await signIn(t.app, USERS.p2User);
    expect((await call('GET', mine('P2', `/${p2Reg.id}`), p2)).body.status).toBe('expired');
    const [entry] = await listAudit(t.deps.db, { entityId: p2Reg.id });
    expect(entry).toMatchObject({ action: 'deal_registration.expire', actorKind: 'system' });
  });
});

async function soldPoints(partnerId: string): Promise<number> {
  const [row] = await rows<{ sold: string }>(
    t.deps.db,
    sql`select sold::text as sold from partner_state where partner_id = ${partnerId}`,
  );
  return Number(row!.sold);
}
