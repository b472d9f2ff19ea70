// A partner's admin page: profile, certifications (add, edit validity; the partner's tier
// performance moves at once), team contacts (what the Team tab shows), audit entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;
let operator: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  operator = await signIn(t.app, USERS.operator);
});
afterAll(() => t.close());

const get = async (url: string, headers = operator.read) => {
  const response = await t.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json() };
};
const send = async (
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  headers = operator.write,
) => {
  const response = await t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.body ? response.json() : null };
};

describe('a partner profile', () => {
  it('shows the partner, its standing and its user count', async () => {
    const { status, body } = await get('/api/v1/partners/P1/profile');
    expect(status).toBe(200);
    expect(body.partner).toMatchObject({ partnerId: 'P1' });
    expect(body.standing).toMatchObject({
      total: 747,
      credited: 'gold',
      performance: 'gold',
      certified: true,
    });
    expect(body.users).toBeGreaterThanOrEqual(2);
  });

  it('answers 404 for a partner that does not exist', async () => {
    expect((await get('/api/v1/partners/NOPE/profile')).status).toBe(404);
  });
});

describe('certifications', () => {
  it("editing a certification's validity changes the partner's performance at once, audited", async () => {
    const { body } = await get('/api/v1/partners/P1/certifications');
    expect(body.certifications).toHaveLength(1);
    const [cert] = body.certifications;
    expect(cert.validToday).toBe(true);

    const ended = await send('PATCH', `/api/v1/partners/P1/certifications/${cert.certificationId}`, {
      validUntil: '2025-06-30',
    });
    expect(ended.status).toBe(200);
    expect(ended.body.validToday).toBe(false);
    const lapsed = await get('/api/v1/partners/P1/profile');
    expect(lapsed.body.standing).toMatchObject({ certified: false, performance: null, total: 747 });
    const table = await get('/api/v1/partners?q=P1');
    expect(table.body.partners[0]).toMatchObject({ partnerId: 'P1', performance: null, certified: false });

    const added = await send('POST', '/api/v1/partners/P1/certifications', {
      name: 'Advanced Certification',
      validFrom: '2025-07-01',
      validUntil: '2027-06-30',
    });
    expect(added.status).toBe(201);
    expect((await get('/api/v1/partners/P1/profile')).body.standing).toMatchObject({
      certified: true,
      performance: 'gold',
    });

    const audit = await listAudit(t.deps.db, { partnerId: 'P1', entity: 'certification' });
    expect(audit.map((a) => a.action)).toEqual(['certification.create', 'certification.update']);
    expect(audit[1]!.before).toMatchObject({ validUntil: '2026-12-31', standing: { performance: 'gold' } });
    expect(audit[1]!.after).toMatchObject({ validUntil: '2025-06-30', standing: { performance: null } });
  });

  it('refuses validity that ends before it starts, naming the field', async () => {
    const bad = await send('POST', '/api/v1/partners/P1/certifications', {
      name: 'Backwards',
      validFrom: '2025-07-01',
      validUntil: '2025-06-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('ends before it starts');
    expect(bad.body.error.details.issues[0]).toMatchObject({ path: 'validUntil' });
    const notADate = await send('POST', '/api/v1/partners/P1/certifications', {
      name: 'X',
      validFrom: '2025-02-30',
      validUntil: '2026-01-01',
    });
    expect(notADate.status).toBe(400);
    expect(JSON.stringify(notADate.body)).toContain('validFrom');
    expect((await get('/api/v1/partners/P1/certifications')).body.certifications).toHaveLength(2);
  });

  it('refuses a partner user (403) and an unknown certification (404)', async () => {
    const admin = await signIn(t.app, USERS.p1Admin);
    const payload = { name: 'Mine', validFrom: '2025-01-01', validUntil: '2026-01-01' };
    expect((await send('POST', '/api/v1/partners/P1/certifications', payload, admin.write)).status).toBe(403);
    expect(
      (await send('PATCH', '/api/v1/partners/P1/certifications/nope', { validUntil: '2026-01-01' })).status,
    ).toBe(404);
  });
});

describe('team contacts', () => {
  it('adds, edits and removes contacts, which the Team tab shows, audited', async () => {
    const created = await send('POST', '/api/v1/partners/P2/team', {
      role: 'Partner Development Manager',
      name: 'Dana New',
      email: 'Dana@Vendor.example',
      description: 'Your first contact',
    });
    expect(created.status).toBe(201);
    const p2User = await signIn(t.app, USERS.p2User);
    let team = await get('/api/v1/partners/P2/team', p2User.read);
    expect(team.body.contacts).toContainEqual(
      expect.objectContaining({
        name: 'Dana New',
        email: 'dana@vendor.example',
        mailto: 'mailto:dana@vendor.example',
      }),
    );

    const again = await send('POST', '/api/v1/partners/P2/team', {
      role: 'X',
      name: 'Y',
      email: 'dana@vendor.example',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('dana@vendor.example');

    const id = created.body.contactId;
    const edited = await send('PATCH', `/api/v1/partners/P2/team/${id}`, {
      name: 'Dana Renamed',
      description: null,
    });
    expect(edited.status).toBe(200);
    team = await get('/api/v1/partners/P2/team', p2User.read);
    expect(team.body.contacts).toContainEqual(
      expect.objectContaining({ name: 'Dana Renamed', description: null }),
    );

    expect((await send('DELETE', `/api/v1/partners/P2/team/${id}`)).status).toBe(204);
    team = await get('/api/v1/partners/P2/team', p2User.read);
    expect(team.body.contacts.map((c: { name: string }) => c.name)).not.toContain('Dana Renamed');
    expect((await send('DELETE', `/api/v1/partners/P2/team/${id}`)).status).toBe(404);

    const audit = await listAudit(t.deps.db, { partnerId: 'P2', entity: 'team_contact' });
    expect(audit.map((a) => a.action)).toEqual([
      'team_contact.delete',
      'team_contact.update',
      'team_contact.create',
    ]);
    expect(audit[1]!.before).toMatchObject({ name: 'Dana New' });
    expect(audit[1]!.after).toMatchObject({ name: 'Dana Renamed' });
  });

  it('names the bad field', async () => {
    const bad = await send('POST', '/api/v1/partners/P2/team', {
      role: 'PDM',
      name: '',
      email: 'not-an-email',
    });
    expect(bad.status).toBe(400);
    const text = JSON.stringify(bad.body);
    expect(text).toContain('email');
    expect(text).toContain('name');
  });
});
