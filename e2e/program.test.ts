// The console's program pages: an operator reads the program in force (rule sets on a
// timeline, each field with the rule set it comes from), starts a draft from it, halves Gold's
// threshold with the form, breaks the document (a syntax error by line, then a negative rate
// the server lists with its path, which also refuses a what-if), fixes it, runs a what-if
// (followed through a reload) and reads the movers, publishes with a note, finds the new
// version in the history with its diff, and restores the example program so that the other
// journeys see the demo as it was. The pages in Swedish and Dutch.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './browser.ts';
import { auditRow, baseUrl, checkScreen, choose, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;

/** A form field by its label; a required one's label ends with an asterisk. */
const field = (scope: Page | Locator, label: string) =>
  scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));
const editor = (page: Page) => page.getByLabel('Program file (JSON)');
const savedState = (page: Page) => page.getByTestId('draft-saved-state');

async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => savedState(page).textContent()).toBe('Saved');
  await expect.poll(() => page.getByRole('button', { name: 'Save the draft' }).isDisabled()).toBe(true);
}

describe('the program pages', () => {
  it('drafts a change, sees its problems, runs a what-if, publishes and compares versions', async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.operator);

    // The program in force: three rule sets, the newest in force, each field with its source.
    await page.getByRole('link', { name: 'Program', exact: true }).click();
    await page.getByRole('heading', { name: 'Rule sets' }).waitFor();
    const timeline = page.locator('[data-rule-set]');
    await expect.poll(() => timeline.count()).toBe(3);
    const latest = page.getByTestId('rule-set-2025-07');
    expect(await latest.locator('tr[data-field="tiers"]').getAttribute('data-source')).toBe('2025-07');
    expect(await latest.locator('tr[data-field="rates.sourced"]').textContent()).toContain(
      'Inherited from 2024-02',
    );
    expect(await latest.locator('tr[data-field="growthMarkets"]').textContent()).toContain(
      'Inherited from 2022-07',
    );
    expect(await timeline.nth(2).textContent()).toContain('In force today');
    await page.getByTestId('program-commission').getByText('20%').waitFor();
    await checkScreen(page, 'operator-program-en');

    // A draft of the published version.
    await page.getByRole('link', { name: 'Drafts', exact: true }).click();
    const name = `Gold for half ${Date.now()}`;
    await field(page, 'Name').fill(name);
    await page.getByRole('button', { name: 'Start the draft' }).click();
    await page.waitForURL(/\/operator\/program\/drafts\/[0-9a-f-]{36}$/);
    const draftUrl = page.url();
    await expect.poll(() => page.getByTestId('draft-name').textContent()).toBe(name);
    await editor(page).waitFor();
    expect(await editor(page).inputValue()).toContain('"total": 630');

    // The form: Gold's total points in the newest rule set, halved and saved.
    const quick = page.getByTestId('quick-edits');
    await expect.poll(() => field(quick, 'Points').inputValue()).toBe('630');
    await field(quick, 'Points').fill('315');
    await quick.getByRole('button', { name: 'Apply and save' }).click();
    await expect.poll(() => editor(page).inputValue()).toContain('"total": 315');
    await waitSaved(page);
    await page.getByTestId('draft-no-problems').waitFor();

    // The same document as YAML, and back.
    await page.getByText('YAML', { exact: true }).click();
    const yaml = page.getByLabel('Program file (YAML)');
    await expect.poll(() => yaml.inputValue()).toContain('name: Example Solutions Partner Program');
    expect(await yaml.inputValue()).toContain('total: 315');
    expect(await savedState(page).textContent()).toBe('Saved');
    await page.getByText('JSON', { exact: true }).click();
    await expect.poll(() => editor(page).inputValue()).toContain('"growthMarkets": ["IN", "BR"');

    // A syntax error is shown with its line before anything is saved.
    const text = await editor(page).inputValue();
    const broken = text.replace('"baseCurrency": "USD"', '"baseCurrency" "USD"');
    const brokenLine = text.split('\n').findIndex((line) => line.includes('"baseCurrency"')) + 1;
    expect(broken).not.toBe(text);
    await editor(page).fill(broken);
    await expect
      .poll(() => page.getByTestId('syntax-error').textContent())
      .toMatch(new RegExp(`^Not valid JSON at line ${brokenLine}, column \\d+`));
    expect(await page.getByRole('button', { name: 'Save the draft' }).isDisabled()).toBe(true);

    // A negative rate: saved, and the server's problem listed with its path and line.
    const negative = text.replace(/("id": "2024-02",[\s\S]*?"sourced": )5/, '$1-5');
    expect(negative).not.toBe(text);
    await editor(page).fill(negative);
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await waitSaved(page);
    const problem = page.getByTestId('draft-problems').locator('tr[data-path="ruleSets[1].rates.sourced"]');
    await problem.waitFor();
    await problem.getByRole('button', { name: /^Line \d+: ruleSets\[1\]\.rates\.sourced$/ }).waitFor();
    await page.getByText('1 problem', { exact: true }).first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen(page, 'operator-program-draft-invalid-en');

    // An invalid draft refuses a what-if, with every problem.
    await page.getByRole('tab', { name: 'What-if' }).click();
    await page.getByRole('button', { name: 'Run what-if' }).click();
    const refused = page.getByTestId('what-if-error');
    await refused.waitFor();
    await refused.locator('tr[data-path="ruleSets[1].rates.sourced"]').waitFor();

    // Fixed with the form: the sourced rate of 2024-02 back to 5.
    await page.getByRole('tab', { name: 'Edit' }).click();
    await quick.getByText('Change a rate', { exact: true }).click();
    await choose(quick, 'Rule set', '2024-02 (2024-02-27)');
    await field(quick, 'Points per 100').fill('5');
    await quick.getByRole('button', { name: 'Apply and save' }).click();
    await page.getByTestId('draft-no-problems').waitFor();
    await waitSaved(page);
    await page.getByRole('link', { name: 'Drafts', exact: true }).click();
    const listed = page.getByTestId('drafts').getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => listed.textContent()).toContain('Valid');
    await page.goto(draftUrl);

    // What-if: the job followed through a reload, then the movers.
    await page.getByRole('tab', { name: 'What-if' }).click();
    await page.getByRole('button', { name: 'Run what-if' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('whatIf')).toMatch(/^[0-9a-f-]{36}$/);
    const jobId = new URL(page.url()).searchParams.get('whatIf')!;
    await page.reload();
    const job = page.getByTestId('what-if-job');
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    expect(new URL(page.url()).searchParams.get('whatIf')).toBe(jobId);
    const tiers = page.getByTestId('what-if-tiers');
    await tiers.waitFor();
    const before = await tiers.locator('tbody tr td:nth-child(2)').allTextContents();
    const after = await tiers.locator('tbody tr td:nth-child(3)').allTextContents();
    const sum = (cells: string[]) => cells.reduce((n, c) => n + Number(c.replace(/\D/g, '')), 0);
    expect(sum(before)).toBe(40);
    expect(sum(after)).toBe(40);
    // Halving Gold lifts partners: more Gold or above after than before.
    expect(Number(await tiers.locator('tr[data-tier="none"] td').nth(1).textContent())).toBeLessThan(
      Number(await tiers.locator('tr[data-tier="none"] td').nth(0).textContent()),
    );
    await expect
      .poll(() => page.getByTestId('what-if-tier-chart').locator('.recharts-bar-rectangle').count())
      .toBeGreaterThan(0);
    const movers = page.getByTestId('what-if-movers').locator('tbody tr');
    await expect.poll(() => movers.count()).toBeGreaterThan(0);
    const moves = await movers.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-move')));
    expect(moves.every((m) => m !== '0')).toBe(true);
    const first = await movers.first().getAttribute('data-partner');
    await page.getByLabel('Partner ID').fill(first!);
    await expect.poll(() => movers.count()).toBe(1);
    await page.getByLabel('Partner ID').fill('');
    await page.getByText('Every change', { exact: true }).click();
    await expect.poll(() => movers.count()).toBeGreaterThanOrEqual(moves.length);
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(href).toBe(`/api/v1/program/what-if/${jobId}/export.csv`);
    const csv = await (await page.request.get(`${baseUrl()}${href}`)).text();
    expect(csv.split('\n')[0]).toContain('partner_id');
    expect(csv).toContain(first!);
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkScreen(page, 'operator-program-what-if-en');

    // Publish with a note: the history shows the new version in force, and the diff.
    await page.getByRole('tab', { name: 'Publish' }).click();
    const note = `Gold needs half the points (${name})`;
    await field(page, 'Note').fill(note);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForURL(/\/operator\/program\/history\?published=\d+/, { timeout: 60_000 });
    const version = Number(new URL(page.url()).searchParams.get('published'));
    await page.getByTestId('published-version').waitFor();
    const row = page.getByTestId('versions').locator(`tr[data-version="${version}"]`);
    expect(await row.getAttribute('data-current')).toBe('true');
    expect(await row.textContent()).toContain(note);
    expect(await row.textContent()).toContain(DEMO.operator);
    const diff = page.getByTestId('version-diff');
    const gold = diff.locator('tr[data-path="ruleSets[2].tiers[0].total"]');
    await gold.waitFor();
    expect(await gold.getAttribute('data-change')).toBe('changed');
    expect(await gold.locator('td').allTextContents()).toEqual([
      'ruleSets[2].tiers[0].total2025-07 › Tiers and thresholds › Gold › Total points',
      'Changed',
      '630',
      '315',
    ]);
    expect(await diff.locator('tbody tr').count()).toBe(1);
    await checkScreen(page, 'operator-program-history-en');

    // The program page shows the published version.
    await page.getByRole('link', { name: 'Published program' }).click();
    await expect
      .poll(() => page.getByTestId('program-version').textContent())
      .toContain(`Version ${version}`);
    expect(
      await page.getByTestId('rule-set-2025-07').locator('tr[data-tier="gold"]').textContent(),
    ).toContain('315');

    for (const [label, title, views, locale] of [
      ['Svenska', 'Program', 'Historik', 'sv'],
      ['Nederlands', 'Programma', 'Geschiedenis', 'nl'],
    ] as const) {
      await choose(page, language, label);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
      await checkScreen(page, `operator-program-${locale}`);
      await page.getByRole('link', { name: views }).click();
      await page.getByTestId('version-diff').waitFor();
      await checkScreen(page, `operator-program-history-${locale}`);
      await page
        .getByRole('link', { name: label === 'Svenska' ? 'Publicerat program' : 'Gepubliceerd programma' })
        .click();
    }
    await choose(page, language, 'English');

    // The example program back in force (a restore is a publish too), for the other journeys.
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Restore version 0' }).click();
    await field(page, 'Why restore version 0?').fill('Back to the example program after the journey');
    await page.getByRole('button', { name: 'Restore version 0' }).last().click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('published'), { timeout: 60_000 })
      .toBe(String(version + 1));
    const restored = page.getByTestId('versions').locator(`tr[data-version="${version + 1}"]`);
    await expect.poll(() => restored.textContent()).toContain('Restores version 0');

    // The audit log holds the publish.
    const audited = await auditRow(page, 'program.publish', DEMO.operator);
    expect(await audited.textContent()).toContain('Program published');
    await page.close();
  });
});
