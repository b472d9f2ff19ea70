// The console's imports page: an operator uploads the demo folder's files (the same data the
// demo server started with, so other journeys see nothing change), follows the progress,
// reloads and still follows it, and reads the result per file; then uploads a partners file
// with errors, reads every one as file:line: column: message, downloads errors.csv, and sees
// both imports in the history. The page in Swedish and Dutch.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SIZE, generateDataset } from '../src/features/demo/generate.ts';
import { writeDatasetFolder } from '../src/features/demo/write-folder.ts';
import { signIn } from './browser.ts';
import { auditRow, baseUrl, checkScreen, choose, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;
const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** The demo folder the server loaded on first start (same seed, same end day). */
async function demoFolder(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-e2e-demo-'));
  folders.push(dir);
  const today = new Date().toISOString().slice(0, 10);
  await writeDatasetFolder(generateDataset({ ...DEMO_SIZE, seed: 'tierwise-demo', endDate: today }), dir);
  return readdirSync(dir).map((name) => join(dir, name));
}

async function openImports(page: Page): Promise<void> {
  await signIn(page, baseUrl(), DEMO.operator);
  await page.getByRole('link', { name: 'Imports' }).click();
  await page.getByRole('heading', { name: 'Upload files' }).waitFor();
}

async function upload(page: Page, files: string[] | { name: string; buffer: Buffer }[]): Promise<string> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Files', exact: true }).click(),
  ]);
  await chooser.setFiles(files as string[]);
  const followed = () => new URL(page.url()).searchParams.get('import');
  const before = followed();
  await page.getByRole('button', { name: 'Upload and import' }).click();
  await expect.poll(followed).not.toBe(before);
  return followed()!;
}

const current = (page: Page) => page.getByTestId('import-current');

describe('the imports page', () => {
  it('imports the demo files with live progress, and shows every error of a broken file', async () => {
    const page = await browser().context.newPage();
    await openImports(page);

    const files = await demoFolder();
    const importId = await upload(page, files);
    // A reload keeps following the import (its id is in the URL).
    await page.reload();
    await current(page).waitFor();
    expect(new URL(page.url()).searchParams.get('import')).toBe(importId);
    await expect.poll(() => current(page).getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    await expect
      .poll(() => page.getByTestId('import-outcome').textContent())
      .toMatch(/^Imported: [\d,]+ rows/);
    const counts = page.getByTestId('import-counts');
    await counts.getByRole('row', { name: /^partners\.csv 40 / }).waitFor();
    // The same data again: every partner row is unchanged.
    await expect
      .poll(() =>
        counts
          .getByRole('row', { name: /^partners\.csv/ })
          .locator('td')
          .allTextContents(),
      )
      .toEqual(['partners.csv', '40', '0', '0', '40', '0']);
    expect(await counts.locator('tbody tr').count()).toBe(files.length);
    await checkScreen(page, 'operator-imports-result-en');

    const broken = Buffer.from(
      'partner_id,name,country,currency,website\nE2E-1,Broken One,US,DOLLARS,\nE2E-2,,SE,SEK,\n',
    );
    const failedId = await upload(page, [{ name: 'partners.csv', buffer: broken }]);
    expect(failedId).not.toBe(importId);
    await expect.poll(() => current(page).getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    await expect
      .poll(() => page.getByTestId('import-outcome').textContent())
      .toBe('Nothing was imported: the files have 2 errors. Correct them and upload again.');
    const errors = page.getByTestId('import-errors').locator('tbody tr');
    await expect.poll(() => errors.count()).toBe(2);
    expect(await errors.nth(0).locator('td').allTextContents()).toEqual(
      expect.arrayContaining(['partners.csv', '2', 'currency']),
    );
    expect(await errors.nth(1).locator('td').allTextContents()).toEqual(
      expect.arrayContaining(['partners.csv', '3', 'name']),
    );
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download every error (errors.csv)' }).click();
    const csv = await (await (await download).createReadStream()).toArray();
    const text = Buffer.concat(csv).toString('utf8');
    expect(text).toContain('file,line,column,message');
    expect(text).toContain('partners.csv,2,currency,');
    await checkScreen(page, 'operator-imports-errors-en');

    // Both in the history, newest first; opening the older one shows its result again.
    const history = page.getByTestId('import-history').locator('tbody tr');
    await expect.poll(() => history.nth(0).textContent()).toMatch(/Failed$/);
    await expect.poll(() => history.nth(1).textContent()).toMatch(/Imported$/);
    await history.nth(1).getByRole('button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('import')).toBe(importId);
    await page.getByTestId('import-counts').waitFor();

    for (const [label, title, locale] of [
      ['Svenska', 'Importer', 'sv'],
      ['Nederlands', 'Imports', 'nl'],
    ] as const) {
      await choose(page, language, label);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
      await page.getByTestId('import-counts').waitFor();
      await checkScreen(page, `operator-imports-${locale}`);
    }
    await choose(page, language, 'English');

    // The audit log holds the operator's import (a refused one changed nothing to record).
    const audited = await auditRow(page, 'import.run', importId);
    expect(await audited.textContent()).toContain(DEMO.operator);
    await page.close();
  });
});
