// The dashboard API on the hand-derived fixture (../portal/testing.ts): summary, tier
// progress, point changes with drill-down, shared sales, commission. PGlite, and
// PostgreSQL when DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;
let p1: Browser;

async function get(path: string, browser = p1) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/partners/P1${path}`,
    headers: browser.read,
  });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  p1 = await signIn(t.app, USERS.p1User);
});
afterAll(() => t.close());

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('GET /dashboard', () => {
  it('answers program progress from the derived state', async () => {
    const { status, body } = await get('/dashboard');
    expect(status).toBe(200);
    expect(body).toEqual({
      partner: { partnerId: 'P1', name: 'Partner P1', country: 'US', currency: 'USD' },
      today: '2025-08-01',
      asOf: '2025-08-01',
      source: 'derived',
      credited: { id: 'gold', name: 'Gold' },
      performance: { id: 'gold', name: 'Gold' },
      certified: true,
      points: { sourced: 560, assisted: 30, sold: 590, managed: 157, total: 747 },
      sellerTrack: { counts: 'sourced', points: 560 },
      // Platinum under rule set 2025-07: 2100 total, 200 seller, 500 managed.
      nextTier: {
        tierId: 'platinum',
        tierName: 'Platinum',
        met: false,
        missing: { total: 1353, seller: 0, managed: 343 },
      },
      metrics: {
        // Sourced entries earned in (2024-08-01, 2025-08-01]: 10,000 + 1,000 + 500 + 400.
        sourcedDollars12m: usd(11900),
        // Remaining backing of active sourced entries: 10,000 + 1,000 + 200 + 0.
        sourcedMrrRolling12m: usd(11200),
        // Clients attributed on 2024-08-01 (C2, C5) all still pay.
        customerDollarRetention12m: 1,
        revenueRetentionAnnualized: expect.any(Number),
      },
      // C1 pending (deadline 2025-08-01) and C4 cancellation requested (deadline 2025-10-31).
      alerts: { renewals: 2 },
    });
  });

  it('computes another day with the engine (?on=)', async () => {
    const { body } = await get('/dashboard?on=2025-03-31');
    expect(body.source).toBe('computed');
    expect(body.asOf).toBe('2025-03-31');
    // C6 500 + C1 50 + C5 10 + C7 20 sold; managed C1 10 + C2 5.87 + C4 40 + C6 100.
    expect(body.points).toEqual({ sourced: 580, assisted: 0, sold: 580, managed: 155.87, total: 735.87 });
    expect(body.credited).toEqual({ id: 'gold', name: 'Gold' });
  });

  it('answers for the partner id only (a date in the wrong form is a 400)', async () => {
    expect((await get('/dashboard?on=2025-02-30')).status).toBe(400);
  });
});

describe('GET /tier-progress', () => {
  it('defaults to the next tier and lists the tiers in force', async () => {
    const { status, body } = await get('/tier-progress');
    expect(status).toBe(200);
    expect(body.tiers.map((x: { id: string; total: number }) => [x.id, x.total])).toEqual([
      ['gold', 630],
      ['platinum', 2100],
      ['diamond', 6300],
      ['elite', 18900],
    ]);
    expect(body.selected).toMatchObject({
      tierId: 'platinum',
      missing: { total: 1353, seller: 0, managed: 343 },
    });
  });

  it('answers for a chosen tier', async () => {
    const { body } = await get('/tier-progress?tier=diamond');
    expect(body.selected).toEqual({
      tierId: 'diamond',
      tierName: 'Diamond',
      met: false,
      missing: { total: 5553, seller: 40, managed: 1343 },
      thresholds: { id: 'diamond', name: 'Diamond', total: 6300, sellerMinimum: 600, managedMinimum: 1500 },
    });
    expect((await get('/tier-progress?tier=gold')).body.selected).toMatchObject({ met: true });
    expect((await get('/tier-progress?tier=bronze')).status).toBe(400);
  });
});

describe('GET /point-changes', () => {
  const range = 'from=2025-01-01&to=2025-07-31';

  it('answers the seven figures (rules §6)', async () => {
    const { status, body } = await get(`/point-changes?${range}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      from: '2025-01-01',
      to: '2025-07-31',
      newSold: 600, // C7 20, C6 500, C1 50, C3 30
      increasedSold: 25,
      expiredSold: 10, // C5 on 2025-06-01
      decreasedSold: 15,
      declinedSold: 20,
      newManaged: 152, // C1 12, C4 40, C6 100
      lostManaged: 6.73, // C2 11.73 → 5
      wonSold: 625,
      lostSold: 45,
    });
  });

  it('drills down to items that sum to each figure', async () => {
    const { body: figures } = await get(`/point-changes?${range}`);
    for (const category of [
      'newSold',
      'increasedSold',
      'expiredSold',
      'decreasedSold',
      'declinedSold',
      'newManaged',
      'lostManaged',
    ]) {
      const { status, body } = await get(`/point-changes/items?${range}&category=${category}&pageSize=500`);
      expect(status).toBe(200);
      const sum =
        body.items.reduce((s: number, i: { points: number }) => s + Math.round(i.points * 100), 0) / 100;
      expect(sum, category).toBe(figures[category]);
      expect(body.points, category).toBe(figures[category]);
      expect(body.total, category).toBe(body.items.length);
    }
  });

  it('names the client, product, entry, change, deal and rule behind an item; pages', async () => {
    const { body } = await get(`/point-changes/items?${range}&category=newSold&pageSize=2&page=2`);
    expect(body).toMatchObject({ page: 2, pageSize: 2, total: 4, points: 600 });
    expect(body.items).toEqual([
      {
        category: 'newSold',
        clientId: 'C1',
        clientName: 'Acme Inc',
        date: '2025-03-10',
        points: 50,
        product: 'Marketing Hub',
        entryId: 'CH-C1-1',
        changeId: 'CH-C1-1',
        dealId: 'D1',
        dealType: 'sourced',
        before: null,
        after: null,
        rule: {
          rateRuleSetId: '2024-02',
          rate: 5,
          currencyRuleSetId: '2024-02',
          currency: 'USD',
          currencyPer100: 100,
          baseCurrency: 'USD',
          country: 'US',
          growthMarket: false,
          multiplier: 1,
        },
      },
      expect.objectContaining({ clientId: 'C3', points: 30, dealType: 'assisted', dealId: 'D3' }),
    ]);
    const managed = await get(`/point-changes/items?${range}&category=lostManaged`);
    expect(managed.body.items).toEqual([
      expect.objectContaining({
        clientId: 'C2',
        clientName: 'Beta GmbH',
        points: 6.73,
        before: 11.73,
        after: 5,
        rule: null,
      }),
    ]);
  });

  it('agrees with the engine (tierwise changes) on other ranges', async () => {
    const { getPartnerChanges } = await import('../points/service.ts');
    const { currentProgram } = await import('../portal/program.ts');
    const program = await currentProgram(t.deps.db);
    for (const [from, to] of [
      ['2024-01-01', '2025-08-01'],
      ['2025-06-01', '2025-06-01'],
      ['2025-04-01', '2026-03-31'],
    ] as const) {
      const { body } = await get(`/point-changes?from=${from}&to=${to}`);
      const engine = await getPartnerChanges(t.deps.db, program, 'P1', from, to);
      const { partnerId: _p, ...figures } = engine;
      expect(body).toMatchObject(figures);
    }
  });

  it('refuses a range that ends before it starts', async () => {
    const { status, body } = await get('/point-changes?from=2025-02-01&to=2025-01-01');
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_failed');
  });
});

describe('GET /shared-sales', () => {
  const range = 'from=2025-01-01&to=2025-07-31';

  it('counts deals created, sourced in flight and closed-won, with MRR in the base currency', async () => {
    const { body } = await get(`/shared-sales?${range}`);
    expect(body).toEqual({
      from: '2025-01-01',
      to: '2025-07-31',
      created: { deals: 6, mrr: usd(15600) },
      inFlight: { deals: 1, mrr: usd(3000) },
      closedWon: { deals: 4, mrr: usd(11900) },
      registered: { deals: 0, mrr: usd(0) },
    });
  });

  it('lists the deals behind a figure, newest first', async () => {
    const { body } = await get(`/shared-sales/items?${range}&category=closedWon`);
    expect(body.items.map((d: { dealId: string }) => d.dealId)).toEqual(['D3', 'D1', 'D6', 'D7']);
    expect(body.items[1]).toEqual({
      dealId: 'D1',
      name: 'Acme marketing',
      clientId: 'C1',
      clientName: 'Acme Inc',
      type: 'sourced',
      stage: 'closed_won',
      createdOn: '2025-03-10',
      closedOn: '2025-03-10',
      products: ['Marketing Hub'],
      amount: usd(1000),
      amountBase: usd(1000),
      registration: null,
    });
    const inFlight = await get(`/shared-sales/items?${range}&category=inFlight`);
    expect(inFlight.body.items.map((d: { dealId: string }) => d.dealId)).toEqual(['D8']);
  });
});

describe('registered deals in shared sales', () => {
  it('counts a registration submitted in the range at its expected MRR and lists it with its status', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners/P1/deal-registrations',
      headers: p1.write,
      payload: {
        clientName: 'Nova Robotics AB',
        domain: 'nova-robotics.se',
        country: 'SE',
        currency: 'USD',
        products: ['Marketing Hub'],
        expectedMrr: '1250.50',
        expectedCloseDate: '2025-09-30',
        dealType: 'sourced',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    // Submitted on the fixture's today (2025-08-01): outside a range that ends the day before.
    expect((await get('/shared-sales?from=2025-01-01&to=2025-07-31')).body.registered.deals).toBe(0);
    const { body } = await get('/shared-sales?from=2025-08-01&to=2025-08-31');
    expect(body.registered).toEqual({ deals: 1, mrr: usd(1250.5) });
    // Not a deal yet: the other figures do not count it.
    expect(body.created.deals).toBe(0);
    const items = await get('/shared-sales/items?from=2025-08-01&to=2025-08-31&category=registered');
    expect(items.body.items).toEqual([
      {
        dealId: id,
        name: null,
        clientId: null,
        clientName: 'Nova Robotics AB',
        type: 'sourced',
        stage: 'open',
        createdOn: '2025-08-01',
        closedOn: null,
        products: ['Marketing Hub'],
        amount: usd(1250.5),
        amountBase: usd(1250.5),
        registration: { id, status: 'submitted', expectedCloseDate: '2025-09-30' },
      },
    ]);
  });
});

describe('GET /commission', () => {
  it('answers past and upcoming quarterly payouts (rules §9) and the recorded payments', async () => {
    const { status, body } = await get('/commission');
    expect(status).toBe(200);
    expect(body.rate).toBe(0.2);
    // 2025-Q1: D5 3 × 40, D7 2 × 80, D6 1 × 2,000, paid 45 days after the quarter.
    expect(body.past[0]).toMatchObject({
      quarter: '2025-Q1',
      payoutDate: '2025-05-15',
      amount: usd(2280),
      status: 'paid',
      deals: 3,
    });
    // 2025-Q2: D5 3 × 40, D6 3 × 2,000, D1 3 × 200 (the upsell is not the deal's).
    expect(body.upcoming[0]).toMatchObject({
      quarter: '2025-Q2',
      payoutDate: '2025-08-14',
      amount: usd(6720),
      status: 'upcoming',
    });
    expect(body.past.map((p: { quarter: string }) => p.quarter)).toEqual(['2025-Q1', '2024-Q4', '2024-Q3']);
    expect(body.payments).toEqual([
      {
        paidOn: '2025-05-15',
        amount: usd(2280),
        reference: 'PAY-2025Q1',
        amountBase: usd(2280),
        quarter: '2025-Q1',
      },
    ]);
    expect(body.past[0].accruals).toBeUndefined();
  });

  it('includes the accruals on request', async () => {
    const { body } = await get('/commission?accruals=true');
    expect(body.past[0].accruals).toContainEqual({
      dealId: 'D6',
      clientId: 'C6',
      date: '2025-03-01',
      backing: usd(10000),
      amount: usd(2000),
      amountBase: usd(2000),
    });
  });
});

describe('GET /team', () => {
  it("lists the partner's vendor contacts with a mailto link, and only its own", async () => {
    const { status, body } = await get('/team');
    expect(status).toBe(200);
    expect(body).toEqual({
      contacts: [
        {
          contactId: expect.any(String),
          role: 'Channel Account Manager',
          name: 'Chris Account',
          email: 'chris@vendor.example',
          description: null,
          mailto: 'mailto:chris@vendor.example',
        },
        {
          contactId: expect.any(String),
          role: 'Partner Development Manager',
          name: 'Pat Manager',
          email: 'pat@vendor.example',
          description: 'Helps you grow your practice and reach the next tier',
          mailto: 'mailto:pat@vendor.example',
        },
      ],
    });
  });
});

describe('commission after a change of facts', () => {
  it('is derived again once the derived state is rewritten (no stale schedule)', async () => {
    expect((await get('/commission')).body.upcoming[0].amount).toEqual(usd(6720));
    const { mrrChanges } = await import('../../db/schema.ts');
    const { recomputeForClients } = await import('../points/service.ts');
    const { currentProgram } = await import('../portal/program.ts');
    const program = await currentProgram(t.deps.db);
    await t.deps.db.transaction(async (tx) => {
      // C6 churns on 2025-03-15: D6 accrues nothing from April on.
      await tx.insert(mrrChanges).values({
        changeId: 'CH-C6-2',
        clientId: 'C6',
        product: 'Enterprise Suite',
        date: '2025-03-15',
        mrrAfter: '0',
        currency: 'USD',
      });
      await recomputeForClients(tx, { program, clientIds: ['C6'], asOf: '2025-08-01' });
    });
    // 2025-Q2 now: D5 3 × 40 + D1 3 × 200.
    expect((await get('/commission')).body.upcoming[0].amount).toEqual(usd(720));
  });
});
