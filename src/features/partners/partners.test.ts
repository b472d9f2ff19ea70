// GET /api/v1/partners: the operator's partner switcher. PGlite, and PostgreSQL when
// DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
});
afterAll(() => t.close());

describe('GET /api/v1/partners', () => {
  it('lists every partner with its points and tiers for an operator', async () => {
    const operator = await signIn(t.app, USERS.operator);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: operator.read });
    expect(response.statusCode).toBe(200);
    const { partners } = response.json() as {
      partners: { partnerId: string; total: number; credited: string }[];
    };
    expect(partners.map((p) => p.partnerId)).toEqual(['P1', 'P2']);
    expect(partners[0]).toMatchObject({ partnerId: 'P1', total: 747, credited: 'gold' });
  });

  it('refuses a partner user, who sees only its own partner', async () => {
    const user = await signIn(t.app, USERS.p1User);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: user.read });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('P2');
  });
});
