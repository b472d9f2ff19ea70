// Journeys on the Tier page's Points breakdown tab: the table as the API answers it, the Deal
// type and Market type filters, the growth info mark on keyboard focus, a client's points
// history (rule set and multiplier of its entries), a client that is not the partner's, and
// the tab in Swedish and Dutch.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Breakdown, ClientHistory } from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import {
  type ApiSession,
  apiAs,
  baseUrl,
  checkScreen,
  DEMO,
  panelsLoaded,
  sharedBrowser,
} from './fixtures.ts';

const browser = sharedBrowser();
const points = (value: number, locale = 'en-US') =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
const factor = (value: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(value);
/** The table's first page as the screen asks for it (sorted by total, 15 rows). */
const FIRST_PAGE = 'sort=total&dir=desc&page=1&pageSize=15';

function breakdown(api: ApiSession, filter = ''): Promise<Breakdown> {
  return api.get<Breakdown>(`/api/v1/partners/${api.partnerId}/tier/breakdown?${FIRST_PAGE}${filter}`);
}

/** The Tier page's breakdown tab (signing in first unless `signedIn`); generous waits: the
 * journeys share a small machine with other work. */
async function openBreakdown(page: Page, api: ApiSession, email: string, extra = '', signedIn = false) {
  if (!signedIn) await signIn(page, baseUrl(), email);
  await page.goto(`${baseUrl()}/partners/${api.partnerId}/tier?tab=breakdown${extra}`);
  await page.getByTestId('breakdown-table').waitFor({ timeout: 60_000 });
  await panelsLoaded(page);
}
const SLOW = 180_000;

const rowIds = (page: Page) =>
  page
    .getByTestId('breakdown-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-client-id')));

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('the points breakdown of a partner user', () => {
  it(
    'shows the first page of clients and the totals as the API computes them',
    async () => {
      const api = await apiAs(DEMO.goldUser);
      const data = await breakdown(api);
      expect(data.items.length, 'the demo partner has clients with points').toBeGreaterThan(0);
      const page = await browser().context.newPage();
      await openBreakdown(page, api, DEMO.goldUser);
      await expect.poll(() => rowIds(page)).toEqual(data.items.map((row) => row.clientId));
      const rows = page.getByTestId('breakdown-row');
      for (const [i, item] of data.items.entries()) {
        const row = rows.nth(i);
        expect(await row.getByTestId('breakdown-client').textContent()).toBe(item.name);
        expect(await row.getByTestId('breakdown-sold').textContent()).toBe(points(item.sold.total));
        expect(await row.getByTestId('breakdown-total').textContent()).toBe(points(item.total));
        expect(await row.getByTestId('growth-mark').count()).toBe(item.growthMarket ? 1 : 0);
      }
      expect(await page.getByTestId('totals-sold').textContent()).toBe(points(data.totals.sold));
      expect(await page.getByTestId('totals-managed').textContent()).toBe(points(data.totals.managed));
      expect(await page.getByTestId('totals-total').textContent()).toBe(points(data.totals.total));
      // Sorted on the server: the client header sorts by name.
      const byName = await api.get<Breakdown>(
        `/api/v1/partners/${api.partnerId}/tier/breakdown?sort=client&dir=asc&page=1&pageSize=15`,
      );
      await page.getByRole('button', { name: /^Client/ }).click();
      await expect.poll(() => rowIds(page)).toEqual(byName.items.map((row) => row.clientId));
      expect(await page.locator('th[data-sort-column="client"]').getAttribute('aria-sort')).toBe('ascending');
      await page.getByRole('button', { name: /^Total points/ }).click();
      await expect.poll(() => rowIds(page)).toEqual(data.items.map((row) => row.clientId));
      await checkScreen(page, 'tier-breakdown-en');
      await page.close();
    },
    SLOW,
  );

  it(
    'filters by deal type and by market type as the API does',
    async () => {
      const api = await apiAs(DEMO.goldUser);
      const all = await breakdown(api);
      const assisted = await breakdown(api, '&dealType=assisted');
      const growth = await breakdown(api, '&market=growth');
      const other = await breakdown(api, '&market=other');
      const ids = (data: Breakdown) => data.items.map((row) => row.clientId);
      // The filters must be seen to change something in the demo data.
      expect(ids(assisted)).not.toEqual(ids(all));
      expect(ids(growth)).not.toEqual(ids(all));
      expect(growth.total).toBeGreaterThan(0);
      const page = await browser().context.newPage();
      await openBreakdown(page, api, DEMO.goldUser);
      await expect.poll(() => rowIds(page)).toEqual(ids(all));

      await choose(page, 'Deal type', 'Assisted');
      await expect.poll(() => rowIds(page)).toEqual(ids(assisted));
      expect(await page.getByTestId('totals-total').textContent()).toBe(points(assisted.totals.total));
      await choose(page, 'Deal type', 'All deal types');
      await expect.poll(() => rowIds(page)).toEqual(ids(all));

      await choose(page, 'Market type', 'Growth markets');
      await expect.poll(() => rowIds(page)).toEqual(ids(growth));
      expect(await page.getByTestId('growth-mark').count()).toBe(growth.items.length);
      expect(await page.getByTestId('totals-total').textContent()).toBe(points(growth.totals.total));
      await choose(page, 'Market type', 'Other markets');
      await expect.poll(() => rowIds(page)).toEqual(ids(other));
      expect(await page.getByTestId('growth-mark').count()).toBe(0);
      await page.close();
    },
    SLOW,
  );

  it(
    'explains the growth multiplier when the info mark gets keyboard focus',
    async () => {
      const api = await apiAs(DEMO.goldUser);
      const growth = await breakdown(api, '&market=growth');
      const client = growth.items[0];
      expect(client, 'the demo partner has a growth-market client').toBeDefined();
      const page = await browser().context.newPage();
      await openBreakdown(page, api, DEMO.goldUser);
      await choose(page, 'Market type', 'Growth markets');
      await expect.poll(() => rowIds(page)).toEqual(growth.items.map((row) => row.clientId));
      const row = page.locator(`[data-testid="breakdown-row"][data-client-id="${client?.clientId}"]`);
      // From the client's button, Tab reaches the info mark.
      await row.getByTestId('breakdown-client').focus();
      await page.keyboard.press('Tab');
      const mark = row.getByTestId('growth-mark');
      await expect.poll(() => mark.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await mark.getAttribute('aria-label')).toBe('Growth market: multiplied points');
      const tooltip = page.getByRole('tooltip');
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      expect(await tooltip.textContent()).toContain('multiplied by the growth multiplier');
      expect(await mark.getAttribute('aria-describedby')).toBe(await tooltip.getAttribute('id'));
      await page.keyboard.press('Tab');
      await expect.poll(() => tooltip.count()).toBe(0);
      await page.close();
    },
    SLOW,
  );

  it(
    "opens a client's history with every entry's rule set and multiplier as the API gives them",
    async () => {
      const api = await apiAs(DEMO.goldUser);
      const growth = await breakdown(api, '&market=growth');
      let picked: ClientHistory | undefined;
      for (const row of growth.items) {
        const history = await api.get<ClientHistory>(
          `/api/v1/partners/${api.partnerId}/clients/${row.clientId}/history`,
        );
        if (history.entries.some((entry) => entry.rule.multiplier !== 1)) {
          picked = history;
          break;
        }
      }
      expect(picked, 'a growth-market client with a multiplied sold entry').toBeDefined();
      const history = picked as ClientHistory;
      const page = await browser().context.newPage();
      await openBreakdown(page, api, DEMO.goldUser);
      await choose(page, 'Market type', 'Growth markets');
      const row = page.locator(`[data-testid="breakdown-row"][data-client-id="${history.clientId}"]`);
      await row.getByTestId('breakdown-client').click();
      const drawer = page.getByTestId('client-history');
      await drawer.waitFor();
      await expect.poll(() => drawer.getByTestId('history-entry').count()).toBe(history.entries.length);
      expect(new URL(page.url()).searchParams.get('history')).toBe(history.clientId);
      expect(await drawer.getByRole('heading', { level: 2 }).textContent()).toContain(history.name);
      for (const entry of history.entries) {
        const shown = drawer.locator(`[data-testid="history-entry"][data-entry-id="${entry.entryId}"]`);
        expect(await shown.getAttribute('data-rule-set')).toBe(entry.rule.rateRuleSetId);
        expect(await shown.getAttribute('data-multiplier')).toBe(String(entry.rule.multiplier));
        const text = (await shown.textContent()) ?? '';
        expect(text).toContain(`Rule set ${entry.rule.rateRuleSetId}`);
        expect(text).toContain(points(entry.points));
        if (entry.rule.multiplier !== 1) {
          expect(text).toContain(`× ${factor(entry.rule.multiplier)} growth multiplier`);
        }
        expect(await shown.getByTestId('entry-decrease').count()).toBe(entry.decreases.length);
      }
      expect(await drawer.getByTestId('managed-month').count()).toBe(history.managed.length);
      await checkScreen(page, 'tier-breakdown-history-en');
      // Closing the drawer takes the client out of the URL.
      await page.keyboard.press('Escape');
      await expect.poll(() => new URL(page.url()).searchParams.get('history')).toBe(null);
      await page.close();
    },
    SLOW,
  );

  it(
    'shows not found, and no data, for a client id that is not the partner’s',
    async () => {
      const api = await apiAs(DEMO.goldUser);
      const top = await apiAs(DEMO.topAdmin);
      const mine = await api.get<Breakdown>(
        `/api/v1/partners/${api.partnerId}/tier/breakdown?page=1&pageSize=500`,
      );
      const theirs = await breakdown(top);
      const other = theirs.items.find((row) => !mine.items.some((m) => m.clientId === row.clientId));
      expect(other, "a client of the top partner that is not the gold partner's").toBeDefined();
      const page = await browser().context.newPage();
      for (const [i, clientId] of [other?.clientId ?? '', 'CL-NO-SUCH-CLIENT'].entries()) {
        await openBreakdown(page, api, DEMO.goldUser, `&history=${encodeURIComponent(clientId)}`, i > 0);
        const drawer = page.getByTestId('client-history');
        await expect.poll(() => drawer.getByTestId('client-not-found').isVisible()).toBe(true);
        expect(await drawer.getByTestId('history-entry').count()).toBe(0);
        expect(await drawer.textContent()).not.toContain(other?.name);
      }
      await page.close();
    },
    SLOW,
  );

  it(
    'shows the breakdown in Swedish and Dutch, formatted for the language',
    async () => {
      const api = await apiAs(DEMO.goldUser);
      const data = await breakdown(api);
      const page = await browser().context.newPage();
      await openBreakdown(page, api, DEMO.goldUser);
      for (const [language, title, locale] of [
        ['Svenska', 'Poängfördelning', 'sv-SE'],
        ['Nederlands', 'Puntenverdeling', 'nl-NL'],
      ] as const) {
        await page.getByRole('combobox', { name: /^(Language|Språk|Taal)$/ }).click();
        await page.getByRole('option', { name: language }).click();
        await expect.poll(() => page.locator('#breakdown-title').textContent()).toBe(title);
        await panelsLoaded(page);
        expect(await page.getByTestId('totals-total').textContent()).toBe(points(data.totals.total, locale));
        await checkScreen(page, `tier-breakdown-${locale.slice(0, 2)}`);
      }
      await page.getByRole('combobox', { name: /^(Language|Språk|Taal)$/ }).click();
      await page.getByRole('option', { name: 'English' }).click();
      await expect.poll(() => page.locator('#breakdown-title').textContent()).toBe('Points breakdown');
      await page.close();
    },
    SLOW,
  );
});
