// GET /api/v1/partners: the operator's partners table (and the partner switcher, which reads
// it whole) and its CSV export. PGlite, and PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, seedPartners, signIn, type TestApp } from '../../server/testing.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;
let operator: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  await seedPartners(t.deps, 'P3', 'P4', 'Q5');
  operator = await signIn(t.app, USERS.operator);
});
afterAll(() => t.close());

interface Row {
  partnerId: string;
  name: string;
  total: number;
  sold: number;
  managed: number;
  credited: string | null;
  performance: string | null;
}
const table = async (query = '') => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/partners${query}`,
    headers: operator.read,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { partners: Row[]; total: number; page: number; pageSize: number };
};

describe('GET /api/v1/partners', () => {
  it('lists every partner with its points and tiers, all on one page without page parameters', async () => {
    const answer = await table();
    expect(answer.partners.map((p) => p.partnerId)).toEqual(['P1', 'P2', 'P3', 'P4', 'Q5']);
    expect(answer).toMatchObject({ total: 5, page: 1, pageSize: 5 });
    const p1 = answer.partners[0]!;
    expect(p1).toMatchObject({ partnerId: 'P1', total: 747, credited: 'gold', performance: 'gold' });
    expect(p1.sold + p1.managed).toBeCloseTo(p1.total, 2);
  });

  it('pages, with the total over all pages', async () => {
    const first = await table('?page=1&pageSize=2');
    expect(first.partners.map((p) => p.partnerId)).toEqual(['P1', 'P2']);
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect((await table('?page=3&pageSize=2')).partners.map((p) => p.partnerId)).toEqual(['Q5']);
    expect(await table('?page=9&pageSize=2')).toMatchObject({ partners: [], total: 5 });
  });

  it('searches id and name, and sorts either way', async () => {
    expect((await table('?q=q5')).partners.map((p) => p.partnerId)).toEqual(['Q5']);
    const byTotal = await table('?sort=total&dir=desc&pageSize=2');
    expect(byTotal.partners[0]!.partnerId).toBe('P1');
    const desc = await table('?sort=partnerId&dir=desc');
    expect(desc.partners.map((p) => p.partnerId)).toEqual(['Q5', 'P4', 'P3', 'P2', 'P1']);
  });

  it('filters by credited and performing tier (none included) and country', async () => {
    expect((await table('?credited=gold')).partners.map((p) => p.partnerId)).toEqual(['P1']);
    const none = await table('?performing=none');
    expect(none.partners.map((p) => p.partnerId)).not.toContain('P1');
    expect(none.total).toBe(4);
    const all = await table();
    const countries = await Promise.all(
      all.partners.map((p) =>
        t.deps.db.query.partners.findFirst({ where: (x, { eq }) => eq(x.partnerId, p.partnerId) }),
      ),
    );
    const us = countries.filter((c) => c?.country === 'US').map((c) => c!.partnerId);
    expect(us.length).toBeGreaterThan(0);
    expect((await table('?country=us')).partners.map((p) => p.partnerId)).toEqual(us);
    expect((await table('?country=ZZ')).total).toBe(0);
  });

  it('tells what is wrong with a bad filter', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners?sort=colour&pageSize=0',
      headers: operator.read,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('sort');
    expect(response.body).toContain('pageSize');
  });

  it('refuses a partner user, who sees only its own partner', async () => {
    const user = await signIn(t.app, USERS.p1User);
    for (const url of ['/api/v1/partners', '/api/v1/partners/export.csv']) {
      const response = await t.app.inject({ method: 'GET', url, headers: user.read });
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain('P2');
    }
  });
});

describe('GET /api/v1/partners/export.csv', () => {
  it('exports the filtered, sorted partners as CSV', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/export.csv?sort=partnerId&dir=desc',
      headers: operator.read,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="partners-.*\.csv"/);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'partner_id,name,country,total,sold,managed,credited,performance,certified,change_this_month',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Q5', 'P4', 'P3', 'P2', 'P1']);
    expect(lines[5]).toContain(',747,');
  });
});
