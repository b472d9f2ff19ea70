// Journey on Save as report and the dashboard cards: from a tier point-change figure, save
// the report with a relative range and add it to the dashboard; the card shows the dialog's
// figure; a second card, reordered; one removed; on the Reports page the report opened,
// duplicated, its copy exported as CSV (the header row is the columns chosen) and deleted;
// the page in Swedish.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PointChanges, Summary } from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import { apiAs, baseUrl, checkScreen, choose, DEMO, panelsLoaded, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const SLOW = 180_000;

/** The digits of a formatted number ("+1,234.5" and "1,234.5 points" both read 1234.5). */
const amount = (text: string | null) => Math.abs(Number((text ?? '').replace(/[^\d.]/g, '')));

async function openFigure(page: Page, figure: string): Promise<void> {
  await page.locator(`[data-testid="point-changes"] button[data-category="${figure}"]`).first().click();
  await page.getByTestId('report').getByTestId('report-row').first().waitFor();
}

async function setLanguage(page: Page, language: string): Promise<void> {
  await page.getByRole('combobox', { name: /^(Language|Språk|Taal)$/ }).click();
  await page.getByRole('option', { name: language }).click();
}

const cardIds = (page: Page) =>
  page.getByTestId('dashboard-card').evaluateAll((all) => all.map((c) => c.getAttribute('data-report-id')));

describe('saved reports and dashboard cards', () => {
  it(
    'saves a figure as a report on the dashboard, reorders and removes cards, and duplicates, exports and deletes on the Reports page',
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
      // A figure of one part: its total is the saved report's figure.
      const figure = figures.newManaged !== 0 ? 'newManaged' : 'lostManaged';
      expect(figures[figure], 'a year of a large partner has managed point changes').not.toBe(0);
      await panelsLoaded(page);
      await openFigure(page, figure);
      const total = await page.getByTestId('report-total').textContent();

      // Save as report: a relative range of the dialog's days, three columns, and on the dashboard.
      const stamp = Date.now();
      const name = `Journey report ${stamp}`;
      await page.getByTestId('report').getByTestId('save-report-action').click();
      const panel = page.getByTestId('save-report-panel');
      await panel.waitFor();
      expect(await panel.getByLabel('Name of the report').inputValue()).toMatch(/managed points$/);
      await panel.getByLabel('Name of the report').fill(name);
      await panel.getByText('Last N days', { exact: true }).click();
      const days = Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000) + 1;
      expect(await panel.getByLabel('Number of days').inputValue()).toBe(String(days));
      await panel.getByLabel('All columns').uncheck();
      for (const column of ['client_id', 'client_name', 'points'])
        await panel.getByLabel(column, { exact: true }).check();
      await checkScreen(page, 'save-report-panel');
      await panel.getByTestId('save-report-add').click();
      await expect
        .poll(() => panel.getByTestId('save-report-done').textContent())
        .toContain(`Report “${name}” saved and added to your dashboard.`);
      // A second report, a fixed range, saved and added too.
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      const second = `Journey fixed ${stamp}`;
      await page.getByTestId('report').getByTestId('save-report-action').click();
      await panel.getByLabel('Name of the report').fill(second);
      await panel.getByTestId('save-report-add').click();
      await panel.getByTestId('save-report-done').waitFor();
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      await page.keyboard.press('Escape');
      await page.getByTestId('report').waitFor({ state: 'hidden' });

      // The cards on the dashboard: the saved figure, the dialog's total.
      const card = page.getByTestId('dashboard-card').filter({ hasText: name });
      await card.waitFor();
      expect(amount(await card.getByTestId('card-figure').textContent())).toBe(amount(total));
      expect(await card.getByTestId('card-figure').textContent()).toMatch(/points$/);
      const secondCard = page.getByTestId('dashboard-card').filter({ hasText: second });
      await secondCard.waitFor();
      const firstId = await card.getAttribute('data-report-id');
      const secondId = await secondCard.getAttribute('data-report-id');
      const before = await cardIds(page);
      expect(before.indexOf(firstId)).toBeLessThan(before.indexOf(secondId));
      await panelsLoaded(page);
      await checkScreen(page, 'dashboard-cards');
      // Move the second card left: it comes before the first.
      await secondCard.getByRole('button', { name: `Move left: ${second}` }).click();
      await expect
        .poll(async () => {
          const ids = await cardIds(page);
          return ids.indexOf(secondId) < ids.indexOf(firstId);
        })
        .toBe(true);
      // Remove the second card (its report stays).
      await secondCard.getByRole('button', { name: `Remove from dashboard: ${second}` }).click();
      await expect.poll(() => secondCard.count()).toBe(0);

      // A card opens its report on the Reports page.
      await card.getByTestId('card-name').click();
      await page.waitForURL(/\/reports\?report=/);
      const detail = page.getByTestId('saved-report-detail');
      await detail.getByTestId('saved-report-figure').waitFor();
      expect(amount(await detail.getByTestId('saved-report-figure').textContent())).toBe(amount(total));
      const row = page.locator(`[data-testid="saved-report-row"][data-report-id="${firstId}"]`);
      expect(await row.textContent()).toContain(`Last ${days} days`);
      await panelsLoaded(page);
      await checkScreen(page, 'reports-en');

      // Duplicate it: the copy opens; its CSV has the chosen columns.
      await detail.getByRole('button', { name: 'Duplicate' }).click();
      const copy = `${name} (copy)`;
      await expect
        .poll(() => page.getByTestId('reports-notice').textContent())
        .toBe(`Report “${copy}” created.`);
      await expect.poll(() => page.locator('#report-title').textContent()).toBe(copy);
      const [file] = (await Promise.all([
        page.waitForEvent('download'),
        detail.getByRole('link', { name: 'Export CSV' }).click(),
      ])) as [Download, unknown];
      const csv = (await readFile(await file.path())).toString('utf8').replace(/^\uFEFF/, '');
      expect(csv.split(/\r?\n/)[0]).toBe('client_id,client_name,points');
      await panelsLoaded(page);
      await checkScreen(page, 'report-detail-en');

      // Edit the copy in the same panel (PATCH): renamed, its columns kept.
      const renamed = `Journey edited ${stamp}`;
      await detail.getByRole('button', { name: 'Edit', exact: true }).click();
      const editPanel = page.getByTestId('save-report-panel');
      await editPanel.waitFor();
      expect(await editPanel.getByLabel('points', { exact: true }).isChecked()).toBe(true);
      expect(await editPanel.getByLabel('product', { exact: true }).isChecked()).toBe(false);
      await editPanel.getByLabel('Name of the report').fill(renamed);
      await editPanel.getByTestId('save-report-submit').click();
      await expect
        .poll(() => editPanel.getByTestId('save-report-done').textContent())
        .toContain(`Report “${renamed}” saved.`);
      await page.keyboard.press('Escape');
      await editPanel.waitFor({ state: 'hidden' });
      await expect.poll(() => page.locator('#report-title').textContent()).toBe(renamed);

      // The page in Swedish.
      await setLanguage(page, 'Svenska');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Rapporter');
      expect(await row.textContent()).toContain(`Senaste ${days} dagarna`);
      // The notice follows the language.
      expect(await page.getByTestId('reports-notice').textContent()).toBe(`Rapporten ”${copy}” skapades.`);
      await checkScreen(page, 'reports-sv');
      await setLanguage(page, 'English');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reports');

      // Delete the copy, then the others (their cards go with them).
      for (const doomed of [renamed, second, name]) {
        const title = page.locator('#report-title');
        if ((await title.count()) === 0 || (await title.textContent()) !== doomed)
          await page.getByRole('button', { name: `Open report ${doomed}`, exact: true }).click();
        await expect.poll(() => page.locator('#report-title').textContent()).toBe(doomed);
        await page.getByRole('button', { name: `Delete report ${doomed}`, exact: true }).click();
        await page.getByRole('button', { name: 'Delete the report' }).click();
        await expect
          .poll(() => page.getByTestId('reports-notice').textContent())
          .toBe(`Report “${doomed}” deleted.`);
      }
      await expect
        .poll(() =>
          page
            .getByTestId('saved-report-row')
            .filter({ hasText: `${stamp}` })
            .count(),
        )
        .toBe(0);
      await page.close();
    },
    SLOW,
  );
});
