// The operators' side of deal registration (the fixture: ./testing.ts): the queue with each
// registration's conflict evidence, approval and rejection (a reason required), extensions,
// and protection windows that expire by themselves; audit entries and webhook events.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../db/schema.ts';
import { signIn } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { USERS } from '../portal/testing.ts';
import { expireRegistrations } from './lifecycle.ts';
import { mine, RegistrationTest } from './testing.ts';

let h: RegistrationTest;

beforeAll(async () => {
  h = await RegistrationTest.start();
  await h.register(h.p1, 'P1');
  await h.register(h.p1, 'P1', {
    clientId: 'C1',
    clientName: 'Acme Inc',
    domain: undefined,
    currency: 'USD',
    country: 'US',
  });
});
afterAll(async () => {
  await h.t.close();
});

describe('the operator', () => {
  it('sees the queue with each registration’s conflict evidence', async () => {
    // Since it was registered, P2 started managing Acme (C1): the queue shows it.
    await h.t.deps.db
      .insert(s.managements)
      .values({ partnerId: 'P2', clientId: 'C1', startDate: '2025-07-15' });
    const q = await h.call('GET', '/api/v1/deal-registrations?status=submitted', h.ops);
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
    // Operators may see whose: the partners of the evidence are named.
    const [p2] = await h.t.deps.db.select().from(s.partners).where(sql`partner_id = 'P2'`);
    expect(q.body.partnerNames).toEqual({ P2: p2!.name });
    await h.t.deps.db.delete(s.managements).where(sql`partner_id = 'P2' and client_id = 'C1'`);
  });

  it('rejects with a reason (required), approves, and refuses a second decision', async () => {
    const { body } = await h.call('GET', mine('P1'), h.p1);
    const [acme, nova] = [
      body.registrations.find((r: { clientName: string }) => r.clientName === 'Acme Inc'),
      body.registrations.find((r: { clientName: string }) => r.clientName === 'Nova Robotics AB'),
    ];
    const noReason = await h.call('POST', `/api/v1/deal-registrations/${acme.id}/decision`, h.ops, {
      decision: 'reject',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.issues).toEqual([expect.objectContaining({ path: 'reason' })]);
    const rejected = await h.call('POST', `/api/v1/deal-registrations/${acme.id}/decision`, h.ops, {
      decision: 'reject',
      reason: 'Acme is already in an upsell with the vendor',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Acme is already in an upsell with the vendor',
    });
    const approved = await h.call('POST', `/api/v1/deal-registrations/${nova.id}/decision`, h.ops, {
      decision: 'approve',
    });
    expect(approved.status, approved.raw).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    const again = await h.call('POST', `/api/v1/deal-registrations/${nova.id}/decision`, h.ops, {
      decision: 'reject',
      reason: 'no',
    });
    expect(again.status).toBe(409);
    const decided = await h.call('GET', '/api/v1/deal-registrations?status=approved', h.ops);
    expect(decided.body.registrations[0]).toMatchObject({
      id: nova.id,
      decidedBy: { email: USERS.operator },
      decidedAt: approved.body.decidedAt,
    });
    expect((await listAudit(h.t.deps.db, { entityId: nova.id })).map((e) => e.action)).toContain(
      'deal_registration.approve',
    );
    expect((await h.events(nova.id)).map((e) => e.change)).toEqual(['created', 'approved']);
  });

  it('handles an extension: only an approved one, once; granted adds the program’s 30 days', async () => {
    const { body } = await h.call('GET', mine('P1', '?status=approved'), h.p1);
    const nova = body.registrations[0];
    expect(body.registrations).toHaveLength(1);
    const rejected = (await h.call('GET', mine('P1', '?status=rejected'), h.p1)).body.registrations[0];
    expect(
      (await h.call('POST', mine('P1', `/${rejected.id}/extension`), h.p1, { reason: 'please' })).status,
    ).toBe(409);
    expect((await h.call('POST', mine('P1', `/${nova.id}/extension`), h.p1, { reason: '' })).status).toBe(
      400,
    );
    const asked = await h.call('POST', mine('P1', `/${nova.id}/extension`), h.p1, {
      reason: 'Board meets in November',
    });
    expect(asked.body).toMatchObject({
      extensionStatus: 'requested',
      extensionReason: 'Board meets in November',
    });
    expect(
      (await h.call('POST', mine('P1', `/${nova.id}/extension`), h.p1, { reason: 'again' })).status,
    ).toBe(409);
    // The queue's "extension requests" view is filtered on the server.
    const waiting = (await h.call('GET', '/api/v1/deal-registrations?extension=requested', h.ops)).body;
    expect(waiting.registrations.map((r: { id: string }) => r.id)).toEqual([nova.id]);
    const bad = await h.call('GET', '/api/v1/deal-registrations?extension=pending', h.ops);
    expect([bad.status, bad.raw]).toEqual([400, expect.stringContaining('extension')]);
    const granted = await h.call('POST', `/api/v1/deal-registrations/${nova.id}/extension/decision`, h.ops, {
      grant: true,
    });
    expect(granted.status, granted.raw).toBe(200);
    expect(granted.body).toMatchObject({ extensionStatus: 'granted', protectionEndsOn: '2025-11-29' });
    const twice = await h.call('POST', `/api/v1/deal-registrations/${nova.id}/extension/decision`, h.ops, {
      grant: false,
    });
    expect(twice.status).toBe(409);
    expect(
      (await h.call('GET', '/api/v1/deal-registrations?extension=requested', h.ops)).body.registrations,
    ).toEqual([]);
  });
});

describe('expiry', () => {
  it('expires submitted and approved registrations whose protection ended, on read and in the background', async () => {
    const a = await h.register(h.p1, 'P1', {
      clientName: 'Orbit Analytics BV',
      domain: 'orbit.example',
      expectedCloseDate: '2025-08-20',
    });
    const b = await h.register(h.p1, 'P1', {
      clientName: 'Polar Foods Oy',
      domain: 'polar.example',
      expectedCloseDate: '2025-08-20',
    });
    await h.call('POST', `/api/v1/deal-registrations/${b.id}/decision`, h.ops, { decision: 'approve' });
    expect(a.protectionEndsOn).toBe('2025-10-30');
    // The last protected day: still submitted; the day after: expired.
    // Sessions do not last months: sign in again on each new day.
    h.t.deps.clock.set('2025-10-30T12:00:00Z');
    h.p1 = await signIn(h.t.app, USERS.p1User);
    expect((await h.call('GET', mine('P1', `/${a.id}`), h.p1)).body.status).toBe('submitted');
    expect(await expireRegistrations(h.t.deps)).toBe(0);
    h.t.deps.clock.set('2025-10-31T08:00:00Z');
    h.p1 = await signIn(h.t.app, USERS.p1User);
    h.p2 = await signIn(h.t.app, USERS.p2User);
    expect(await expireRegistrations(h.t.deps)).toBe(2);
    const statuses = (await h.call('GET', mine('P1', '?status=expired'), h.p1)).body.registrations.map(
      (r: { id: string }) => r.id,
    );
    expect(statuses.sort()).toEqual([a.id, b.id].sort());
    expect((await h.events(b.id)).map((e) => e.change)).toEqual(['created', 'approved', 'expired']);
    // An expired registration protects nothing: P2 may now register the company.
    const p2Reg = await h.register(h.p2, 'P2', {
      clientName: 'Orbit Analytics',
      domain: 'orbit.example',
      expectedCloseDate: '2025-12-01',
    });
    expect(p2Reg.status).toBe('submitted');
    // A read sweeps too: P2's registration expires 90 days on without the background.
    h.t.deps.clock.set('2026-02-01T08:00:00Z');
    h.p2 = await signIn(h.t.app, USERS.p2User);
    expect((await h.call('GET', mine('P2', `/${p2Reg.id}`), h.p2)).body.status).toBe('expired');
    const [entry] = await listAudit(h.t.deps.db, { entityId: p2Reg.id });
    expect(entry).toMatchObject({ action: 'deal_registration.expire', actorKind: 'system' });
  });
});
