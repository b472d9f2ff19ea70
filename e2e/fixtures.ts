// What every journey shares: the demo server's address, its accounts, a browser per file,
// and the API as the same user sees it (to compare the screen with the data).
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { type Browser, DEMO_PASSWORD, launch, screenshot, seriousViolations } from './browser.ts';

export const DEMO = {
  operator: 'operator@demo.tierwise.test',
  /** The partner admin of the demo's largest partner with a tier. */
  topAdmin: 'top-admin@demo.tierwise.test',
  goldUser: 'gold-user@demo.tierwise.test',
  /** A user of a partner with no tier. */
  newUser: 'new-user@demo.tierwise.test',
} as const;

export function baseUrl(): string {
  return inject('baseUrl');
}

/** One Chromium for the file's journeys; each journey opens its own page (own cookies via a new context is not needed: sign-in rotates the session). */
export function sharedBrowser(options?: Parameters<typeof launch>[0]): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser has not started');
    return browser;
  };
}

export interface ApiSession {
  get<T>(path: string): Promise<T>;
  /** A write as the same user (with the CSRF token): its status and JSON answer. */
  post<T>(path: string, body: unknown): Promise<{ status: number; body: T }>;
  partnerId: string | null;
}

/** Signs in through the API (not the browser) to read what the screen should show. */
export async function apiAs(email: string): Promise<ApiSession> {
  const response = await fetch(`${baseUrl()}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await response.json()) as { user: { partnerId: string | null }; csrfToken: string };
  return {
    partnerId: me.user.partnerId,
    async post<T>(path: string, body: unknown) {
      const answer = await fetch(`${baseUrl()}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(body),
      });
      const text = await answer.text();
      return { status: answer.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    async get<T>(path: string): Promise<T> {
      const answer = await fetch(`${baseUrl()}${path}`, { headers: { cookie } });
      expect(answer.status, path).toBe(200);
      return (await answer.json()) as T;
    },
  };
}

/** Screenshot the page (CI artifact) and assert axe-core finds nothing serious or critical. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  // The screen at rest: no pointer over a control (hover and press colours), no dialog or
  // menu still fading in or out.
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
  );
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  expect(
    violations.map(
      (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ),
    `axe-core on ${name}`,
  ).toEqual([]);
}

/** Waits until the signed-in layout shows a page and nothing on it is loading (page or panel). */
export async function panelsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('[data-testid="app-main"]');
      return (
        main !== null &&
        main.childElementCount > 0 &&
        document.querySelectorAll('[aria-busy="true"]').length === 0
      );
    },
    undefined,
    { timeout: 20_000 },
  );
}

/** Signs in as the demo operator, who starts in the console (not on a partner's dashboard). */
export async function signInOperator(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel(/email|e-post|e-mail/i).fill(DEMO.operator);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(/\/operator$/);
}

/** The console's frame has its own main area: waits for a heading and nothing loading. */
export async function consoleLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('main h1') !== null &&
      document.querySelectorAll('[aria-busy="true"]').length === 0,
    undefined,
    { timeout: 20_000 },
  );
}

/** Picks an option of a Mantine Select (a combobox and its listbox), retrying while its dropdown animates. */
export async function choose(
  scope: Page | Locator,
  combobox: string | RegExp,
  option: string,
): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  for (let attempt = 1; ; attempt++) {
    await scope.getByRole('combobox', { name: combobox }).click();
    try {
      await page.getByRole('option', { name: option, exact: true }).click({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/**
 * Opens the audit log filtered to one action (the operator's page must be signed in) and
 * returns the newest row of that action whose text matches: each journey checks its own
 * changes were recorded.
 */
export async function auditRow(page: Page, action: string, text: string | RegExp): Promise<Locator> {
  await page.goto(`${baseUrl()}/operator/audit?action=${encodeURIComponent(action)}`);
  const rows = page.getByTestId('audit-log').locator('tbody tr[data-action]');
  await rows.first().waitFor();
  await expect
    .poll(() => rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-action'))))
    .toEqual(expect.arrayContaining([action]));
  expect(new Set(await rows.evaluateAll((all) => all.map((r) => r.getAttribute('data-action'))))).toEqual(
    new Set([action]),
  );
  const row = rows.filter({ hasText: text }).first();
  await row.waitFor();
  return row;
}

/**
 * Exports through the Export action in `scope`: chooses the format (after it, `screen` is
 * checked with the dialog open), downloads, and waits for the dialog to close.
 */
export async function exportFile(
  page: Page,
  scope: Locator,
  options: { format?: 'CSV' | 'XLSX (Excel)'; screen?: string } = {},
): Promise<{ file: Buffer; name: string }> {
  await scope.getByTestId('export-action').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.waitFor();
  await dialog.getByText(options.format ?? 'CSV', { exact: true }).click();
  if (options.screen) await checkScreen(page, options.screen);
  const [event] = (await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('export-submit').click(),
  ])) as [Download, unknown];
  const file = await readFile(await event.path());
  await dialog.waitFor({ state: 'hidden' });
  return { file, name: event.suggestedFilename() };
}
