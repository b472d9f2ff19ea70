// Deal registration through the API, the partner's side (the fixture: ./testing.ts): the
// check as the partner types; a conflict answered 409 without the other partner's data and
// nothing stored; duplicates; bad input naming the field; tenancy. The operator's decisions
// and expiry are in decisions.test.ts, deals that settle a registration in settlement.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/service.ts';
import { USERS } from '../portal/testing.ts';
import { deal, mine, OTHER_PARTNER, RegistrationTest } from './testing.ts';

let h: RegistrationTest;

beforeAll(async () => {
  h = await RegistrationTest.start();
});
afterAll(async () => {
  await h.t.close();
});

describe('the conflict check', () => {
  it('is clean for a new company, and says how the domain is read', async () => {
    const r = await h.call('POST', mine('P1', '/check'), h.p1, {
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
      const r = await h.call('POST', mine('P1', '/check'), h.p1, { domain: 'fresh.example', ...body });
      expect(r.status, r.raw).toBe(200);
      expect(r.body.conflict, JSON.stringify(body)).toBe(true);
      for (const marker of ['P2', 'C9']) expect(r.raw).not.toContain(marker);
    }
  });

  it("does not flag the partner's own clients", async () => {
    const r = await h.call('POST', mine('P1', '/check'), h.p1, {
      clientName: 'Acme Inc',
      domain: 'acme.example',
    });
    expect(r.body).toMatchObject({ conflict: false, duplicate: false });
  });
});

describe('registering', () => {
  let nova: { id: string };

  it('stores a submitted registration protected for the program’s 90 days, audited and announced', async () => {
    const created = await h.call('POST', mine('P1'), h.p1, deal());
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
    const read = await h.call('GET', mine('P1', `/${nova.id}`), h.p1);
    expect(read.body).toEqual(created.body);
    const [entry] = await listAudit(h.t.deps.db, { entity: 'deal_registration', entityId: nova.id });
    expect(entry).toMatchObject({ action: 'deal_registration.create', partnerId: 'P1' });
    expect(await h.events(nova.id)).toEqual([
      expect.objectContaining({ change: 'created', status: 'submitted', partnerId: 'P1' }),
    ]);
  });

  it("refuses the same partner's second registration of the company (by domain or name)", async () => {
    for (const over of [
      { clientName: 'Totally Other Name' },
      { domain: 'nova-robotics.com', clientName: 'Nova Robotics' },
    ]) {
      const r = await h.call('POST', mine('P1'), h.p1, deal(over));
      expect(r.status, r.raw).toBe(409);
      expect(r.body.error.code).toBe('registration_duplicate');
      expect(r.body.error.details.registrationIds).toEqual([nova.id]);
    }
    const check = await h.call('POST', mine('P1', '/check'), h.p1, {
      clientName: 'Nova Robotics',
      domain: 'nova-robotics.se',
    });
    expect(check.body).toMatchObject({ duplicate: true, conflict: false });
  });

  it("answers 409 registration_conflict without the other partner's data, and stores nothing", async () => {
    const before = await h.call('GET', mine('P1'), h.p1);
    for (const over of [
      { clientName: 'Hidden Partner Deal', domain: 'https://secret-p2.example/' },
      { clientName: 'Secret P2 Client Ltd', domain: 'x.example' },
    ]) {
      const r = await h.call('POST', mine('P1'), h.p1, deal(over));
      expect(r.status, r.raw).toBe(409);
      expect(r.body.error.code).toBe('registration_conflict');
      expect(r.body.error.details).toBeUndefined();
      for (const marker of OTHER_PARTNER) expect(r.raw).not.toContain(marker);
    }
    // P2 registering P1's protected deal: a conflict that does not name P1 either.
    const r = await h.call(
      'POST',
      mine('P2'),
      h.p2,
      deal({ clientName: 'Nova Robotic', domain: 'nova.example' }),
    );
    expect(r.status, r.raw).toBe(409);
    expect(r.body.error.code).toBe('registration_conflict');
    for (const marker of ['P1', 'Nova Robotics AB', nova.id]) expect(r.raw).not.toContain(marker);
    expect((await h.call('GET', mine('P1'), h.p1)).body).toEqual(before.body);
    expect((await h.call('GET', mine('P2'), h.p2)).body.registrations).toEqual([]);
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
      const r = await h.call(
        'POST',
        mine('P1'),
        h.p1,
        deal({ clientName: 'Fresh Co', domain: 'fresh.example', ...over }),
      );
      const what = JSON.stringify(over);
      expect(r.status, `${what} ${r.raw}`).toBe(400);
      const paths = (r.body.error.details.issues as { path: string }[]).map((i) => i.path).sort();
      expect(paths, what).toEqual(fields);
      expect(r.raw).not.toContain('C9"');
    }
    const listed = await h.call('GET', mine('P1'), h.p1);
    expect(listed.body.registrations.map((r: { clientName: string }) => r.clientName)).toEqual([
      'Nova Robotics AB',
    ]);
  });

  it('registers an existing client of the partner by id, its domain taken from the client', async () => {
    const r = await h.register(h.p1, 'P1', {
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
    const { body } = await h.call('GET', mine('P1'), h.p1);
    const id = body.registrations[0].id;
    const asP2 = await h.call('GET', mine('P2', `/${id}`), h.p2);
    expect(asP2.status).toBe(404);
    expect((await h.call('POST', mine('P2', `/${id}/extension`), h.p2, { reason: 'mine now' })).status).toBe(
      404,
    );
    expect((await h.call('GET', mine('P1', `/${id}`), h.p2)).status).toBe(404);
    expect((await h.call('GET', '/api/v1/deal-registrations', h.p1)).status).toBe(403);
    expect(
      (await h.call('POST', `/api/v1/deal-registrations/${id}/decision`, h.p1, { decision: 'approve' }))
        .status,
    ).toBe(403);
    expect((await h.call('GET', mine('P1', `/${id}`), h.p1)).body.status).toBe('submitted');
  });
});
