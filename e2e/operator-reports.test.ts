import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PartnerFigures } from '../web/src/lib/api-types.ts';
import {
  apiAs,
  checkScreen,
  choose,
  consoleLoaded,
  DEMO,
  exportFile,
  sharedBrowser,
  signInOperator,
} from './fixtures.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;
const LOST = 'expired-sold,decreased-sold,declined-sold';
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;

const download = (page: Page, scope: Locator) => exportFile(page, scope);

const csvRows = (file: Buffer) => parse(file.subarray(3), { columns: true }) as Record<string, string>[];

describe('the operator’s Reports page', () => {
  it('shows lost sold points across partners as the API does, opens a partner’s rows and exports them', async () => {
    const api = await apiAs(DEMO.operator);
    const { today } = await api.get<{ today: string }>('/api/v1/overview');
    const page = await browser().context.newPage();
    await signInOperator(page);
    // The console's own navigation (the partner layout shown while sign-in redirects has a
    // Reports link of its own).
    await page
      .getByRole('navigation', { name: 'Console navigation' })
      .getByRole('link', { name: 'Reports', exact: true })
      .click();
    await page.waitForURL(/\/operator\/reports$/);
    const section = page.getByTestId('figure-section');
    await section.getByTestId('figure-total').waitFor();

    await choose(section, 'Figure', 'Lost sold points (expired, decreased, declined)');
    await choose(section, 'Date range', 'Last 12 months');
    const from = await section.getByLabel('From', { exact: true }).inputValue();
    expect(await section.getByLabel('To', { exact: true }).inputValue()).toBe(today);
    const expected = await api.get<PartnerFigures>(
      `/api/v1/point-changes/partners?metric=${LOST}&from=${from}&to=${today}&page=1&pageSize=25`,
    );
    expect(expected.points, 'a year of the demo has lost sold points').toBeGreaterThan(0);
    const total = section.getByTestId('figure-total');
    await expect.poll(() => total.getAttribute('data-value')).toBe(String(expected.points));
    await consoleLoaded(page);
    // The first rows: the API's partners in its order (largest figure first), with its figures.
    const rows = section.getByTestId('figure-table').locator('tbody tr');
    await expect
      .poll(() => rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-partner'))))
      .toEqual(expected.items.map((i) => i.partnerId));
    const shown = await rows.evaluateAll((all) =>
      all.slice(0, 5).map((r) => ({
        points: Number(r.querySelector('[data-points]')?.getAttribute('data-points')),
        clients: Number(r.querySelector('[data-clients]')?.getAttribute('data-clients')),
      })),
    );
    expect(shown).toEqual(expected.items.slice(0, 5).map((i) => ({ points: i.points, clients: i.clients })));
    const first = expected.items[0]!;
    expect(await rows.first().getByRole('link').textContent()).toBe(first.name);
    await checkScreen(page, 'operator-reports-en');

    // A partner's rows: the drawer's first metric sums to the partner's figure of it.
    await rows
      .first()
      .getByRole('button', { name: `Show rows of ${first.name}` })
      .click();
    const drawer = page.getByTestId('partner-rows');
    await drawer.getByTestId('partner-rows-table').waitFor();
    const metric = LOST.split(',').find((m) => (first.byMetric[m] ?? 0) > 0)!;
    const category = metric.replace(/-([a-z])/g, (_, l: string) => l.toUpperCase());
    const items = await api.get<{ total: number; points: number; items: { points: number }[] }>(
      `/api/v1/partners/${first.partnerId}/point-changes/items?category=${category}&from=${from}&to=${today}&pageSize=25`,
    );
    expect(items.points).toBe(first.byMetric[metric]);
    const drawerPoints = await drawer
      .locator('tbody [data-points]')
      .evaluateAll((all) => all.map((c) => Number(c.getAttribute('data-points'))));
    expect(drawerPoints).toEqual(items.items.map((i) => i.points));
    await checkScreen(page, 'operator-reports-rows');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The export: every partner's rows of the three metrics, summing to the page's total.
    const csv = await download(page, section.getByTestId('figure-export'));
    expect(csv.name).toBe(`Lost-sold-points-${from}-to-${today}.csv`);
    const exported = csvRows(csv.file);
    expect(sum(exported.map((r) => Number(r.points)))).toBe(Number(await total.getAttribute('data-value')));
    expect(new Set(exported.map((r) => r.metric))).toEqual(new Set(LOST.split(',')));
    expect(new Set(exported.map((r) => r.partner_id)).size).toBe(expected.total);

    // Another report: the partners report, one row per partner.
    const other = page.getByTestId('other-section');
    const partners = await download(page, other.getByTestId('other-export'));
    expect(partners.name).toBe(`Partners-${today}.csv`);
    const all = await api.get<{ partners: unknown[] }>('/api/v1/partners');
    expect(csvRows(partners.file).length).toBe(all.partners.length);

    // In Swedish.
    await choose(page, language, 'Svenska');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Rapporter');
    await expect
      .poll(() => section.getByTestId('figure-summary').textContent())
      .toMatch(/partner, .* kunder/);
    await consoleLoaded(page);
    // From the top: the export clicks scrolled the page (a full-page screenshot would draw
    // the fixed header mid-page).
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen(page, 'operator-reports-sv');
    await choose(page, language, 'English');
    await page.close();
  }, 180_000);
});
