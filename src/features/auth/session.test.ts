import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  seedPartners,
  seedUser,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../server/testing.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1');
  await seedUser(t.deps, { email: 'Ada@Example.com', role: 'partner-user', partnerId: 'P1' });
  await seedUser(t.deps, { email: 'op@example.com', role: 'operator' });
});
afterAll(() => t.close());

describe('sign-in, me, sign-out', () => {
  it('signs in with a session cookie (httpOnly, SameSite=Lax, not Secure on http) and answers me', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ada@EXAMPLE.com', password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'tw_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeUndefined();
    const body = response.json();
    expect(body).toMatchObject({
      user: { email: 'ada@example.com', role: 'partner-user', partnerId: 'P1', locale: 'en' },
      partner: { partnerId: 'P1', name: 'Partner P1' },
    });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toContain('password');

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `tw_session=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('answers 401 without a session, with the error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ada@example.com', password: 'not the password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'nobody@example.com', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.cookies).toEqual([]);
  });

  it('rotates the session at sign-in: the previous token stops working', async () => {
    const first = await signIn(t.app, 'ada@example.com');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { cookie: first.cookie },
      payload: { email: 'ada@example.com', password: TEST_PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    const second = again.cookies.find((c) => c.name === 'tw_session')!.value;
    expect(`tw_session=${second}`).not.toBe(first.cookie);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: first.cookie } }))
        .statusCode,
    ).toBe(401);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `tw_session=${second}` },
    });
    expect(me.statusCode).toBe(200);
  });

  it('signs out: the session is revoked and the cookie cleared', async () => {
    const browser = await signIn(t.app, 'ada@example.com');
    const out = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: browser.write });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'tw_session')?.value).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser.read });
    expect(me.statusCode).toBe(401);
  });

  it('expires sessions after the configured days', async () => {
    const browser = await signIn(t.app, 'ada@example.com');
    t.deps.clock.advance(13 * 24 * 3_600_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser.read })).statusCode).toBe(
      200,
    );
    t.deps.clock.advance(2 * 24 * 3_600_000);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser.read })).statusCode).toBe(
      401,
    );
  });

  it('changes the locale and validates it with field paths', async () => {
    const browser = await signIn(t.app, 'ada@example.com');
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: browser.write,
      payload: { locale: 'sv' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('sv');
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: browser.write,
      payload: { locale: 'de' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: expect.any(String),
        details: { issues: [{ in: 'body', path: 'locale', message: expect.any(String) }] },
      },
    });
  });

  it('sets Secure on the cookie over HTTPS, and trusts X-Forwarded-Proto only when configured', async () => {
    const proxied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'op@example.com', password: TEST_PASSWORD },
    });
    expect(proxied.cookies.find((c) => c.name === 'tw_session')!.secure).toBeUndefined();

    const behindProxy = await createTestApp({ config: { trustProxy: true } });
    try {
      await seedUser(behindProxy.deps, { email: 'op@example.com', role: 'operator' });
      const response = await behindProxy.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: 'op@example.com', password: TEST_PASSWORD },
      });
      expect(response.cookies.find((c) => c.name === 'tw_session')!.secure).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });
});
