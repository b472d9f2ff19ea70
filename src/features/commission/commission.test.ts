// The full commission view (rules §9) on the portal fixture (../portal/testing.ts, today
// 2025-08-01, rate 20%, payout 45 days after the quarter): every deal's monthly accruals,
// each quarter's accrued against the payments recorded, and the filters.
//   D5 $200 closed 2024-06-01: 40 a month from 2024-07-01 (the client still pays after the
//      entry's points expire). D7 $400 closed 2025-01-10: 80 on 02-10 and 03-10, then churn.
//   D6 $10,000 closed 2025-02-01: 2,000 a month from 2025-03-01. D1 $1,000 closed
//   2025-03-10: 200 a month from 04-10 (the upsell after it is not the deal's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../../db/schema.ts';
import { type Browser, createTestApp, signIn, type TestApp } from '../../server/testing.ts';
import { seedPortalFixture, USERS } from '../portal/testing.ts';

let t: TestApp;
let p1: Browser;

async function get(query = '') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/partners/P1/commission${query}`,
    headers: p1.read,
  });
  return { status: response.statusCode, body: response.json() };
}

beforeAll(async () => {
  t = await createTestApp();
  await seedPortalFixture(t.deps);
  // Besides PAY-2025Q1 ($2,280): a wire naming no quarter (€100 = $113.64 at EUR 88 on
  // 2025-07-20: it pays 2025-Q1, the latest payout due), one for a quarter that accrued
  // nothing, and an advance before any payout was due.
  await t.deps.db.insert(s.payments).values([
    { partnerId: 'P1', paidOn: '2025-07-20', amount: '100', currency: 'EUR', reference: 'WIRE-778' },
    { partnerId: 'P1', paidOn: '2024-05-15', amount: '50', currency: 'USD', reference: 'COM-2024Q1' },
    { partnerId: 'P1', paidOn: '2024-08-01', amount: '10', currency: 'USD', reference: 'ADVANCE' },
  ]);
  p1 = await signIn(t.app, USERS.p1User);
});
afterAll(() => t.close());

const usd = (amount: number) => ({ amount, currency: 'USD' });
type Deal = {
  dealId: string;
  clientName: string;
  total: { amount: number };
  accruals: { date: string; amount: { amount: number } }[];
};

describe('GET /commission: quarters, accrued against paid', () => {
  it('matches each payment to its quarter and shows the difference', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body.currency).toBe('USD');
    const byQuarter = new Map(body.quarters.map((q: { quarter: string }) => [q.quarter, q]));
    expect(byQuarter.get('2024-Q1')).toEqual({
      quarter: '2024-Q1',
      payoutDate: '2024-05-15',
      status: 'paid',
      accrued: usd(0),
      paid: usd(50),
      difference: usd(50),
      payments: ['COM-2024Q1'],
    });
    // D5 3 × 40, nothing paid.
    expect(byQuarter.get('2024-Q3')).toMatchObject({
      accrued: usd(120),
      paid: usd(0),
      difference: usd(-120),
    });
    expect(byQuarter.get('2025-Q1')).toEqual({
      quarter: '2025-Q1',
      payoutDate: '2025-05-15',
      status: 'paid',
      accrued: usd(2280),
      paid: usd(2393.64),
      difference: usd(113.64),
      payments: ['PAY-2025Q1', 'WIRE-778'],
    });
    // An estimate: nothing paid, no difference yet.
    expect(byQuarter.get('2025-Q2')).toMatchObject({
      payoutDate: '2025-08-14',
      status: 'upcoming',
      accrued: usd(6720),
      paid: usd(0),
      difference: null,
    });
    const quarters = body.quarters.map((q: { quarter: string }) => q.quarter);
    expect(quarters).toEqual([...quarters].sort());
    expect(body.payments).toContainEqual({
      paidOn: '2025-07-20',
      amount: { amount: 100, currency: 'EUR' },
      amountBase: usd(113.64),
      reference: 'WIRE-778',
      quarter: '2025-Q1',
    });
    expect(body.payments.find((p: { reference: string }) => p.reference === 'ADVANCE').quarter).toBeNull();
    // Every quarter with a payout accrues that payout.
    for (const p of [...body.past, ...body.upcoming])
      expect(byQuarter.get(p.quarter), p.quarter).toMatchObject({
        accrued: p.amount,
        payoutDate: p.payoutDate,
      });
    expect(body.deals).toBeUndefined();
  });
});

describe('GET /commission: the totals of the quarters shown', () => {
  type Quarter = {
    status: string;
    accrued: { amount: number };
    paid: { amount: number };
    difference: { amount: number } | null;
  };
  const cents = (quarters: Quarter[], pick: (q: Quarter) => number) =>
    quarters.reduce((sum, q) => sum + Math.round(pick(q) * 100), 0) / 100;
  it('sums accrued (paid quarters), paid, difference and the upcoming estimate; the status filter applies', async () => {
    const all = (await get()).body;
    const quarters: Quarter[] = all.quarters;
    expect(all.totals).toEqual({
      accrued: usd(cents(quarters, (q) => (q.status === 'paid' ? q.accrued.amount : 0))),
      paid: usd(cents(quarters, (q) => q.paid.amount)),
      difference: usd(cents(quarters, (q) => q.difference?.amount ?? 0)),
      upcoming: usd(cents(quarters, (q) => (q.status === 'upcoming' ? q.accrued.amount : 0))),
    });
    // The schedule's own totals agree (a quarter only paid for accrues nothing).
    expect(all.totals.upcoming).toEqual(all.upcomingTotal);
    expect(all.totals.accrued).toEqual(all.paidTotal);
    const paid = (await get('?status=paid')).body;
    expect(paid.totals.upcoming).toEqual(usd(0));
    expect(paid.totals.accrued).toEqual(all.totals.accrued);
  });
});

describe('GET /commission?accruals=true: every deal per month', () => {
  it('lists each commissionable deal with its months of service, totals to the cent', async () => {
    const { body } = await get('?accruals=true');
    const deals: Deal[] = body.deals;
    expect(deals.map((d) => d.dealId)).toEqual(['D1', 'D5', 'D6', 'D7']);
    const d7 = deals.find((d) => d.dealId === 'D7')!;
    expect(d7.clientName).toBe('Eta Inc');
    expect(d7.accruals.map((a) => [a.date, a.amount.amount])).toEqual([
      ['2025-02-10', 80],
      ['2025-03-10', 80],
    ]);
    expect(d7.total).toEqual(usd(160));
    const d5 = deals.find((d) => d.dealId === 'D5')!;
    expect(d5.accruals).toHaveLength(36);
    expect(d5.accruals[0]).toEqual({
      date: '2024-07-01',
      backing: usd(200),
      amount: usd(40),
      amountBase: usd(40),
    });
    expect(d5.total).toEqual(usd(36 * 40));
    // The deals' accruals are the payouts' accruals.
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
    const payouts = sum(
      [...body.past, ...body.upcoming].map((p: { amount: { amount: number } }) => p.amount.amount),
    );
    expect(sum(deals.map((d) => d.total.amount))).toBe(payouts);
  });

  it('status=paid keeps the paid quarters and their accruals; client= narrows the deals only', async () => {
    const paid = (await get('?accruals=true&status=paid')).body;
    expect(paid.upcoming).toEqual([]);
    expect(paid.quarters.every((q: { status: string }) => q.status === 'paid')).toBe(true);
    const dates = paid.deals.flatMap((d: Deal) => d.accruals.map((a) => a.date));
    // The last month paid for: 2025-Q1 (paid 2025-05-15); 2025-Q2 is an estimate.
    expect(dates.every((d: string) => d <= '2025-03-31')).toBe(true);
    expect(paid.deals.map((d: Deal) => d.dealId)).toEqual(['D5', 'D6', 'D7']);

    const upcoming = (await get('?accruals=true&status=upcoming')).body;
    expect(upcoming.past).toEqual([]);
    expect(upcoming.quarters.every((q: { status: string }) => q.status === 'upcoming')).toBe(true);

    const c6 = (await get('?accruals=true&client=C6')).body;
    expect(c6.deals.map((d: Deal) => d.dealId)).toEqual(['D6']);
    expect(c6.quarters).toEqual((await get()).body.quarters);
  });

  it('refuses an unknown status, naming the field', async () => {
    const { status, body } = await get('?status=late');
    expect(status).toBe(400);
    expect(JSON.stringify(body.error)).toContain('status');
  });
});

describe('export commission: the view as rows', () => {
  it('takes the status (as its metric) and the client filter; rows carry the client name', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/partners/P1/exports/commission?format=csv&metric=paid&client=C6',
      headers: p1.read,
    });
    expect(response.statusCode, response.body).toBe(200);
    const lines = response.body.trim().split(/\r?\n/);
    const header = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
    // D6's one paid month: 2025-03-01.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      deal_id: 'D6',
      client_name: 'Zeta Corp',
      amount_base: '2000',
      payout_status: 'paid',
    });
  });
});
