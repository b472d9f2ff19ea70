// Preview features: the seeded three-month projection, a user's opt-in (terms accepted)
// and opt-out, a partner admin's opt-in for every user of the partner, operators defining
// previews; audited writes, CSRF, roles and tenancy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  createTestApp,
  seedPartners,
  seedUser,
  signIn,
  type TestApp,
} from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';

let t: TestApp;
let user: Browser;
let admin: Browser;
let other: Browser;
let operator: Browser;
const PREVIEW = 'three-month-projection';

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1', 'P2');
  await seedUser(t.deps, { email: 'user@p1.example', role: 'partner-user', partnerId: 'P1' });
  await seedUser(t.deps, { email: 'admin@p1.example', role: 'partner-admin', partnerId: 'P1' });
  await seedUser(t.deps, { email: 'user@p2.example', role: 'partner-user', partnerId: 'P2' });
  await seedUser(t.deps, { email: 'ops@vendor.example', role: 'operator' });
  user = await signIn(t.app, 'user@p1.example');
  admin = await signIn(t.app, 'admin@p1.example');
  other = await signIn(t.app, 'user@p2.example');
  operator = await signIn(t.app, 'ops@vendor.example');
});
afterAll(() => t.close());

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, browser: Browser, payload?: object) {
  const response = await t.app.inject({
    method,
    url,
    headers: method === 'GET' ? browser.read : browser.write,
    ...(payload ? { payload } : {}),
  });
  return { status: response.statusCode, body: response.json() };
}

async function mine(browser: Browser) {
  const { body } = await call('GET', '/api/v1/previews', browser);
  return body.previews.find((p: { id: string }) => p.id === PREVIEW);
}

describe('previews', () => {
  it('lists the seeded three-month projection preview with its terms', async () => {
    expect(await mine(user)).toMatchObject({
      id: PREVIEW,
      name: 'Three-month projection',
      terms: expect.stringContaining('preview'),
      optedIn: false,
      via: null,
      userOptedIn: false,
      partnerOptedIn: false,
    });
  });

  it('lets a user opt in only by accepting the terms, and opt out', async () => {
    expect((await call('POST', `/api/v1/previews/${PREVIEW}/opt-in`, user, {})).status).toBe(400);
    expect(
      (await call('POST', `/api/v1/previews/${PREVIEW}/opt-in`, user, { acceptTerms: false })).status,
    ).toBe(400);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/previews/${PREVIEW}/opt-in`,
      headers: user.read,
      payload: { acceptTerms: true },
    });
    expect(noCsrf.statusCode).toBe(403);

    const optIn = await call('POST', `/api/v1/previews/${PREVIEW}/opt-in`, user, { acceptTerms: true });
    expect(optIn.status).toBe(200);
    expect(optIn.body).toMatchObject({ optedIn: true, via: 'user', userOptedIn: true });
    // Again: still opted in, nothing duplicated.
    expect(
      (await call('POST', `/api/v1/previews/${PREVIEW}/opt-in`, user, { acceptTerms: true })).status,
    ).toBe(200);
    expect(await mine(admin)).toMatchObject({ optedIn: false });

    const optOut = await call('DELETE', `/api/v1/previews/${PREVIEW}/opt-in`, user);
    expect(optOut.body).toMatchObject({ optedIn: false, via: null });
    const audit = await listAudit(t.deps.db, { entity: 'preview', entityId: PREVIEW });
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(['preview.opt_out', 'preview.opt_in']);
  });

  it('answers 404 for a preview that does not exist', async () => {
    expect((await call('POST', '/api/v1/previews/nope/opt-in', user, { acceptTerms: true })).status).toBe(
      404,
    );
  });

  it('lets a partner admin opt in every user of the partner (and only of its partner)', async () => {
    const url = `/api/v1/partners/P1/previews/${PREVIEW}/opt-in-all`;
    expect((await call('POST', url, user, { acceptTerms: true })).status).toBe(403);
    expect(
      (await call('POST', `/api/v1/partners/P2/previews/${PREVIEW}/opt-in-all`, admin, { acceptTerms: true }))
        .status,
    ).toBe(404);

    const all = await call('POST', url, admin, { acceptTerms: true });
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ previewId: PREVIEW, partnerId: 'P1', partnerOptedIn: true, users: 2 });
    expect(await mine(user)).toMatchObject({ optedIn: true, via: 'partner', partnerOptedIn: true });
    expect(await mine(admin)).toMatchObject({ optedIn: true, via: 'partner' });
    expect(await mine(other)).toMatchObject({ optedIn: false });
    // A user opting out of its own still has the partner's.
    expect((await call('DELETE', `/api/v1/previews/${PREVIEW}/opt-in`, user)).body).toMatchObject({
      optedIn: true,
    });

    const state = await call('GET', '/api/v1/partners/P1/previews', admin);
    expect(state.body.previews).toContainEqual({ previewId: PREVIEW, partnerOptedIn: true, usersOptedIn: 0 });

    const off = await call('DELETE', url, admin);
    expect(off.body).toMatchObject({ partnerOptedIn: false });
    expect(await mine(user)).toMatchObject({ optedIn: false });
    const [last] = await listAudit(t.deps.db, { entity: 'preview', entityId: PREVIEW });
    expect(last).toMatchObject({ action: 'preview.opt_out_partner', partnerId: 'P1' });
  });

  it('lets operators define previews', async () => {
    const preview = {
      id: 'commission-forecast',
      name: 'Commission forecast',
      description: 'Next year',
      terms: 'As is.',
    };
    expect((await call('POST', '/api/v1/previews', admin, preview)).status).toBe(403);
    const created = await call('POST', '/api/v1/previews', operator, preview);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(preview);
    expect((await call('POST', '/api/v1/previews', operator, preview)).status).toBe(409);
    expect((await call('POST', '/api/v1/previews', operator, { ...preview, id: 'Not A Slug' })).status).toBe(
      400,
    );
    const { body } = await call('GET', '/api/v1/previews', user);
    // By name.
    expect(body.previews.map((p: { id: string }) => p.id)).toEqual(['commission-forecast', PREVIEW]);
  });
});
