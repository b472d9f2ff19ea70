// Upcoming renewals on the hand-derived fixture (../portal/testing.ts): the partner's
// clients only, within the horizon, sortable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;
let p1: Browser;

async function get(path: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/partners/P1${path}`, headers: p1.read });
  return { status: response.statusCode, body: response.json() };
}

const usd = (amount: number) => ({ amount, currency: 'USD' });

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  p1 = await signIn(t.app, USERS.p1User);
});
afterAll(() => t.close());

describe('GET /renewals', () => {
  it("lists the upcoming renewals of the partner's clients within the horizon", async () => {
    const { status, body } = await get('/renewals');
    expect(status).toBe(200);
    expect(body).toMatchObject({ on: '2025-08-01', horizonDays: 120, total: 2 });
    expect(body.items[0]).toEqual({
      clientId: 'C1',
      clientName: 'Acme Inc',
      product: 'Marketing Hub',
      renewalDate: '2025-09-15',
      status: 'pending',
      currentMrr: usd(1200),
      mrrChange: usd(100),
      lastActiveUser: 'ann@acme.example',
      lastActiveOn: '2025-07-30',
      renewalManager: 'Rita Renewal',
      communicationOwner: 'Partner',
      daysToRenewal: 45,
      decisionDeadline: '2025-08-01',
      awaitingDecision: true,
    });
    expect(body.items[1]).toMatchObject({
      clientId: 'C6',
      daysToRenewal: 61,
      status: 'confirmed',
      awaitingDecision: false,
    });
  });

  it('sorts', async () => {
    const names = async (q: string) =>
      (await get(`/renewals?${q}`)).body.items.map((r: { clientId: string }) => r.clientId);
    expect(await names('sort=client&dir=desc')).toEqual(['C6', 'C1']);
    expect(await names('sort=timeToRenewal&dir=desc')).toEqual(['C6', 'C1']);
    expect(await names('sort=mrrChange&dir=asc')).toEqual(['C6', 'C1']);
    // C4's renewal (2025-12-15) is past the horizon, but its decision deadline is not.
    expect(await names('on=2025-09-01&sort=timeToRenewal')).toEqual(['C1', 'C6', 'C4']);
  });
});
