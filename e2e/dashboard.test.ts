// Journeys on the dashboard's frame and its top panels: sign in and out, program progress
// and tier progress as the API says, languages, the operator's partner switcher, and a
// partner user who edits the URL to reach another partner.
import { describe, expect, it } from 'vitest';
import type { Summary, TierProgress } from '../web/src/lib/api-types.ts';
import { DEMO_PASSWORD, signIn } from './browser.ts';
import { apiAs, baseUrl, checkScreen, choose, DEMO, panelsLoaded, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const points = (value: number, locale = 'en-US') =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

describe('signing in', () => {
  it('shows the sign-in page to a visitor and brings them back where they were going', async () => {
    const page = await browser().context.newPage();
    const api = await apiAs(DEMO.goldUser);
    await page.goto(`${baseUrl()}/partners/${api.partnerId}/dashboard?tab=team`);
    await page.waitForURL(/\/sign-in\?next=/);
    await checkScreen(page, 'sign-in');
    await page.getByLabel('Email').fill(DEMO.goldUser);
    await page.locator('input[type=password]').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Sign-in failed');
    await signIn(page, baseUrl(), DEMO.goldUser);
    expect(page.url()).toContain(`/partners/${api.partnerId}/dashboard`);
    await page.close();
  });
});

describe('the dashboard of a partner user', () => {
  it('shows program progress and the alerts exactly as the API computes them', async () => {
    const api = await apiAs(DEMO.goldUser);
    const summary = await api.get<Summary>(`/api/v1/partners/${api.partnerId}/dashboard`);
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await panelsLoaded(page);
    await expect
      .poll(() => page.getByTestId('total-points').textContent())
      .toBe(points(summary.points.total));
    expect(await page.getByTestId('credited-tier').textContent()).toBe(
      summary.credited?.name ?? 'Partner (no tier)',
    );
    expect(await page.getByTestId('performance-tier').textContent()).toBe(
      summary.performance?.name ?? 'Partner (no tier)',
    );
    expect(await page.getByTestId('points-needed').textContent()).toBe(
      points(summary.nextTier?.missing.total ?? 0),
    );
    expect(await page.getByTestId('renewal-alert').textContent()).toContain(String(summary.alerts.renewals));
    await checkScreen(page, 'dashboard-en');
    await page.close();
  });

  it('shows what the tier chosen in "Go to" still needs', async () => {
    const api = await apiAs(DEMO.goldUser);
    const progress = await api.get<TierProgress>(`/api/v1/partners/${api.partnerId}/tier-progress`);
    const other = progress.tiers.find((tier) => tier.id !== progress.selected.tierId);
    expect(other, 'the program has more than one tier').toBeDefined();
    const target = await api.get<TierProgress>(
      `/api/v1/partners/${api.partnerId}/tier-progress?tier=${other?.id}`,
    );
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    const panel = page.locator('[data-panel="tier-progress"]');
    await choose(panel, 'Go to', other?.name ?? '');
    const expected = [
      target.selected.missing.total,
      target.selected.missing.seller,
      target.selected.missing.managed,
    ].map((missing) => (missing > 0 ? `${points(missing)} still needed` : 'Met'));
    await expect
      .poll(async () => (await panel.getByTestId('tier-progress-tracks').textContent()) ?? '')
      .toContain(expected[0]);
    const text = (await panel.getByTestId('tier-progress-tracks').textContent()) ?? '';
    for (const line of expected) expect(text).toContain(line);
    await page.close();
  });

  it('switches to Swedish and Dutch, formats for the language, and remembers it for the user', async () => {
    const api = await apiAs(DEMO.goldUser);
    const summary = await api.get<Summary>(`/api/v1/partners/${api.partnerId}/dashboard`);
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    for (const [language, title, locale] of [
      ['Svenska', 'Programframsteg', 'sv-SE'],
      ['Nederlands', 'Voortgang programma', 'nl-NL'],
    ] as const) {
      await choose(page, /^(Language|Språk|Taal)$/, language);
      await expect.poll(() => page.locator('#program-progress-title').textContent()).toBe(title);
      await panelsLoaded(page);
      expect(await page.getByTestId('total-points').textContent()).toBe(points(summary.points.total, locale));
      await checkScreen(page, `dashboard-${locale.slice(0, 2)}`);
    }
    // Remembered per user: a new sign-in (another browser profile would do the same) is in Dutch.
    const me = await api.get<{ user: { locale: string } }>('/api/v1/me');
    expect(me.user.locale).toBe('nl');
    await page.reload();
    await expect
      .poll(() => page.locator('#program-progress-title').textContent())
      .toBe('Voortgang programma');
    await choose(page, 'Taal', 'English');
    await expect.poll(() => page.locator('#program-progress-title').textContent()).toBe('Program progress');
    await page.close();
  });

  it('answers not found, and shows none of its data, when the URL names another partner', async () => {
    const operator = await apiAs(DEMO.operator);
    const top = await apiAs(DEMO.topAdmin);
    const other = await operator.get<Summary>(`/api/v1/partners/${top.partnerId}/dashboard`);
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await page.goto(`${baseUrl()}/partners/${top.partnerId}/dashboard`);
    await expect.poll(() => page.getByTestId('not-found').isVisible()).toBe(true);
    expect(await page.content()).not.toContain(other.partner.name);
    await checkScreen(page, 'not-found');
    await page.close();
  });

  it('signs out and then needs a sign-in again', async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.goldUser);
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goBack();
    await page.waitForURL(/\/sign-in/);
    await page.close();
  });
});

describe('an operator', () => {
  it("switches between partners and sees each one's dashboard", async () => {
    const operator = await apiAs(DEMO.operator);
    const top = await apiAs(DEMO.topAdmin);
    const summary = await operator.get<Summary>(`/api/v1/partners/${top.partnerId}/dashboard`);
    const gold = await apiAs(DEMO.goldUser);
    const page = await browser().context.newPage();
    // An operator starts in the console; a partner's pages are one URL (or View as partner) away.
    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByLabel('Email').fill(DEMO.operator);
    await page.locator('input[type=password]').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/operator$/);
    await page.goto(`${baseUrl()}/partners/${gold.partnerId}/dashboard`);
    await panelsLoaded(page);
    await page.getByRole('combobox', { name: 'Partner' }).click();
    await page.getByRole('combobox', { name: 'Partner' }).fill(summary.partner.name);
    await page.getByRole('option', { name: new RegExp(summary.partner.name) }).click();
    await page.waitForURL(new RegExp(`/partners/${top.partnerId}/dashboard`));
    await expect
      .poll(() => page.getByTestId('total-points').textContent())
      .toBe(points(summary.points.total));
    await checkScreen(page, 'dashboard-operator');
    await page.close();
  });
});
