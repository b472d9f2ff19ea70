import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Commission } from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import {
  apiAs,
  baseUrl,
  checkScreen,
  choose,
  DEMO,
  exportFile,
  panelsLoaded,
  sharedBrowser,
} from './fixtures.ts';
import { freshUser, writerAs } from './fresh-user.ts';

const browser = sharedBrowser();
const SLOW = 180_000;

type Money = { amount: number; currency: string };
const money = (m: Money, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(m.amount);
const day = (d: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${d}T00:00:00Z`),
  );
const cents = (xs: Money[]) => xs.reduce((sum, m) => sum + Math.round(m.amount * 100), 0);
const total = (xs: Money[], currency: string): Money => ({ amount: cents(xs) / 100, currency });
/** Intl's spaces (no-break, narrow no-break) as plain ones, for comparing text. */
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** The page shows the view's quarters and accruals, formatted for `locale`. */
async function showsView(page: Page, view: Commission, locale: string): Promise<void> {
  await panelsLoaded(page);
  const rows = page.getByTestId('commission-quarter');
  await expect.poll(() => rows.count()).toBe(view.quarters.length);
  for (const [i, q] of view.quarters.entries()) {
    const row = rows.nth(i);
    expect(await row.getAttribute('data-quarter')).toBe(q.quarter);
    expect(plain(await row.getByTestId('payout-date').textContent())).toBe(plain(day(q.payoutDate, locale)));
    expect(plain(await row.getByTestId('accrued').textContent())).toBe(plain(money(q.accrued, locale)));
    expect(plain(await row.getByTestId('paid').textContent())).toBe(plain(money(q.paid, locale)));
    if (q.difference) {
      const sign = q.difference.amount > 0 ? '+' : '';
      expect(plain(await row.getByTestId('difference').textContent())).toBe(
        plain(sign + money(q.difference, locale)),
      );
    }
  }
  const deals = view.deals ?? [];
  // Every deal's accruals, to the cent: the table's total is the sum of the API's accruals.
  const accrued = total(
    deals.flatMap((d) => d.accruals.map((a) => a.amountBase)),
    view.currency,
  );
  expect(cents(deals.map((d) => d.total))).toBe(Math.round(accrued.amount * 100));
  expect(plain(await page.getByTestId('accruals-total').textContent())).toBe(plain(money(accrued, locale)));
  expect(plain(await page.getByTestId('total-accrued').textContent())).toBe(
    plain(
      money(
        total(
          view.quarters.map((q) => q.accrued),
          view.currency,
        ),
        locale,
      ),
    ),
  );
}

describe('the commission page', () => {
  it(
    'shows the API’s quarters and accruals, filters them, exports them, in three languages',
    async () => {
      const operator = await writerAs(DEMO.operator);
      const partnerId = (await apiAs(DEMO.topAdmin)).partnerId!;
      const user = await freshUser(operator, partnerId, 'commission');
      const api = await writerAs(user);
      const path = `/api/v1/partners/${encodeURIComponent(partnerId)}/commission?accruals=true`;
      const all = await api.get<Commission>(path);
      expect(all.deals?.length, 'the largest partner has commissionable deals').toBeGreaterThan(0);
      expect(all.quarters.some((q) => q.status === 'paid' && q.payments.length > 0)).toBe(true);

      const page = await browser().context.newPage();
      await signIn(page, baseUrl(), user);
      await panelsLoaded(page);
      await page.getByRole('link', { name: 'View full commission' }).click();
      await page.waitForURL(/\/commission$/);
      await showsView(page, all, 'en-US');
      await checkScreen(page, 'commission-en');

      // Only the paid payouts: the URL keeps it, the page and the API agree.
      await page.getByTestId('commission-status').getByText('Paid', { exact: true }).click();
      await page.waitForURL(/status=paid/);
      const paid = await api.get<Commission>(`${path}&status=paid`);
      expect(paid.quarters.length).toBeLessThan(all.quarters.length);
      await showsView(page, paid, 'en-US');
      await page.reload();
      await showsView(page, paid, 'en-US');

      // The export: the accruals of the paid payouts, row by row.
      const actions = page.getByTestId('commission-actions');
      const { file } = await exportFile(page, actions);
      const rows = parse(file.subarray(3), { columns: true }) as Record<string, string>[];
      const accruals = (paid.deals ?? []).flatMap((d) => d.accruals.map((a) => ({ ...a, dealId: d.dealId })));
      expect(rows.length).toBe(accruals.length);
      expect(rows.every((r) => r.payout_status === 'paid')).toBe(true);
      expect(rows.reduce((s, r) => s + Math.round(Number(r.amount_base) * 100), 0)).toBe(
        cents(accruals.map((a) => a.amountBase)),
      );
      expect(new Set(rows.map((r) => `${r.deal_id} ${r.month_of_service}`))).toEqual(
        new Set(accruals.map((a) => `${a.dealId} ${a.date}`)),
      );

      // Swedish and Dutch: the same figures in the language's formats.
      for (const [language, title, locale] of [
        ['Svenska', 'Provision', 'sv-SE'],
        ['Nederlands', 'Commissie', 'nl-NL'],
      ] as const) {
        await choose(page, /^(Language|Språk|Taal)$/, language);
        await expect.poll(() => page.locator('main h1').textContent()).toBe(title);
        await showsView(page, paid, locale);
        await checkScreen(page, `commission-${locale.slice(0, 2)}`);
      }
      // Back to every payout, in Dutch: the estimates come back.
      await page.getByTestId('commission-status').getByText('Alle', { exact: true }).click();
      await expect.poll(() => page.url()).not.toContain('status=');
      await showsView(page, all, 'nl-NL');
      await checkScreen(page, 'commission-nl-all');
      await page.close();
    },
    SLOW,
  );
});
