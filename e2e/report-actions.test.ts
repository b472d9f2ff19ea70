import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {
  ClientHistory,
  ClientList,
  Commission,
  RenewalList,
  SalesItems,
  Summary,
} from '../web/src/lib/api-types.ts';
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

const browser = sharedBrowser();
const SLOW = 180_000;

const clientCount = (n: number) => `${n} client${n === 1 ? '' : 's'}`;

/** Opens Use in lists from `scope` and waits for the count of the report's clients. */
async function listsCount(page: Page, scope: Locator, count: number): Promise<Locator> {
  await scope.getByTestId('lists-action').click();
  const dialog = page.getByTestId('lists-dialog');
  await expect.poll(() => dialog.getByTestId('lists-count').textContent()).toContain(clientCount(count));
  return dialog;
}

/** Escape closes the lists dialog only; focus goes back to the action that opened it. */
async function closeLists(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('lists-dialog').waitFor({ state: 'detached' });
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('lists-action');
}

/** Exports as CSV from the action in `scope`; the downloaded file's rows and name. */
async function downloadCsv(
  page: Page,
  scope: Locator,
  screen?: string,
): Promise<{ rows: Record<string, string>[]; name: string }> {
  const { file, name } = await exportFile(page, scope, { screen });
  expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return {
    rows: parse(file.subarray(3), { columns: true }) as Record<string, string>[],
    name,
  };
}

describe('the report actions of the clients, renewals and history', () => {
  it(
    'exports the filtered clients table and a client’s points history as CSV, the rows the API gives',
    async () => {
      const api = await apiAs(DEMO.topAdmin);
      const partnerId = api.partnerId ?? '';
      const { today } = await api.get<Summary>(`/api/v1/partners/${partnerId}/dashboard`);
      const managed = await api.get<ClientList>(
        `/api/v1/partners/${partnerId}/clients?relationship=managed&pageSize=500`,
      );
      expect(managed.total, 'the largest partner manages more clients than a page').toBeGreaterThan(10);
      const page = await browser().context.newPage();
      await signIn(page, baseUrl(), DEMO.topAdmin);
      await panelsLoaded(page);

      // The clients table filtered to managed clients: its export is every managed client.
      const panel = page.locator('[data-panel="clients"]');
      await choose(panel, 'Relationship', 'Managed');
      await expect.poll(() => panel.getByText(`${managed.total} clients`).count()).toBeGreaterThan(0);
      const actions = panel.getByTestId('clients-actions');
      expect(await actions.getByTestId('save-report-action').isDisabled()).toBe(true);
      await actions.scrollIntoViewIfNeeded();
      await checkScreen(page, 'report-actions-clients');
      await actions.getByTestId('export-action').click();
      const name = page.getByTestId('export-dialog').getByLabel('Name of the export');
      expect(await name.inputValue()).toBe(`Clients (Managed) ${today}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
      const clients = await downloadCsv(page, actions, 'report-actions-clients-export');
      // The server's file name: the export's name in safe characters.
      expect(clients.name).toBe(`Clients-Managed-${today}.csv`);
      expect(clients.rows.length).toBe(managed.total);
      expect(clients.rows.map((r) => r.client_id).sort()).toEqual(
        managed.items.map((c) => c.clientId).sort(),
      );
      expect(new Set(clients.rows.map((r) => r.relationship))).toEqual(new Set(['managed']));
      const byId = new Map(managed.items.map((c) => [c.clientId, c]));
      for (const row of clients.rows)
        expect(Number(row.total_points), row.client_id).toBe(byId.get(row.client_id!)!.points.total);

      // Without the filter Save as report is offered again.
      await choose(panel, 'Relationship', 'All relationships');
      await expect.poll(() => actions.getByTestId('save-report-action').isDisabled()).toBe(false);

      // A client's points history: the export is its sold entries up to the day.
      const sold = await api.get<ClientList>(
        `/api/v1/partners/${partnerId}/clients?relationship=sold&sort=soldPoints&dir=desc&pageSize=1`,
      );
      const clientId = sold.items[0]!.clientId;
      const history = await api.get<ClientHistory>(
        `/api/v1/partners/${partnerId}/clients/${encodeURIComponent(clientId)}/history`,
      );
      await page.goto(
        `${baseUrl()}/partners/${partnerId}/tier?tab=breakdown&history=${encodeURIComponent(clientId)}`,
      );
      const drawer = page.getByTestId('client-history');
      await drawer.getByTestId('history-actions').waitFor();
      await panelsLoaded(page);
      // Escape closes a dialog of the history's actions, not the history under it.
      await listsCount(page, drawer.getByTestId('history-actions'), 1);
      await closeLists(page);
      expect(await drawer.isVisible()).toBe(true);
      await checkScreen(page, 'report-actions-history');
      const entries = history.entries.filter((e) => e.status !== 'future');
      const exported = await downloadCsv(page, drawer.getByTestId('history-actions'));
      expect(exported.name).toMatch(new RegExp(`^Points-history-.*${history.on}\\.csv$`));
      expect(exported.rows.map((r) => r.entry_id).sort()).toEqual(entries.map((e) => e.entryId).sort());
      expect(new Set(exported.rows.map((r) => r.client_id))).toEqual(new Set([clientId]));
      const points = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
      expect(points(exported.rows.map((r) => Number(r.remaining_points)))).toBe(history.totals.activeSold);
      await page.close();
    },
    SLOW,
  );

  it(
    'puts the clients of the upcoming renewals in a new list, and counts those of shared sales and commission',
    async () => {
      const api = await apiAs(DEMO.topAdmin);
      const partnerId = api.partnerId ?? '';
      const ids = new Set<string>();
      for (let n = 1; ; n++) {
        const answer = await api.get<RenewalList>(
          `/api/v1/partners/${partnerId}/renewals?page=${n}&pageSize=500`,
        );
        for (const row of answer.items) ids.add(row.clientId);
        if (answer.items.length === 0 || n * answer.pageSize >= answer.total) break;
      }
      expect(ids.size, 'the largest partner has renewals coming').toBeGreaterThan(0);
      const page = await browser().context.newPage();
      await signIn(page, baseUrl(), DEMO.topAdmin);
      await panelsLoaded(page);
      const actions = page.getByTestId('renewals-actions');
      await actions.scrollIntoViewIfNeeded();
      const dialog = await listsCount(page, actions, ids.size);
      const count = clientCount(ids.size);
      const listName = `Renewals journey ${Date.now()}`;
      await dialog.getByLabel('Name of the new list').fill(listName);
      await dialog.getByTestId('lists-submit').click();
      await expect
        .poll(() => dialog.getByTestId('lists-done').textContent())
        .toContain(`List “${listName}” created with ${count}`);
      await checkScreen(page, 'report-actions-renewals-list');
      const lists = await api.get<{ lists: { name: string; size: number }[] }>(
        `/api/v1/partners/${partnerId}/lists`,
      );
      expect(lists.lists.find((l) => l.name === listName)?.size).toBe(ids.size);
      await closeLists(page);

      // A shared-sales figure (the last 30 days): its deals' clients.
      const { today } = await api.get<Summary>(`/api/v1/partners/${partnerId}/dashboard`);
      const from = await page.locator('[data-panel="shared-sales"]').getByLabel('From').inputValue();
      const deals = await api.get<SalesItems>(
        `/api/v1/partners/${partnerId}/shared-sales/items?category=created&from=${from}&to=${today}&pageSize=500`,
      );
      expect(deals.total).toBeGreaterThan(0);
      await page.locator('[data-testid="shared-sales"] button[data-category="created"]').click();
      const report = page.getByTestId('report');
      await report.getByTestId('report-row').first().waitFor();
      await listsCount(page, report, new Set(deals.items.map((d) => d.clientId)).size);
      await checkScreen(page, 'report-actions-sales-lists');
      await closeLists(page);
      await page.keyboard.press('Escape');
      await report.waitFor({ state: 'hidden' });

      // The commission view: the clients of every commissionable deal, paid or upcoming.
      const commission = await api.get<Commission>(`/api/v1/partners/${partnerId}/commission?accruals=true`);
      const paid = new Set(
        [...commission.past, ...commission.upcoming].flatMap((p) =>
          (p.accruals ?? []).map((a) => a.clientId),
        ),
      );
      expect(paid.size).toBeGreaterThan(0);
      await page.getByRole('link', { name: 'View full commission' }).click();
      const schedule = page.getByTestId('commission-actions');
      await schedule.waitFor();
      await listsCount(page, schedule, paid.size);
      await closeLists(page);
      expect(await page.getByTestId('commission-page').isVisible()).toBe(true);
      await checkScreen(page, 'report-actions-commission');
      await page.close();
    },
    SLOW,
  );
});
