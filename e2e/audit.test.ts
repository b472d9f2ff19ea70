// The console's audit log: an operator revokes a token and finds it in the log by action,
// reads its before/after, narrows by actor and partner, keeps the filters through a reload
// and exports them as CSV; the demo's own import is there, by the command line. The page in
// Swedish and Dutch. Each other journey checks its own changes in the log (auditRow).
import { describe, expect, it } from 'vitest';
import { signIn } from './browser.ts';
import { auditRow, baseUrl, checkScreen, choose, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;

describe('the audit log', () => {
  it('finds a change by action, actor and partner, shows what changed, exports the view', async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.operator);

    // A change to find: a token created and revoked.
    await page.getByRole('link', { name: 'API tokens and webhooks' }).click();
    await page.getByTestId('api-tokens').waitFor();
    const name = `Audit journey ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByTestId('new-token').waitFor();
    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    await page.getByRole('button', { name: 'Revoke now' }).click();
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByText(/^Revoked/)
      .waitFor();

    // The log, newest first, then filtered to the revocations through the action filter.
    await page.getByRole('link', { name: 'Audit log' }).click();
    const table = page.getByTestId('audit-log');
    const actions = () =>
      table.locator('tbody tr[data-action]').evaluateAll((rows) => rows.map((r) => r.dataset.action));
    await table.waitFor();
    expect(await actions()).toContain('api_token.revoke');
    await choose(page, 'Action', 'API token revoked');
    await expect.poll(async () => [...new Set(await actions())]).toEqual(['api_token.revoke']);
    expect(page.url()).toContain('action=api_token.revoke');
    const row = table.locator('tbody tr[data-action]').first();
    expect(await row.textContent()).toContain(name);
    expect(await row.textContent()).toContain(DEMO.operator);
    await row.getByRole('button', { name: /^Show the changes of API token revoked/ }).click();
    const changes = page.getByTestId('audit-changes');
    await changes.waitFor();
    expect(await changes.locator('tr[data-changed]').count()).toBeGreaterThan(0);
    await checkScreen(page, 'operator-audit-en');

    // The filters live in the URL: a reload keeps them; the export has the same view.
    await page.reload();
    await expect.poll(async () => [...new Set(await actions())]).toEqual(['api_token.revoke']);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toBe('/api/v1/audit-log/export.csv?action=api_token.revoke');
    const csv = await (await page.request.get(`${baseUrl()}${href}`)).text();
    const lines = csv.trim().split('\n');
    expect(lines[0]).toContain('actor_email');
    expect(lines.slice(1).every((line) => line.includes(',api_token.revoke,'))).toBe(true);
    expect(csv).toContain(name);

    // By actor: only the operator's own entries.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    const actor = page.getByLabel('Actor (email)');
    await actor.fill(DEMO.operator);
    await actor.press('Enter');
    await expect.poll(() => page.url()).toContain(`actor=${encodeURIComponent(DEMO.operator)}`);
    const actors = () =>
      table
        .locator('tbody tr[data-action] td:nth-child(2)')
        .evaluateAll((cells) => cells.map((c) => c.textContent));
    await expect.poll(async () => [...new Set(await actors())]).toEqual([DEMO.operator]);

    // The demo's first load, by the command line; an unknown partner matches nothing.
    const seeded = await auditRow(page, 'import.run', 'Command line');
    expect(await seeded.textContent()).toContain('Data imported');
    await page.getByLabel('Partner ID').fill('NO-SUCH-PARTNER');
    await page.getByLabel('Partner ID').press('Enter');
    await page.getByText('No entries match these filters.').waitFor();

    for (const [label, title, locale] of [
      ['Svenska', 'Granskningslogg', 'sv'],
      ['Nederlands', 'Auditlog', 'nl'],
    ] as const) {
      await page.goto(`${baseUrl()}/operator/audit?action=api_token.revoke`);
      await choose(page, language, label);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
      await table.locator('tbody tr[data-action]').first().waitFor();
      await table.locator('tbody tr[data-action]').first().getByRole('button').click();
      await changes.waitFor();
      await checkScreen(page, `operator-audit-${locale}`);
    }
    await choose(page, language, 'English');
    await page.close();
  });
});
