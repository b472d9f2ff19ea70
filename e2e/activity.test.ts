// Journeys on the dashboard's activity panels: tier point changes and shared sales for a
// date range (changing the range updates them; a figure opens its report), commission,
// and the Team tab with Send email.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {
  Commission,
  PointChangeItems,
  PointChanges,
  SalesItems,
  SharedSales,
  Summary,
} from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import { apiAs, baseUrl, checkScreen, choose, DEMO, panelsLoaded, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const points = (value: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Math.abs(value));

async function dashboard(email: string): Promise<{ page: Page; partnerId: string; today: string }> {
  const api = await apiAs(email);
  const summary = await api.get<Summary>(`/api/v1/partners/${api.partnerId}/dashboard`);
  const page = await browser().context.newPage();
  await signIn(page, baseUrl(), email);
  await panelsLoaded(page);
  return { page, partnerId: api.partnerId ?? '', today: summary.today };
}

async function figureText(page: Page, group: string, category: string): Promise<string> {
  return (
    (await page
      .locator(`[data-testid="${group}"] button[data-category="${category}"]`)
      .first()
      .textContent()) ?? ''
  );
}

async function chooseRange(page: Page, panel: string, option: string): Promise<void> {
  await choose(page.locator(`[data-panel="${panel}"]`), 'Date range', option);
}

describe('tier point changes', () => {
  it('shows the four figures for the range, follows a new range, and opens the entries behind a figure', async () => {
    const api = await apiAs(DEMO.topAdmin);
    const { page, partnerId, today } = await dashboard(DEMO.topAdmin);
    const base = `/api/v1/partners/${partnerId}/point-changes`;
    const last30 = await api.get<PointChanges>(`${base}?to=${today}`);
    for (const figure of ['wonSold', 'lostSold', 'newManaged', 'lostManaged'] as const) {
      expect(await figureText(page, 'point-changes', figure)).toContain(points(last30[figure]));
    }
    await chooseRange(page, 'point-changes', 'Last 12 months');
    const from = (await page.locator('[data-panel="point-changes"]').getByLabel('From').inputValue()) || '';
    const year = await api.get<PointChanges>(`${base}?from=${from}&to=${today}`);
    expect(year.wonSold, 'a year of a large partner has sold points').toBeGreaterThan(0);
    await expect.poll(() => figureText(page, 'point-changes', 'wonSold')).toContain(points(year.wonSold));
    expect(await figureText(page, 'point-changes', 'lostManaged')).toContain(points(year.lostManaged));

    const category = year.newSold > 0 ? 'newSold' : 'increasedSold';
    const items = await api.get<PointChangeItems>(
      `${base}/items?from=${from}&to=${today}&category=${category}&pageSize=25`,
    );
    await page.locator('[data-testid="point-changes"] button[data-category="wonSold"]').first().click();
    const report = page.getByTestId('report');
    await expect.poll(() => report.getByTestId('report-row').count()).toBe(Math.min(items.total, 25));
    const firstRow = (await report.getByTestId('report-row').first().textContent()) ?? '';
    expect(firstRow).toContain(items.items[0]?.clientName);
    // Each entry shows the rule behind its points: the rule set of its rate.
    expect(firstRow).toContain(items.items[0]?.rule?.rateRuleSetId);
    await checkScreen(page, 'dashboard-point-changes-report');
    // A row's client opens the client panel over the report.
    await report.getByTestId('report-client').first().click();
    await expect
      .poll(() => page.getByTestId('client-drawer').textContent())
      .toContain(items.items[0]?.clientId);
    await checkScreen(page, 'dashboard-point-changes-client');
    await page.close();
  });
});

describe('shared sales', () => {
  it('shows deals created, sourced in flight and closed won, each opening its deals', async () => {
    const api = await apiAs(DEMO.topAdmin);
    const { page, partnerId, today } = await dashboard(DEMO.topAdmin);
    await chooseRange(page, 'shared-sales', 'Last 12 months');
    const from = await page.locator('[data-panel="shared-sales"]').getByLabel('From').inputValue();
    const sales = await api.get<SharedSales>(
      `/api/v1/partners/${partnerId}/shared-sales?from=${from}&to=${today}`,
    );
    for (const category of ['created', 'inFlight', 'closedWon', 'registered'] as const) {
      await expect
        .poll(() => figureText(page, 'shared-sales', category))
        .toContain(String(sales[category].deals));
    }
    const items = await api.get<SalesItems>(
      `/api/v1/partners/${partnerId}/shared-sales/items?from=${from}&to=${today}&category=closedWon&pageSize=25`,
    );
    await page.locator('[data-testid="shared-sales"] button[data-category="closedWon"]').click();
    const report = page.getByTestId('report');
    await expect.poll(() => report.getByTestId('report-row').count()).toBe(Math.min(items.total, 25));
    await checkScreen(page, 'dashboard-shared-sales-report');
    await report.getByTestId('report-client').first().click();
    await expect
      .poll(() => page.getByTestId('client-drawer').textContent())
      .toContain(items.items[0]?.clientId);
    await page.close();
  });

  it('counts the deal registrations submitted in the range, each row with its status', async () => {
    const api = await apiAs(DEMO.topAdmin);
    const { page, partnerId, today } = await dashboard(DEMO.topAdmin);
    await chooseRange(page, 'shared-sales', 'Last 12 months');
    const from = await page.locator('[data-panel="shared-sales"]').getByLabel('From').inputValue();
    const registered = await api.get<SalesItems>(
      `/api/v1/partners/${partnerId}/shared-sales/items?from=${from}&to=${today}&category=registered&pageSize=25`,
    );
    // The demo partner registered deals in every status within the last year.
    expect(new Set(registered.items.map((r) => r.registration?.status)).size).toBeGreaterThan(3);
    await page.locator('[data-testid="shared-sales"] button[data-category="registered"]').click();
    const report = page.getByTestId('report');
    await expect.poll(() => report.getByTestId('report-row').count()).toBe(registered.items.length);
    const text = (await report.textContent()) ?? '';
    for (const r of registered.items) expect(text).toContain(r.clientName);
    expect(text).toContain('Approved');
    expect(text).toContain('(expected)');
    await checkScreen(page, 'dashboard-shared-sales-registered');
    await page.close();
  });
});

describe('commission and team', () => {
  it('shows the payments the API schedules', async () => {
    const api = await apiAs(DEMO.goldUser);
    const commission = await api.get<Commission>(`/api/v1/partners/${api.partnerId}/commission`);
    const { page } = await dashboard(DEMO.goldUser);
    const text = (await page.getByTestId('commission').textContent()) ?? '';
    const money = (m: { amount: number; currency: string }) =>
      new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(m.amount);
    expect(text).toContain(money(commission.paidTotal));
    expect(text).toContain(money(commission.upcomingTotal));
    await page.close();
  });

  it('lists the vendor contacts with a Send email link', async () => {
    const api = await apiAs(DEMO.goldUser);
    const team = await api.get<{ contacts: { name: string; mailto: string }[] }>(
      `/api/v1/partners/${api.partnerId}/team`,
    );
    expect(team.contacts.length).toBeGreaterThan(0);
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await page.getByRole('tab', { name: 'Team' }).click();
    await expect.poll(() => page.getByTestId('team-contact').count()).toBe(team.contacts.length);
    const first = page.getByTestId('team-contact').first();
    expect(await first.textContent()).toContain(team.contacts[0]?.name);
    expect(await first.getByRole('link', { name: /Send email/ }).getAttribute('href')).toBe(
      team.contacts[0]?.mailto,
    );
    await checkScreen(page, 'dashboard-team');
    await page.close();
  });
});
