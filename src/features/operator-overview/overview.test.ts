// GET /api/v1/overview: every figure agrees with the partners table filtered as the figure says.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleProgramFile } from '../../domain/default-program.ts';
import { loadProgram } from '../../domain/program.ts';
import { type Browser, createTestApp, seedPartners, signIn, type TestApp } from '../../server/testing.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';
import { bucketWidth, nextReviewDay } from './service.ts';

let t: TestApp;
let operator: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  await seedPartners(t.deps, 'P3');
  // P2 moved up this month and was credited above its performance (a tier it is about to lose).
  await t.deps.db.execute(
    sql`update partner_state set credited = 'platinum', performance = 'gold' where partner_id = 'P2'`,
  );
  await t.deps.db.execute(
    sql`insert into tier_history (partner_id, date, from_tier, to_tier, reason) values ('P2', '2025-08-01', 'gold', 'platinum', 'test')`,
  );
  // A pending renewal within 30 days on C9, which P2 manages.
  await t.deps.db.execute(
    sql`insert into renewals (client_id, product, renewal_date, status) values ('C9', 'Sales Hub', '2025-08-20', 'pending')`,
  );
  operator = await signIn(t.app, USERS.operator);
});
afterAll(() => t.close());

const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url, headers: operator.read });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const partnersWith = async (filters: Record<string, string>) =>
  (await get(`/api/v1/partners?${new URLSearchParams(filters)}`)) as {
    total: number;
    partners: { partnerId: string }[];
  };

describe('GET /api/v1/overview', () => {
  it('counts partners per tier in program order, plus none, as the filtered table does', async () => {
    const o = await get('/api/v1/overview');
    expect(o.partners).toBe(3);
    expect(o.tiers.map((x: { tierId: string | null }) => x.tierId)).toEqual([
      'gold',
      'platinum',
      'diamond',
      'elite',
      null,
    ]);
    for (const tier of o.tiers) {
      expect((await partnersWith(tier.creditedFilters)).total, `credited ${tier.tierId}`).toBe(tier.credited);
      expect((await partnersWith(tier.performingFilters)).total, `performing ${tier.tierId}`).toBe(
        tier.performing,
      );
    }
    expect(o.tiers[0]).toMatchObject({ tierId: 'gold', credited: 1, performing: 2 });
  });

  it('buckets every partner by total points, each bucket opening its partners', async () => {
    const o = await get('/api/v1/overview');
    const sum = o.distribution.buckets.reduce((s: number, b: { partners: number }) => s + b.partners, 0);
    expect(sum).toBe(3);
    for (const b of o.distribution.buckets) expect((await partnersWith(b.filters)).total).toBe(b.partners);
  });

  it('shows movers, at risk and renewals that open the same partners', async () => {
    const o = await get('/api/v1/overview');
    expect(o.movers.tierUp.partners).toBe(1);
    expect((await partnersWith(o.movers.tierUp.filters)).partners.map((p) => p.partnerId)).toEqual(['P2']);
    expect((await partnersWith(o.movers.tierDown.filters)).total).toBe(o.movers.tierDown.partners);
    expect(o.atRisk.reviewDay).toBe('2026-01-15');
    expect(o.atRisk.partners).toBe(1);
    expect(o.atRisk.list[0]).toMatchObject({ partnerId: 'P2', credited: 'platinum', performance: 'gold' });
    expect((await partnersWith(o.atRisk.filters)).partners.map((p) => p.partnerId)).toEqual(['P2']);
    // Pending renewals within 30 days of 2025-08-01: C5 (P1's sold entry) and C9 (managed by P2).
    expect(
      o.renewals.list.map((r: { clientId: string; partnerId: string }) => `${r.partnerId}:${r.clientId}`),
    ).toEqual(expect.arrayContaining(['P2:C9']));
    const opened = await partnersWith(o.renewals.filters);
    expect(opened.total).toBe(o.renewals.partners);
    expect(new Set(o.renewals.list.map((r: { partnerId: string }) => r.partnerId))).toEqual(
      new Set(opened.partners.map((p) => p.partnerId)),
    );
    expect(o.freshness).toMatchObject({
      lastImport: null,
      lastLiveChangeAt: null,
      derivedAsOf: '2025-08-01',
    });
  });

  it('says when the last live change arrived', async () => {
    const send = await t.app.inject({
      method: 'POST',
      url: '/api/v1/mrr-changes',
      headers: operator.write,
      payload: {
        rows: [
          {
            change_id: 'LIVE-1',
            client_id: 'C1',
            product: 'Marketing Hub',
            date: '2025-08-01',
            mrr_after: '1300',
            currency: 'USD',
          },
        ],
      },
    });
    expect(send.statusCode, send.body).toBeLessThan(300);
    const o = await get('/api/v1/overview');
    expect(o.freshness.lastLiveChangeAt).not.toBeNull();
  });

  it('refuses a partner user', async () => {
    const user = await signIn(t.app, USERS.p1User);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/overview', headers: user.read });
    expect(response.statusCode).toBe(403);
  });
});

describe('helpers', () => {
  it('finds the next review day and round bucket widths', () => {
    const program = loadProgram(exampleProgramFile);
    expect(nextReviewDay(program, '2025-07-15')).toBe('2025-07-15');
    expect(nextReviewDay(program, '2025-07-16')).toBe('2026-01-15');
    expect(bucketWidth(747)).toBe(100);
    expect(bucketWidth(18000)).toBe(2000);
  });
});
