// Journeys on a report's actions and the Lists page: from a tier point-change figure,
// export its unsummarized data as CSV and as XLSX (the downloaded files checked), put its
// clients in a new list, add the clients of another figure to it, then on the Lists page
// see the list with its size, remove a member, see it in Swedish, and delete the list.
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Breakdown, PointChangeItems, PointChanges, Summary } from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import {
  type ApiSession,
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

/** The distinct clients of a point-change report, every page read. */
async function reportClients(api: ApiSession, query: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const answer = await api.get<PointChangeItems>(
      `/api/v1/partners/${api.partnerId}/point-changes/items?${query}&page=${page}&pageSize=500`,
    );
    for (const item of answer.items) ids.add(item.clientId);
    if (answer.items.length === 0 || page * answer.pageSize >= answer.total) return ids;
  }
}

async function openFigure(page: Page, figure: string): Promise<void> {
  await page.locator(`[data-testid="point-changes"] button[data-category="${figure}"]`).first().click();
  await page.getByTestId('report').getByTestId('report-row').first().waitFor();
}

/** Exports from `scope` (the report dialog, or the page where it has one Export action). */
const download = (page: Page, format: 'CSV' | 'XLSX (Excel)', scope: Locator = page.getByTestId('report')) =>
  exportFile(page, scope, { format });

async function closeDialogs(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('lists-dialog').waitFor({ state: 'detached' });
  // Focus goes back to the action that opened the dialog; Escape then closes the report.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('lists-action');
  await page.keyboard.press('Escape');
  await page.getByTestId('report').waitFor({ state: 'hidden' });
}

async function setLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole('combobox', { name: /^(Language|Språk|Taal)$/ }).click();
  await page.getByRole('option', { name: language }).click();
}

describe('a report in lists and exports', () => {
  it(
    'exports a figure as CSV and XLSX, makes a list of its clients and another figure’s, and manages it on the Lists page',
    async () => {
      const api = await apiAs(DEMO.topAdmin);
      const partnerId = api.partnerId ?? '';
      const { today } = await api.get<Summary>(`/api/v1/partners/${partnerId}/dashboard`);
      const page = await browser().context.newPage();
      await signIn(page, baseUrl(), DEMO.topAdmin);
      await panelsLoaded(page);
      await choose(page.locator('[data-panel="point-changes"]'), 'Date range', 'Last 12 months');
      const from = await page.locator('[data-panel="point-changes"]').getByLabel('From').inputValue();
      const figures = await api.get<PointChanges>(
        `/api/v1/partners/${partnerId}/point-changes?from=${from}&to=${today}`,
      );
      const sold = figures.newSold > 0 ? 'newSold' : 'increasedSold';
      const lost =
        figures.expiredSold > 0
          ? 'expiredSold'
          : figures.decreasedSold > 0
            ? 'decreasedSold'
            : 'declinedSold';
      expect(
        figures[sold] + figures[lost],
        'a year of a large partner has sold and lost points',
      ).toBeGreaterThan(0);
      await panelsLoaded(page);

      // Export the figure shown (its part, in the range) as CSV, then as XLSX.
      await openFigure(page, 'wonSold');
      await page.getByTestId('report').getByTestId('export-action').click();
      const name = page.getByTestId('export-dialog').getByLabel('Name of the export');
      expect(await name.inputValue()).toMatch(new RegExp(`^New sold points, \\w+ ${from} to ${today}$`));
      await checkScreen(page, 'report-export-dialog');
      await page.keyboard.press('Escape');
      await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
      const csv = await download(page, 'CSV');
      const text = csv.file.toString('utf8').replace(/^\uFEFF/, '');
      expect(text.split(/\r?\n/)[0]).toMatch(/^partner_id,client_id,client_name/);
      expect(csv.name).toMatch(/\.csv$/);
      const xlsx = await download(page, 'XLSX (Excel)');
      expect(xlsx.file.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(xlsx.name).toMatch(/\.xlsx$/);

      // Use in lists → a new list of the report's clients.
      const first = await reportClients(api, `category=${sold}&from=${from}&to=${today}`);
      const listName = `Journey list ${Date.now()}`;
      await page.getByTestId('report').getByTestId('lists-action').click();
      const dialog = page.getByTestId('lists-dialog');
      await expect
        .poll(() => dialog.getByTestId('lists-count').textContent())
        .toContain(`${first.size} client`);
      await dialog.getByLabel('Name of the new list').fill(listName);
      await dialog.getByTestId('lists-submit').click();
      await expect
        .poll(() => dialog.getByTestId('lists-done').textContent())
        .toContain(`List “${listName}” created with ${first.size} client`);
      await checkScreen(page, 'report-lists-created');
      await closeDialogs(page);

      // Another figure's clients added to it: only the new ones count as added.
      await openFigure(page, 'lostSold');
      // The figure opens on its first part with points: `lost`.
      const second = await reportClients(api, `category=${lost}&from=${from}&to=${today}`);
      const added = [...second].filter((id) => !first.has(id)).length;
      await page.getByTestId('report').getByTestId('lists-action').click();
      await expect
        .poll(() => dialog.getByTestId('lists-count').textContent())
        .toContain(`${second.size} client`);
      await dialog.getByText('Add to an existing static list').click();
      await choose(dialog, 'List', `${listName} (${first.size})`);
      await dialog.getByTestId('lists-submit').click();
      await expect
        .poll(() => dialog.getByTestId('lists-done').textContent())
        .toContain(`${added} client${added === 1 ? '' : 's'} added to “${listName}”`);
      await checkScreen(page, 'report-lists-added');
      await closeDialogs(page);

      // The Lists page: the list with its size; open it, remove a member.
      const size = new Set([...first, ...second]).size;
      await page.getByRole('link', { name: 'Lists' }).click();
      await page.waitForURL(/\/lists/);
      const row = page.getByTestId('list-row').filter({ hasText: listName });
      await expect
        .poll(() => row.getByTestId('list-size').textContent())
        .toBe(`${size} client${size === 1 ? '' : 's'}`);
      await checkScreen(page, 'lists-en');
      await row.getByRole('button', { name: `Open list ${listName}` }).click();
      const members = page.getByTestId('list-members').getByTestId('member-row');
      await expect.poll(() => members.count()).toBe(Math.min(size, 25));
      const gone = await members.first().getAttribute('data-client-id');
      await members
        .first()
        .getByRole('button', { name: /^Remove / })
        .click();
      await page.getByTestId('member-removed').waitFor();
      await expect.poll(() => members.count()).toBe(Math.min(size - 1, 25));
      expect(await page.locator(`[data-testid="member-row"][data-client-id="${gone}"]`).count()).toBe(0);
      await expect
        .poll(() => row.getByTestId('list-size').textContent())
        .toBe(`${size - 1} client${size - 1 === 1 ? '' : 's'}`);
      await panelsLoaded(page);
      await checkScreen(page, 'list-detail-en');
      // The list exported: one row per member left, with its figures.
      const [listFile] = (await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Export CSV' }).click(),
      ])) as [Download, unknown];
      const listCsv = (await readFile(await listFile.path())).toString('utf8').replace(/^\uFEFF/, '');
      expect(listCsv.split('\n')[0]).toMatch(/^client_id,client_name,relationship,/);
      expect(listCsv.trim().split('\n').length - 1).toBe(size - 1);

      // The same page in Swedish.
      await setLanguage(page, 'Svenska');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Listor');
      expect(await row.getByTestId('list-size').textContent()).toMatch(/kund(er)?$/);
      await checkScreen(page, 'lists-sv');
      await setLanguage(page, 'English');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lists');

      // Delete it, with confirmation.
      await page.getByRole('button', { name: `Delete list ${listName}` }).click();
      await page.getByRole('button', { name: 'Delete it and its members' }).click();
      await expect
        .poll(() => page.getByTestId('lists-notice').textContent())
        .toBe(`List “${listName}” deleted.`);
      await expect.poll(() => page.getByTestId('list-row').filter({ hasText: listName }).count()).toBe(0);
      await page.close();
    },
    SLOW,
  );

  it(
    'exports the points breakdown’s sold entries, lists its clients, and renames and deletes that list',
    async () => {
      const api = await apiAs(DEMO.goldUser);
      const partnerId = api.partnerId ?? '';
      const clients = new Set<string>();
      for (let n = 1; ; n++) {
        const answer = await api.get<Breakdown>(
          `/api/v1/partners/${partnerId}/tier/breakdown?sort=total&dir=desc&page=${n}&pageSize=500`,
        );
        for (const item of answer.items) clients.add(item.clientId);
        if (answer.items.length === 0 || n * answer.pageSize >= answer.total) break;
      }
      const page = await browser().context.newPage();
      await signIn(page, baseUrl(), DEMO.goldUser);
      await page.goto(`${baseUrl()}/partners/${partnerId}/tier?tab=breakdown`);
      await page.getByTestId('breakdown-table').waitFor({ timeout: 60_000 });
      await panelsLoaded(page);
      await checkScreen(page, 'tier-breakdown-actions');
      const csv = await download(page, 'CSV', page.locator('body'));
      const lines = csv.file
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/);
      expect(lines[0]).toMatch(/^partner_id,client_id,client_name,product,deal_type,earned_on,expires_on/);
      expect(lines.length, 'a header and the sold entries').toBeGreaterThan(1);

      const listName = `Breakdown list ${Date.now()}`;
      await page.getByTestId('lists-action').click();
      const dialog = page.getByTestId('lists-dialog');
      await expect
        .poll(() => dialog.getByTestId('lists-count').textContent())
        .toContain(`${clients.size} client`);
      await dialog.getByLabel('Name of the new list').fill(listName);
      await dialog.getByTestId('lists-submit').click();
      await expect
        .poll(() => dialog.getByTestId('lists-done').textContent())
        .toContain(`List “${listName}” created with ${clients.size} client`);
      await dialog.getByRole('link', { name: 'Open the Lists page' }).click();
      await page.waitForURL(/\/lists$/);
      await page.getByRole('button', { name: `Open list ${listName}` }).click();
      await page.getByTestId('list-detail').getByLabel('Name of the list').fill(`${listName} (renamed)`);
      await page.getByRole('button', { name: 'Rename' }).click();
      await expect
        .poll(() =>
          page
            .getByTestId('list-row')
            .filter({ hasText: `${listName} (renamed)` })
            .count(),
        )
        .toBe(1);
      await page.getByRole('button', { name: `Delete list ${listName} (renamed)` }).click();
      await page.getByRole('button', { name: 'Delete it and its members' }).click();
      await expect.poll(() => page.getByTestId('list-row').filter({ hasText: listName }).count()).toBe(0);
      await page.close();
    },
    SLOW,
  );
});
