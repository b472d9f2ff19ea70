// The clients API on the hand-derived fixture (../portal/testing.ts): the clients table
// (sort, filter, pagination), the client panel's tabs, another partner's client (404), and
// end services (last: it changes the data). History: history.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { listAudit } from '../audit/service.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;
let p1: Browser;
let p2: Browser;

async function get(path: string, browser = p1) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/partners/P1${path}`,
    headers: browser.read,
  });
  return { status: response.statusCode, body: response.json(), raw: response.body };
}

async function endServices(clientId: string, headers = p1.write, partnerId = 'P1') {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/partners/${partnerId}/clients/${clientId}/end-services`,
    headers,
    payload: {},
  });
  return { status: response.statusCode, body: response.json() };
}

const ids = (body: { items: { clientId: string }[] }) => body.items.map((r) => r.clientId);
const usd = (amount: number) => ({ amount, currency: 'USD' });

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  p1 = await signIn(t.app, USERS.p1User);
  p2 = await signIn(t.app, USERS.p2User);
});
afterAll(() => t.close());

describe('GET /clients', () => {
  it("lists the partner's clients today (managed, or with an active sold entry) by name", async () => {
    const { status, body } = await get('/clients');
    expect(status).toBe(200);
    expect(body).toMatchObject({ on: '2025-08-01', page: 1, pageSize: 25, total: 6 });
    // C5's only entry expired on 2025-06-01; C9 is P2's.
    expect(ids(body)).toEqual(['C1', 'C2', 'C4', 'C7', 'C3', 'C6']);
    expect(body.items[0]).toEqual({
      clientId: 'C1',
      name: 'Acme Inc',
      country: 'US',
      currency: 'USD',
      relationship: 'both',
      products: ['Marketing Hub'],
      usage: {
        month: '2025-07',
        toolsUsed: 5,
        engagementScore: 8,
        productsUsed: ['Marketing Hub'],
        appsUsed: ['Slack', 'Zoom'],
        lastActiveUser: 'ann@acme.example',
        lastActiveOn: '2025-07-30',
      },
      mrr: usd(1200),
      mrrBase: usd(1200),
      managers: 1,
      points: { sourced: 60, assisted: 0, sold: 60, managed: 12, total: 72 },
      accountUrl: 'https://app.vendor.example/accounts/C1',
      crmUrl: 'https://crm.vendor.example/companies/C1',
    });
    expect(body.items[1]).toMatchObject({
      clientId: 'C2',
      relationship: 'managed',
      mrr: { amount: 880, currency: 'EUR' },
      mrrBase: usd(1000), // 880 / 88 × 100
      managers: 2,
      points: { sold: 0, managed: 5, total: 5 },
      accountUrl: null,
      crmUrl: null,
    });
    expect(body.items[4]).toMatchObject({ clientId: 'C3', relationship: 'sold', points: { assisted: 30 } });
  });

  it('sorts on the server by any column, both directions', async () => {
    expect(ids((await get('/clients?sort=mrr&dir=desc')).body)).toEqual(['C6', 'C4', 'C1', 'C2', 'C3', 'C7']);
    expect(ids((await get('/clients?sort=managedPoints&dir=desc')).body)).toEqual([
      'C6',
      'C4',
      'C1',
      'C2',
      'C7',
      'C3',
    ]);
    expect(ids((await get('/clients?sort=totalPoints&dir=desc')).body)).toEqual([
      'C6',
      'C1',
      'C4',
      'C3',
      'C2',
      'C7',
    ]);
    expect(ids((await get('/clients?sort=soldPoints&dir=asc')).body)).toEqual([
      'C2',
      'C4',
      'C7',
      'C3',
      'C1',
      'C6',
    ]);
    expect(ids((await get('/clients?sort=client&dir=desc')).body)).toEqual([
      'C6',
      'C3',
      'C7',
      'C4',
      'C2',
      'C1',
    ]);
    expect(ids((await get('/clients?sort=usage&dir=desc')).body)).toEqual([
      'C1',
      'C6',
      'C2',
      'C4',
      'C7',
      'C3',
    ]);
  });

  it('filters by relationship and by a part of the name, and pages', async () => {
    expect(ids((await get('/clients?relationship=both')).body)).toEqual(['C1', 'C6']);
    expect(ids((await get('/clients?relationship=sold')).body)).toEqual(['C7', 'C3']);
    expect(ids((await get('/clients?q=TA')).body)).toEqual(['C2', 'C4', 'C7', 'C6']);
    expect(ids((await get('/clients?q=100%25')).body)).toEqual([]);
    const page = await get('/clients?pageSize=2&page=2');
    expect(page.body).toMatchObject({ page: 2, pageSize: 2, total: 6 });
    expect(ids(page.body)).toEqual(['C4', 'C7']);
    const mrrPage = await get('/clients?sort=mrr&dir=desc&pageSize=2&page=3');
    expect(ids(mrrPage.body)).toEqual(['C3', 'C7']);
    expect((await get('/clients?relationship=friend')).status).toBe(400);
  });
});

describe('the client panel', () => {
  it('client info: company details, subscriptions, tiers and links', async () => {
    const { status, body } = await get('/clients/C1');
    expect(status).toBe(200);
    expect(body).toEqual({
      on: '2025-08-01',
      client: {
        clientId: 'C1',
        name: 'Acme Inc',
        country: 'US',
        currency: 'USD',
        domain: 'acme.example',
        industry: 'Software',
        employees: 120,
        contactTier: 'Tier 1',
        emailTier: 'Tier 2',
        accountUrl: 'https://app.vendor.example/accounts/C1',
        crmUrl: 'https://crm.vendor.example/companies/C1',
      },
      relationship: 'both',
      managedByPartner: true,
      managements: [{ startDate: '2025-01-01', endDate: null }],
      subscriptions: [
        { product: 'Marketing Hub', mrr: usd(1200), since: '2025-03-10', lastChangedOn: '2025-07-01' },
      ],
      mrr: usd(1200),
      mrrBase: usd(1200),
    });
    // A former client stays readable (its history), with no relationship today.
    expect((await get('/clients/C5')).body).toMatchObject({ relationship: null, managedByPartner: false });
  });

  it('renewals: owners, current and renewal subscription', async () => {
    const { body } = await get('/clients/C1/renewals');
    expect(body.renewals).toEqual([
      {
        product: 'Marketing Hub',
        renewalDate: '2025-09-15',
        status: 'pending',
        communicationOwner: 'Partner',
        renewalManager: 'Rita Renewal',
        currentMrr: usd(1200),
        projectedMrrChange: usd(100),
        renewalMrr: usd(1300),
        daysToRenewal: 45,
        decisionDeadline: '2025-08-01',
        awaitingDecision: true,
      },
    ]);
  });

  it('portal usage and platform engagement', async () => {
    const usage = await get('/clients/C1/usage');
    expect(usage.body.latest).toMatchObject({ month: '2025-07', toolsUsed: 5, appsUsed: ['Slack', 'Zoom'] });
    expect(usage.body.history.map((u: { month: string }) => u.month)).toEqual(['2025-07', '2025-06']);
    expect((await get('/clients/C1/engagement')).body).toEqual({
      month: '2025-07',
      score: 8,
      band: 'high',
      history: [
        { month: '2025-07', score: 8, band: 'high' },
        { month: '2025-06', score: 5, band: 'medium' },
      ],
    });
    expect((await get('/clients/C4/engagement')).body).toEqual({
      month: null,
      score: null,
      band: null,
      history: [],
    });
  });
});

describe("another partner's client", () => {
  it('answers 404 exactly like a client that does not exist, on every client route', async () => {
    for (const path of ['', '/renewals', '/usage', '/engagement', '/history']) {
      const theirs = await get(`/clients/C9${path}`);
      const missing = await get(`/clients/NO-SUCH-CLIENT${path}`);
      expect(theirs.status, path).toBe(404);
      expect(theirs.raw.replaceAll('C9', 'X'), path).toBe(missing.raw.replaceAll('NO-SUCH-CLIENT', 'X'));
      expect(theirs.raw).not.toContain('Secret');
    }
    expect((await endServices('C9')).status).toBe(404);
  });

  it("answers 404 for a user of P2 asking for P1's client", async () => {
    expect((await get('/clients/C2', p2)).status).toBe(404);
    expect((await endServices('C4', p2.write)).status).toBe(404);
  });
});

describe('POST /clients/:clientId/end-services', () => {
  it('needs the CSRF token of a cookie session', async () => {
    expect((await endServices('C4', p1.read)).status).toBe(403);
  });

  it('ends management today: the client leaves the table and the managed points drop', async () => {
    const { status, body } = await endServices('C4');
    expect(status).toBe(200);
    expect(body).toEqual({
      clientId: 'C4',
      endedOn: '2025-08-01',
      managementsEnded: 1,
      points: { sourced: 560, assisted: 30, sold: 590, managed: 117, total: 707 },
    });
    expect(ids((await get('/clients')).body)).toEqual(['C1', 'C2', 'C7', 'C3', 'C6']);
    const summary = (await get('/dashboard')).body;
    expect(summary.points).toEqual({ sourced: 560, assisted: 30, sold: 590, managed: 117, total: 707 });
    // Below Gold's managed minimum now; the credited tier changes only on review days.
    expect(summary.performance).toBeNull();
    expect(summary.credited).toEqual({ id: 'gold', name: 'Gold' });
    expect(summary.alerts.renewals).toBe(1);
    expect((await get('/clients/C4')).body).toMatchObject({
      managedByPartner: false,
      relationship: null,
      managements: [{ startDate: '2025-02-01', endDate: '2025-08-01' }],
    });
  });

  it('is audited', async () => {
    const [row] = await listAudit(t.deps.db, { entity: 'management', entityId: 'P1/C4' });
    expect(row).toMatchObject({ action: 'client.end_services', partnerId: 'P1', actorKind: 'user' });
    expect(row!.after).toEqual([
      { partnerId: 'P1', clientId: 'C4', startDate: '2025-02-01', endDate: '2025-08-01' },
    ]);
  });

  it('answers 409 the second time, and 404 for a client the partner never managed', async () => {
    const again = await endServices('C4');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect((await endServices('C3')).status).toBe(404);
  });

  it('recomputes the co-manager too: P2 now manages C2 alone after P1 ends it', async () => {
    expect((await endServices('C2')).status).toBe(200);
    const p2Summary = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/P2/dashboard',
      headers: p2.read,
    });
    // C2 880 / 88 = 10 (alone now) + C9 1,000 / 100 = 10.
    expect(p2Summary.json().points.managed).toBe(20);
  });
});
