// The calculator routes give what `tierwise calc --json` prints (same engine, same
// rounding) on the public examples of PROGRAM_RULES §11; the date defaults to today.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import {
  type Browser,
  createTestApp,
  seedPartners,
  seedUser,
  signIn,
  type TestApp,
} from '../../server/testing.ts';

let t: TestApp;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'tierwise-calc-'));

beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1');
  await seedUser(t.deps, { email: 'user@p1.example', role: 'partner-user', partnerId: 'P1' });
  browser = await signIn(t.app, 'user@p1.example');
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(path: string, payload: object) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/calculator/${path}`,
    headers: browser.write,
    payload,
  });
  return { status: response.statusCode, body: response.json() };
}

/**
 * `tierwise calc ... --json` in-process. Without a database it reads the example program,
 * as the test app does (so DATABASE_URL is set aside while it runs: that server's program
 * could differ).
 */
async function cli(args: string[]): Promise<unknown> {
  let out = '';
  const url = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    const code = await main(['--data', join(dir, 'none'), 'calc', ...args, '--json'], {
      io: { out: (s) => void (out += s), err: () => {} },
      today: () => '2025-08-01',
    });
    expect(code).toBe(0);
  } finally {
    if (url !== undefined) process.env.DATABASE_URL = url;
  }
  return JSON.parse(out);
}

describe('POST /api/v1/calculator/points', () => {
  const cases: [string, Record<string, unknown>, string[], Record<string, number>][] = [
    // §11.1: Oct 2021, 3 per $100.
    [
      '1',
      { amount: 1000, currency: 'USD', country: 'US', dealType: 'sourced', on: '2021-10-15' },
      ['--amount', '1000', '--currency', 'USD', '--country', 'US', '--deal', 'sourced', '--on', '2021-10-15'],
      { sold: 30 },
    ],
    // §11.2: Mar 2024, 5 per $100.
    [
      '2',
      { amount: 1000, currency: 'USD', country: 'US', dealType: 'sourced', on: '2024-03-15' },
      ['--amount', '1000', '--currency', 'USD', '--country', 'US', '--deal', 'sourced', '--on', '2024-03-15'],
      { sold: 50 },
    ],
    // §11.4: managed alone 10, with one other manager 5 (today, 2025-08-01).
    [
      '4a',
      { amount: 1000, currency: 'USD', country: 'US', dealType: 'sourced', managed: true },
      ['--amount', '1000', '--currency', 'USD', '--country', 'US', '--deal', 'sourced', '--managed'],
      { sold: 50, managed: 10, total: 60 },
    ],
    [
      '4b',
      { amount: 1000, currency: 'USD', country: 'US', dealType: 'sourced', managed: true, otherManagers: 1 },
      [
        '--amount',
        '1000',
        '--currency',
        'USD',
        '--country',
        'US',
        '--deal',
        'sourced',
        '--managed',
        '--other-managers',
        '1',
      ],
      { sold: 50, managed: 5, total: 55 },
    ],
    // §11.5: growth market under the 2024-02 rule set.
    [
      '5s',
      { amount: 1000, currency: 'USD', country: 'BR', dealType: 'sourced', managed: true, on: '2024-06-01' },
      [
        '--amount',
        '1000',
        '--currency',
        'USD',
        '--country',
        'BR',
        '--deal',
        'sourced',
        '--managed',
        '--on',
        '2024-06-01',
      ],
      { sold: 100, managed: 20 },
    ],
    [
      '5a',
      { amount: 1000, currency: 'USD', country: 'BR', dealType: 'assisted', on: '2024-06-01' },
      [
        '--amount',
        '1000',
        '--currency',
        'USD',
        '--country',
        'BR',
        '--deal',
        'assisted',
        '--on',
        '2024-06-01',
      ],
      { sold: 60 },
    ],
    // §11.6: €880 sourced on three dates.
    [
      '6a',
      { amount: 880, currency: 'EUR', country: 'DE', dealType: 'sourced' },
      ['--amount', '880', '--currency', 'EUR', '--country', 'DE', '--deal', 'sourced'],
      { sold: 50 },
    ],
    [
      '6b',
      { amount: '880', currency: 'EUR', country: 'DE', dealType: 'sourced', on: '2024-03-01' },
      ['--amount', '880', '--currency', 'EUR', '--country', 'DE', '--deal', 'sourced', '--on', '2024-03-01'],
      { sold: 58.67 },
    ],
    [
      '6c',
      { amount: 880, currency: 'EUR', country: 'DE', dealType: 'sourced', on: '2023-03-01' },
      ['--amount', '880', '--currency', 'EUR', '--country', 'DE', '--deal', 'sourced', '--on', '2023-03-01'],
      { sold: 35.2 },
    ],
  ];

  for (const [name, body, args, expected] of cases) {
    it(`§11 example ${name}: agrees with tierwise calc points`, async () => {
      const { status, body: answer } = await post('points', body);
      expect(status).toBe(200);
      expect(answer).toMatchObject(expected);
      const { sold, managed, total } = answer;
      expect({ sold, managed, total }).toEqual(await cli(['points', ...args]));
    });
  }

  it('explains the calculation and defaults the date to today', async () => {
    const { body } = await post('points', {
      amount: 1000,
      currency: 'USD',
      country: 'BR',
      dealType: 'assisted',
    });
    expect(body).toEqual({
      on: '2025-08-01',
      sold: 60,
      managed: 0,
      total: 60,
      explanation: {
        ruleSetId: '2025-07',
        effectiveFrom: '2025-07-15',
        currency: 'USD',
        country: 'BR',
        baseCurrency: 'USD',
        currencyPer100: 100,
        growthMarket: true,
        growthMultiplier: 2,
        dealType: 'assisted',
        soldRate: 3,
        managedRate: 1,
        managers: 0,
      },
    });
  });

  it('refuses bad input with field paths', async () => {
    const bad = await post('points', { amount: -1, currency: 'XXX', country: 'US', dealType: 'sourced' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['amount', 'currency']),
    );
    const tooPrecise = await post('points', {
      amount: '1.00001',
      currency: 'USD',
      country: 'US',
      dealType: 'sourced',
    });
    expect(tooPrecise.status).toBe(400);
    const notInTable = await post('points', {
      amount: 1,
      currency: 'CHF',
      country: 'CH',
      dealType: 'sourced',
    });
    expect(notInTable.status).toBe(400);
    expect(notInTable.body.error.details.issues[0].message).toContain('CHF');
    const others = await post('points', {
      amount: 1,
      currency: 'USD',
      country: 'US',
      dealType: 'sourced',
      otherManagers: 1,
    });
    expect(others.body.error.details.issues[0].path).toBe('otherManagers');
  });
});

describe('POST /api/v1/calculator/amount and /value-points', () => {
  it('converts points to an amount as tierwise calc amount does (minor units)', async () => {
    const cases: [Record<string, unknown>, string[], unknown][] = [
      [
        { soldPoints: 50, dealType: 'sourced', currency: 'EUR', country: 'DE', on: '2025-08-01' },
        [
          '--sold-points',
          '50',
          '--deal',
          'sourced',
          '--currency',
          'EUR',
          '--country',
          'DE',
          '--on',
          '2025-08-01',
        ],
        { amount: 880, currency: 'EUR' },
      ],
      [
        { managedPoints: 10, currency: 'JPY', country: 'JP' },
        ['--managed-points', '10', '--currency', 'JPY', '--country', 'JP'],
        { amount: 144000, currency: 'JPY' },
      ],
      [
        { soldPoints: 58.67, dealType: 'sourced', currency: 'EUR', country: 'DE', on: '2024-03-01' },
        [
          '--sold-points',
          '58.67',
          '--deal',
          'sourced',
          '--currency',
          'EUR',
          '--country',
          'DE',
          '--on',
          '2024-03-01',
        ],
        { amount: 880.05, currency: 'EUR' },
      ],
    ];
    for (const [body, args, expected] of cases) {
      const { status, body: answer } = await post('amount', body);
      expect(status).toBe(200);
      expect({ amount: answer.amount, currency: answer.currency }).toEqual(expected);
      expect(await cli(['amount', ...args])).toEqual(expected);
    }
  });

  it('needs exactly one kind of points, and a deal type for sold points', async () => {
    expect((await post('amount', { currency: 'USD', country: 'US' })).status).toBe(400);
    expect((await post('amount', { soldPoints: 1, currency: 'USD', country: 'US' })).status).toBe(400);
  });

  it('converts a value to points (the Currency tab, other direction)', async () => {
    const sold = await post('value-points', {
      kind: 'sold',
      dealType: 'sourced',
      amount: 880,
      currency: 'EUR',
      country: 'DE',
    });
    expect(sold.body).toMatchObject({ on: '2025-08-01', points: 50, explanation: { kind: 'sold', rate: 5 } });
    const managed = await post('value-points', {
      kind: 'managed',
      amount: 1000,
      currency: 'USD',
      country: 'BR',
    });
    expect(managed.body.points).toBe(20);
  });

  it('needs a signed-in caller and the CSRF token', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/calculator/points', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calculator/points',
      headers: browser.read,
      payload: { amount: 1, currency: 'USD', country: 'US', dealType: 'sourced' },
    });
    expect(noCsrf.statusCode).toBe(403);
  });
});
