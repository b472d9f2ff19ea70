// The console's backups: the server's daily backup is listed, an operator backs up now and
// the new one is listed first with its versions and a download; the restore command is shown.
import { describe, expect, it } from 'vitest';
import { signIn } from './browser.ts';
import { auditRow, baseUrl, checkScreen, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();

describe('the backups page', () => {
  it('lists backups, backs up now and offers the download and the restore command', async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.operator);
    await page.getByRole('link', { name: 'Backups' }).click();
    const table = page.getByTestId('backups');
    await table.waitFor();
    const before = await table.locator('tbody tr').count();
    expect(before).toBeGreaterThan(0); // the daily backup taken at start
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page
      .getByRole('status')
      .getByText(/^Backup tierwise-\d{8}T\d{6}Z\.zip taken\.$/)
      .waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(before + 1);
    const first = table.locator('tbody tr').first();
    expect(await first.locator('td').nth(2).textContent()).toMatch(/^\d+$/);
    const href = await first.getByRole('link', { name: /^Download the backup taken/ }).getAttribute('href');
    const file = await page.request.get(new URL(href!, baseUrl()).toString());
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('application/zip');
    await page.getByText('tierwise restore tierwise-YYYYMMDDTHHMMSSZ.zip --force').waitFor();
    await checkScreen(page, 'operator-backups-en');
    await auditRow(page, 'backup.create', /tierwise-\d{8}T\d{6}Z\.zip/);
  });
});
