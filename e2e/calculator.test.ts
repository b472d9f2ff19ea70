// Journeys in the points calculator side panel of the Tier page: the public examples of
// PROGRAM_RULES §11 typed into the form and read from the screen, compared with the values
// of the spec and with what POST /api/v1/calculator/points|amount|value-points answers; both
// tabs, both directions; the panel in English, Swedish and Dutch.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramInForce, TierPage } from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import { baseUrl, checkScreen, DEMO, panelsLoaded, sharedBrowser } from './fixtures.ts';
import { type ApiWriter, freshUser, quietPartner, writerAs } from './fresh-user.ts';

const browser = sharedBrowser();
const points = (value: number, locale = 'en-US') =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
const money = (amount: number, currency: string, digits: number, locale = 'en-US') =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);

let user: string;
let api: ApiWriter;
let partnerId: string;

beforeAll(async () => {
  const operator = await writerAs(DEMO.operator);
  const demo = await Promise.all(
    [DEMO.goldUser, DEMO.topAdmin, DEMO.newUser].map(async (e) => (await writerAs(e)).partnerId),
  );
  partnerId = await quietPartner(operator, demo);
  user = await freshUser(operator, partnerId, 'calculator');
  api = await writerAs(user);
});

const panel = (page: Page) => page.getByTestId('calculator').getByRole('tabpanel');

async function openCalculator(page: Page, reload = true): Promise<void> {
  page.setDefaultTimeout(60_000);
  if (reload) await page.goto(`${baseUrl()}/partners/${partnerId}/tier`);
  await panelsLoaded(page);
  await page.getByRole('button', { name: /^(Points calculator|Poängkalkylator|Puntencalculator)$/ }).click();
  await panel(page).getByTestId('calc-date').waitFor();
}

/** The date first (it decides the currencies offered), then the market and the currency. */
async function chooseMarket(page: Page, on: string, country: string, currency: string): Promise<void> {
  const p = panel(page);
  await p.getByTestId('calc-date').fill(on);
  await p.getByTestId('calc-market').click();
  await p.getByTestId('calc-market').fill(country);
  await page.getByRole('option', { name: new RegExp(`^${country}`) }).click();
  await p.getByTestId('calc-currency').click();
  await page.getByRole('option', { name: new RegExp(`^${currency}`) }).click();
}

async function shows(page: Page, testId: string, text: string): Promise<void> {
  await expect.poll(() => panel(page).getByTestId(testId).textContent(), { timeout: 20_000 }).toBe(text);
}

interface PointsExample {
  name: string;
  amount: string;
  country: [string, string];
  currency: string;
  dealType: 'sourced' | 'assisted';
  on: string;
  others?: number;
  spec: { sold: number; managed?: number; total?: number };
}

const POINTS_EXAMPLES: PointsExample[] = [
  {
    name: '1',
    amount: '1000',
    country: ['United States', 'US'],
    currency: 'USD',
    dealType: 'sourced',
    on: '2021-10-15',
    spec: { sold: 30 },
  },
  {
    name: '2',
    amount: '1000',
    country: ['United States', 'US'],
    currency: 'USD',
    dealType: 'sourced',
    on: '2024-03-15',
    spec: { sold: 50 },
  },
  {
    name: '4, managed alone',
    amount: '1000',
    country: ['United States', 'US'],
    currency: 'USD',
    dealType: 'sourced',
    on: '2025-08-01',
    others: 0,
    spec: { sold: 50, managed: 10, total: 60 },
  },
  {
    name: '4, managed by two',
    amount: '1000',
    country: ['United States', 'US'],
    currency: 'USD',
    dealType: 'sourced',
    on: '2025-08-01',
    others: 1,
    spec: { sold: 50, managed: 5, total: 55 },
  },
  {
    name: '5, sourced',
    amount: '1000',
    country: ['Brazil', 'BR'],
    currency: 'USD',
    dealType: 'sourced',
    on: '2024-06-01',
    others: 0,
    spec: { sold: 100, managed: 20, total: 120 },
  },
  {
    name: '5, assisted',
    amount: '1000',
    country: ['Brazil', 'BR'],
    currency: 'USD',
    dealType: 'assisted',
    on: '2024-06-01',
    spec: { sold: 60 },
  },
  {
    name: '6, 2025-08-01',
    amount: '880',
    country: ['Germany', 'DE'],
    currency: 'EUR',
    dealType: 'sourced',
    on: '2025-08-01',
    spec: { sold: 50 },
  },
  {
    name: '6, 2024-03-01',
    amount: '880',
    country: ['Germany', 'DE'],
    currency: 'EUR',
    dealType: 'sourced',
    on: '2024-03-01',
    spec: { sold: 58.67 },
  },
  {
    name: '6, 2023-03-01',
    amount: '880',
    country: ['Germany', 'DE'],
    currency: 'EUR',
    dealType: 'sourced',
    on: '2023-03-01',
    spec: { sold: 35.2 },
  },
];

describe('the Points tab', () => {
  it('gives the public examples of PROGRAM_RULES §11, as the spec and the API say', {
    timeout: 180_000,
  }, async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), user);
    await openCalculator(page);
    const p = panel(page);
    for (const example of POINTS_EXAMPLES) {
      await p.getByTestId('calc-amount-input').fill(example.amount);
      await chooseMarket(page, example.on, example.country[0], example.currency);
      await p.getByRole('radio', { name: example.dealType === 'sourced' ? 'Sourced' : 'Assisted' }).check();
      const managed = example.others !== undefined;
      const manages = p.getByRole('switch', { name: 'Do you also manage this client?' });
      if ((await manages.isChecked()) !== managed) await manages.click({ force: true });
      if (managed) await p.getByTestId('calc-other-managers').fill(String(example.others));
      const answer = await api.send<{ sold: number; managed: number; total: number }>(
        'POST',
        '/api/v1/calculator/points',
        {
          amount: example.amount,
          currency: example.currency,
          country: example.country[1],
          dealType: example.dealType,
          managed,
          ...(managed ? { otherManagers: example.others } : {}),
          on: example.on,
        },
      );
      expect(answer, `§11 example ${example.name}`).toMatchObject(example.spec);
      await shows(page, 'calc-sold', points(answer.sold));
      await shows(page, 'calc-managed', points(answer.managed));
      await shows(page, 'calc-total', points(answer.total));
    }
    await page.close();
  });
});

interface CurrencyExample {
  name: string;
  direction: 'toAmount' | 'toPoints';
  kind: 'sold' | 'managed';
  value: string;
  country: [string, string];
  currency: string;
  dealType?: 'sourced' | 'assisted';
  on: string;
  /** The spec's figure: an amount (points → currency) or points (currency → points). */
  spec: number;
}

const CURRENCY_EXAMPLES: CurrencyExample[] = [
  // §11.6 backwards: 50 sold points of a sourced deal are €880 on 2025-08-01.
  {
    name: '6 backwards',
    direction: 'toAmount',
    kind: 'sold',
    value: '50',
    country: ['Germany', 'DE'],
    currency: 'EUR',
    dealType: 'sourced',
    on: '2025-08-01',
    spec: 880,
  },
  // §11.6 on 2024-03-01: 58.67 points are €880.05 (rounded once, to the cent).
  {
    name: '6 backwards, 2024',
    direction: 'toAmount',
    kind: 'sold',
    value: '58.67',
    country: ['Germany', 'DE'],
    currency: 'EUR',
    dealType: 'sourced',
    on: '2024-03-01',
    spec: 880.05,
  },
  // §11.4 backwards: 10 managed points are $1,000 of MRR.
  {
    name: '4 backwards',
    direction: 'toAmount',
    kind: 'managed',
    value: '10',
    country: ['United States', 'US'],
    currency: 'USD',
    on: '2025-08-01',
    spec: 1000,
  },
  // §11.5: 20 managed points in a growth market are $1,000.
  {
    name: '5 backwards',
    direction: 'toAmount',
    kind: 'managed',
    value: '20',
    country: ['Brazil', 'BR'],
    currency: 'USD',
    on: '2024-06-01',
    spec: 1000,
  },
  {
    name: '6, 2023',
    direction: 'toPoints',
    kind: 'sold',
    value: '880',
    country: ['Germany', 'DE'],
    currency: 'EUR',
    dealType: 'sourced',
    on: '2023-03-01',
    spec: 35.2,
  },
  {
    name: '5, assisted',
    direction: 'toPoints',
    kind: 'sold',
    value: '1000',
    country: ['Brazil', 'BR'],
    currency: 'USD',
    dealType: 'assisted',
    on: '2024-06-01',
    spec: 60,
  },
  {
    name: '5, managed',
    direction: 'toPoints',
    kind: 'managed',
    value: '1000',
    country: ['Brazil', 'BR'],
    currency: 'USD',
    on: '2024-06-01',
    spec: 20,
  },
];

const LABELS = {
  toAmount: { direction: 'Points to currency', sold: 'Sold points', managed: 'Managed points' },
  toPoints: { direction: 'Currency to points', sold: 'Sold value', managed: 'Managed value' },
} as const;

describe('the Currency tab', () => {
  it('converts points to currency and currency to points, as the spec and the API say', {
    timeout: 180_000,
  }, async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), user);
    await openCalculator(page);
    await page.getByTestId('calc-tab-currency').click();
    const p = panel(page);
    for (const example of CURRENCY_EXAMPLES) {
      const labels = LABELS[example.direction];
      await p.getByTestId('calc-direction').getByText(labels.direction, { exact: true }).click();
      await p.getByTestId('calc-kind').getByText(labels[example.kind], { exact: true }).click();
      await p.getByTestId('calc-value-input').fill(example.value);
      if (example.dealType)
        await p.getByRole('radio', { name: example.dealType === 'sourced' ? 'Sourced' : 'Assisted' }).check();
      await chooseMarket(page, example.on, example.country[0], example.currency);
      const common = { currency: example.currency, country: example.country[1], on: example.on };
      if (example.direction === 'toAmount') {
        const answer = await api.send<{
          amount: number;
          currency: string;
          explanation: { minorUnits: number };
        }>(
          'POST',
          '/api/v1/calculator/amount',
          example.kind === 'sold'
            ? { ...common, soldPoints: example.value, dealType: example.dealType }
            : { ...common, managedPoints: example.value },
        );
        expect(answer.amount, `example ${example.name}`).toBe(example.spec);
        await shows(
          page,
          'calc-amount',
          money(answer.amount, answer.currency, answer.explanation.minorUnits),
        );
      } else {
        const answer = await api.send<{ points: number }>('POST', '/api/v1/calculator/value-points', {
          ...common,
          kind: example.kind,
          amount: example.value,
          ...(example.kind === 'sold' ? { dealType: example.dealType } : {}),
        });
        expect(answer.points, `example ${example.name}`).toBe(example.spec);
        await shows(page, 'calc-points', points(answer.points));
      }
    }
    await page.close();
  });
});

describe('the calculator in English, Swedish and Dutch', () => {
  it('computes for the partner’s market on today’s rules and formats for the language', {
    timeout: 180_000,
  }, async () => {
    const { today } = await api.get<ProgramInForce>('/api/v1/program');
    const { partner } = await api.get<TierPage>(`/api/v1/partners/${partnerId}/tier`);
    const market = { currency: partner.currency, country: partner.country, on: today };
    const sold = await api.send<{ sold: number; managed: number; total: number }>(
      'POST',
      '/api/v1/calculator/points',
      {
        ...market,
        amount: '880',
        dealType: 'sourced',
        managed: true,
        otherManagers: 1,
      },
    );
    const amount = await api.send<{ amount: number; currency: string; explanation: { minorUnits: number } }>(
      'POST',
      '/api/v1/calculator/amount',
      { ...market, soldPoints: '50', dealType: 'sourced' },
    );
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), user);
    for (const [language, locale] of [
      ['English', 'en-US'],
      ['Svenska', 'sv-SE'],
      ['Nederlands', 'nl-NL'],
    ] as const) {
      await page.goto(`${baseUrl()}/partners/${partnerId}/tier`);
      await page.getByRole('combobox', { name: /^(Language|Språk|Taal)$/ }).click();
      await page.getByRole('option', { name: language }).click();
      await openCalculator(page, false);
      const p = panel(page);
      await p.getByTestId('calc-amount-input').fill('880');
      await p.getByTestId('calc-manages').click({ force: true });
      await p.getByTestId('calc-other-managers').fill('1');
      await shows(page, 'calc-total', points(sold.total, locale));
      await shows(page, 'calc-sold', points(sold.sold, locale));
      await shows(page, 'calc-managed', points(sold.managed, locale));
      await checkScreen(page, `calculator-points-${locale.slice(0, 2)}`);
      await page.getByTestId('calc-tab-currency').click();
      await p.getByTestId('calc-value-input').fill('50');
      await shows(
        page,
        'calc-amount',
        money(amount.amount, amount.currency, amount.explanation.minorUnits, locale),
      );
      await checkScreen(page, `calculator-currency-${locale.slice(0, 2)}`);
      await page.keyboard.press('Escape');
    }
    await api.send('PATCH', '/api/v1/me', { locale: 'en' });
    await page.close();
  });
});
