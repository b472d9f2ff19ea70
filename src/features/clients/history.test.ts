// A client's points history on the hand-derived fixture (../portal/testing.ts): every sold
// entry with the rule behind it, decreases, expiry, and managed points month by month.
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

describe('GET /clients/:clientId/history', () => {
  it('explains every sold entry: change, deal, rule sets, rate, currency value, multiplier, dates, decreases', async () => {
    const { status, body } = await get('/clients/C1/history');
    expect(status).toBe(200);
    expect(body.totals).toEqual({ activeSold: 60, expiredSold: 0, lostSold: 15, managed: 12 });
    expect(body.entries).toEqual([
      {
        entryId: 'CH-C1-1',
        product: 'Marketing Hub',
        changeId: 'CH-C1-1',
        reason: 'new',
        dealId: 'D1',
        dealName: 'Acme marketing',
        creditedVia: 'deal',
        dealType: 'sourced',
        kind: 'new',
        delta: usd(1000),
        points: 50,
        remainingPoints: 50,
        remainingBacking: usd(1000),
        earnedOn: '2025-03-10',
        expiresOn: '2026-03-10',
        originDate: '2025-03-10',
        status: 'active',
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
        decreases: [],
      },
      expect.objectContaining({
        entryId: 'CH-C1-2',
        creditedVia: 'seller_of_record',
        dealId: 'D1',
        kind: 'increased',
        delta: usd(500),
        points: 25,
        remainingPoints: 10,
        remainingBacking: usd(200),
        decreases: [
          { date: '2025-07-01', changeId: 'CH-C1-3', kind: 'decreased', points: 15, backing: usd(300) },
        ],
      }),
    ]);
  });

  it('shows managed points month by month with the number of managers', async () => {
    const c1 = (await get('/clients/C1/history')).body.managed;
    expect(c1.map((m: { date: string; points: number }) => [m.date, m.points])).toEqual([
      ['2025-01-31', 0],
      ['2025-02-28', 0],
      ['2025-03-31', 10],
      ['2025-04-30', 10],
      ['2025-05-31', 10],
      ['2025-06-30', 15],
      ['2025-07-31', 12],
      ['2025-08-01', 12],
    ]);
    const c2 = (await get('/clients/C2/history')).body.managed;
    expect(c2.find((m: { date: string }) => m.date === '2024-12-31')).toEqual({
      date: '2024-12-31',
      managedByPartner: true,
      mrr: { amount: 880, currency: 'EUR' },
      managers: 1,
      points: 11.73, // 880 / 75 (EUR in the 2022-07 table)
    });
    expect(c2.at(-1)).toMatchObject({ date: '2025-08-01', managers: 2, points: 5 });
  });

  it('marks the growth multiplier, and expired entries', async () => {
    const c3 = (await get('/clients/C3/history')).body.entries[0];
    expect(c3.rule).toMatchObject({
      rateRuleSetId: '2024-02',
      rate: 3,
      growthMarket: true,
      multiplier: 2,
      country: 'BR',
    });
    expect(c3.points).toBe(30);
    const c5 = (await get('/clients/C5/history')).body;
    expect(c5.entries[0]).toMatchObject({
      status: 'expired',
      points: 10,
      remainingPoints: 0,
      expiresOn: '2025-06-01',
    });
    expect(c5.totals).toMatchObject({ activeSold: 0, expiredSold: 10 });
    const c7 = (await get('/clients/C7/history')).body;
    expect(c7.entries[0]).toMatchObject({
      status: 'consumed',
      decreases: [expect.objectContaining({ kind: 'declined', points: 20 })],
    });
  });
});
