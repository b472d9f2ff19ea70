// The summary routes read the summary row in the session check's query (config.preload):
// the same answer as without it (an API token), and the same refusals as any route: a
// signed-out or expired session, another partner's or a missing partner's id. PGlite, and
// PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
});
afterAll(() => t.close());

async function get(url: string, headers: Record<string, string>) {
  const response = await t.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json() };
}

describe('the summary read with the session', () => {
  it('answers a partner user, an operator and an API token alike', async () => {
    const user = await signIn(t.app, USERS.p1User);
    const operator = await signIn(t.app, USERS.operator);
    const { token } = await createApiToken(t.deps, { name: 'bi', scopes: ['read'], actor: SYSTEM_ACTOR });
    for (const path of ['dashboard', 'tier-progress', 'tier-progress?tier=gold']) {
      const url = `/api/v1/partners/P1/${path}`;
      const byToken = await get(url, { authorization: `Bearer ${token}` });
      expect(byToken.status).toBe(200);
      expect(byToken.body.asOf).toBe('2025-08-01');
      expect(await get(url, user.read)).toEqual(byToken);
      expect(await get(url, operator.read)).toEqual(byToken);
    }
  });

  it("answers 404 for another partner's id (a partner user) and for a missing partner", async () => {
    const user = await signIn(t.app, USERS.p1User);
    const operator = await signIn(t.app, USERS.operator);
    expect((await get('/api/v1/partners/P2/dashboard', user.read)).status).toBe(404);
    expect((await get('/api/v1/partners/P404/dashboard', user.read)).status).toBe(404);
    expect((await get('/api/v1/partners/P404/dashboard', operator.read)).status).toBe(404);
    expect((await get('/api/v1/partners/P2/dashboard', operator.read)).status).toBe(200);
  });

  it('answers each of many concurrent callers with its own data (their lookups share queries)', async () => {
    const user = await signIn(t.app, USERS.p1User);
    const p2User = await signIn(t.app, USERS.p2User);
    const operator = await signIn(t.app, USERS.operator);
    const signedOut = await signIn(t.app, USERS.p1Admin);
    await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: signedOut.write });
    const cases = [
      { who: user, partner: 'P1', status: 200 },
      { who: user, partner: 'P2', status: 404 },
      { who: p2User, partner: 'P2', status: 200 },
      { who: p2User, partner: 'P1', status: 404 },
      { who: operator, partner: 'P1', status: 200 },
      { who: operator, partner: 'P2', status: 200 },
      { who: operator, partner: 'P404', status: 404 },
      { who: signedOut, partner: 'P1', status: 401 },
    ];
    const all = Array.from({ length: 5 }, () => cases).flat();
    const answers = await Promise.all(
      all.map((c) => get(`/api/v1/partners/${c.partner}/dashboard`, c.who.read)),
    );
    answers.forEach((answer, n) => {
      const c = all[n]!;
      expect(answer.status, `${n}: ${c.partner}`).toBe(c.status);
      if (c.status === 200) expect(answer.body.partner.partnerId).toBe(c.partner);
    });
  });

  it('refuses a session once signed out, and once expired', async () => {
    const user = await signIn(t.app, USERS.p1User);
    const signedOut = await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: user.write });
    expect(signedOut.statusCode).toBeLessThan(300);
    expect((await get('/api/v1/partners/P1/dashboard', user.read)).status).toBe(401);

    const other = await signIn(t.app, USERS.p1User);
    expect((await get('/api/v1/partners/P1/dashboard', other.read)).status).toBe(200);
    t.deps.clock.advance(15 * 24 * 3600_000); // sessions last 14 days (testConfig)
    try {
      expect((await get('/api/v1/partners/P1/dashboard', other.read)).status).toBe(401);
    } finally {
      t.deps.clock.advance(-15 * 24 * 3600_000);
    }
  });
});
