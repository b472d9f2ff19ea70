// Two app instances on one database keep no state of their own: a session, a sign-out and
// a lockout made through one hold on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../core/app.ts';
import { buildApp } from './app.ts';
import { createTestApp, seedUser, signIn, TEST_PASSWORD, type TestApp } from './testing.ts';

let t: TestApp;
let other: App;

beforeAll(async () => {
  t = await createTestApp();
  other = await buildApp({ ...t.deps, logger: false });
  await other.ready();
  await seedUser(t.deps, { email: 'op@example.com', role: 'operator' });
  await seedUser(t.deps, { email: 'op2@example.com', role: 'operator' });
});
afterAll(async () => {
  await other.close();
  await t.close();
});

describe('several instances', () => {
  it('accept each other’s sessions and sign-outs', async () => {
    const browser = await signIn(t.app, 'op@example.com');
    expect((await other.inject({ method: 'GET', url: '/api/v1/me', headers: browser.read })).statusCode).toBe(
      200,
    );
    const out = await other.inject({ method: 'DELETE', url: '/api/v1/session', headers: browser.write });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: browser.read })).statusCode).toBe(
      401,
    );
  });

  it('share sign-in failures: a lockout earned on one holds on the other', async () => {
    for (const app of [t.app, other, t.app, other, t.app]) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'op2@example.com', password: 'wrong password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await other.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'op2@example.com', password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
  });
});
