// Single sign-on against a real OpenID Connect provider on 127.0.0.1: the operator's
// configuration (secret never shown back), first sign-in creating the mapped user, a known
// user signing in, and the refusals a person sees (unmapped domain, deactivated, unverified).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { createTestApp, seedPartners, seedUser, signIn, type TestApp } from '../../server/testing.ts';
import { startTestProvider, type TestProvider } from './test-provider.ts';

let t: TestApp;
let idp: TestProvider;
let operator: Awaited<ReturnType<typeof signIn>>;

beforeAll(async () => {
  t = await createTestApp();
  idp = await startTestProvider(`${t.deps.config.baseUrl}/api/auth/oidc/callback`);
  await seedPartners(t.deps, 'P1', 'P2');
  await seedUser(t.deps, { email: 'op@vendor.example', role: 'operator' });
  operator = await signIn(t.app, 'op@vendor.example');
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

async function configure() {
  return t.app.inject({
    method: 'PUT',
    url: '/api/v1/sso-config',
    headers: operator.write,
    payload: {
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      domains: [
        { domain: 'acme.example', partnerId: 'P1', role: 'partner-user' },
        { domain: 'Vendor.example', partnerId: null, role: 'operator' },
      ],
    },
  });
}

/** The whole browser round trip; answers where the app finally sends the browser, and its cookie. */
async function ssoSignIn(account: string) {
  idp.signInAs(account);
  const start = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/start?next=/operator' });
  expect(start.statusCode).toBe(302);
  const flow = start.cookies.find((c) => c.name === 'tw_oidc');
  if (!flow) return { location: start.headers.location as string, cookie: undefined };
  const back = await idp.follow(start.headers.location as string);
  expect(back.pathname).toBe('/api/auth/oidc/callback');
  const callback = await t.app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: `tw_oidc=${flow.value}` },
  });
  expect(callback.statusCode).toBe(302);
  const session = callback.cookies.find((c) => c.name === 'tw_session');
  return { location: callback.headers.location as string, cookie: session && `tw_session=${session.value}` };
}

async function me(cookie: string) {
  return (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json().user;
}

describe('single sign-on', () => {
  it('is off until an operator configures it; the sign-in page learns it from the status', async () => {
    const status = await t.app.inject({ method: 'GET', url: '/api/v1/sso/status' });
    expect(status.json()).toEqual({ enabled: false });
    const { location } = await ssoSignIn('nobody');
    expect(location).toBe('/sign-in/sso-refused?reason=not_configured');
  });

  it('lets operators only configure it, checks partners, and never shows the secret back', async () => {
    const partner = await seedUser(t.deps, {
      email: 'admin@p2.example',
      role: 'partner-admin',
      partnerId: 'P2',
    });
    expect(partner).toBeTruthy();
    const asPartner = await signIn(t.app, 'admin@p2.example');
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/sso-config', headers: asPartner.read });
    expect(refused.statusCode).toBe(403);

    const unknownPartner = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/sso-config',
      headers: operator.write,
      payload: {
        issuer: idp.issuer,
        clientId: 'x',
        clientSecret: 'y',
        domains: [{ domain: 'x.example', partnerId: 'NOPE', role: 'partner-user' }],
      },
    });
    expect(unknownPartner.statusCode).toBe(400);
    expect(unknownPartner.body).toContain('domains.0.partnerId');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sso/status' })).json()).toEqual({
      enabled: false,
    });

    const saved = await configure();
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain(idp.clientSecret);
    expect(saved.json()).toMatchObject({
      configured: true,
      clientSecretHint: '••••6789',
      issuer: idp.issuer,
    });
    expect(saved.json().domains).toContainEqual({
      domain: 'vendor.example',
      partnerId: null,
      role: 'operator',
    });
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log?action=sso.',
      headers: operator.read,
    });
    expect(audit.body).toContain('sso.create');
    expect(audit.body).not.toContain(idp.clientSecret);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/sso/status' })).json()).toEqual({
      enabled: true,
    });
  });

  it('creates the user on first sign-in in the mapped partner with the mapped role, then signs them in again', async () => {
    idp.accounts.set('ann', { email: 'Ann@ACME.example' });
    const first = await ssoSignIn('ann');
    expect(first.location).toBe('/operator');
    expect(await me(first.cookie!)).toMatchObject({
      email: 'ann@acme.example',
      role: 'partner-user',
      partnerId: 'P1',
    });

    const again = await ssoSignIn('ann');
    expect(again.cookie).toBeDefined();
    expect((await me(again.cookie!)).email).toBe('ann@acme.example');
    const rows = await t.deps.db.select().from(users).where(eq(users.email, 'ann@acme.example'));
    expect(rows).toHaveLength(1);
  });

  it('signs in a known operator through an operator domain', async () => {
    idp.accounts.set('op', { email: 'op@vendor.example' });
    const { cookie } = await ssoSignIn('op');
    expect(await me(cookie!)).toMatchObject({ email: 'op@vendor.example', role: 'operator' });
  });

  it('refuses an unmapped domain, a deactivated user and an unverified email, with no session', async () => {
    idp.accounts.set('eve', { email: 'eve@elsewhere.example' });
    expect(await ssoSignIn('eve')).toEqual({
      location: '/sign-in/sso-refused?reason=unmapped_domain',
      cookie: undefined,
    });

    await seedUser(t.deps, { email: 'gone@acme.example', role: 'partner-user', partnerId: 'P1' });
    await t.deps.db.update(users).set({ disabled: true }).where(eq(users.email, 'gone@acme.example'));
    idp.accounts.set('gone', { email: 'gone@acme.example' });
    expect(await ssoSignIn('gone')).toEqual({
      location: '/sign-in/sso-refused?reason=deactivated',
      cookie: undefined,
    });

    idp.accounts.set('unverified', { email: 'new@acme.example', emailVerified: false });
    expect(await ssoSignIn('unverified')).toEqual({
      location: '/sign-in/sso-refused?reason=email_unverified',
      cookie: undefined,
    });
    expect(await t.deps.db.select().from(users).where(eq(users.email, 'new@acme.example'))).toHaveLength(0);
  });

  it('refuses a callback without the flow cookie', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/oidc/callback?code=x&state=y' });
    expect(response.headers.location).toBe('/sign-in/sso-refused?reason=failed');
    expect(response.cookies.find((c) => c.name === 'tw_session')).toBeUndefined();
  });
});
