// Journeys of the preview features: a user reads the terms and opts in, the Tier page's
// banner then leads to the three-month projection, which shows what GET /tier projects; a
// partner admin opts in every user of the partner, and a user of that partner sees the banner.
// Fresh users (./fresh-user.ts) keep the demo accounts other journeys read as they were.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyPreviews, PartnerOptin, TierPage } from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import { apiAs, baseUrl, checkScreen, choose, DEMO, panelsLoaded, sharedBrowser } from './fixtures.ts';
import { freshUser, quietPartner, writerAs } from './fresh-user.ts';

const browser = sharedBrowser();
const PREVIEW = 'three-month-projection';
const points = (value: number, locale = 'en-US') =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

async function openTier(page: Page, partnerId: string): Promise<void> {
  page.setDefaultTimeout(60_000);
  await page.goto(`${baseUrl()}/partners/${partnerId}/tier`);
  await panelsLoaded(page);
  await page.getByTestId('preview-banner').waitFor();
}

async function mine(email: string) {
  const { previews } = await (await apiAs(email)).get<MyPreviews>('/api/v1/previews');
  return previews.find((p) => p.id === PREVIEW);
}

describe('a user trying the three-month projection', () => {
  let user: string;
  let partnerId: string;

  beforeAll(async () => {
    const operator = await writerAs(DEMO.operator);
    const demo = await Promise.all(
      [DEMO.goldUser, DEMO.topAdmin, DEMO.newUser].map(async (e) => (await writerAs(e)).partnerId),
    );
    partnerId = await quietPartner(operator, demo);
    user = await freshUser(operator, partnerId, 'preview');
  });

  it('sees the invitation on the preview page before opting in', { timeout: 120_000 }, async () => {
    const page = await browser().context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, baseUrl(), user);
    await page.goto(`${baseUrl()}/partners/${partnerId}/previews/projection`);
    await page.getByTestId('preview-invitation').waitFor();
    expect(await page.getByTestId('projection-preview').count()).toBe(0);
    await checkScreen(page, 'previews-invitation');
    await page.close();
  });

  it('opts in after reading the terms; the banner then leads to the projection the API computes', {
    timeout: 180_000,
  }, async () => {
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), user);
    await openTier(page, partnerId);
    const banner = page.getByTestId('preview-banner');
    expect(await banner.getAttribute('data-state')).toBe('invite');

    await page.getByTestId('preview-banner-try').click();
    const dialog = page.getByTestId('preview-dialog');
    await dialog.getByTestId(`preview-${PREVIEW}`).waitFor();
    expect(await dialog.getByTestId('preview-status').textContent()).toBe('Off');
    await checkScreen(page, 'previews-dialog');

    await dialog.getByTestId('preview-try').click();
    const terms = dialog.getByTestId('preview-terms');
    const preview = await mine(user);
    expect(await terms.getByTestId('preview-terms-text').textContent()).toBe(preview?.terms);
    const confirm = terms.getByTestId('preview-terms-confirm');
    expect(await confirm.isDisabled(), 'Opt in waits for "I have read the terms"').toBe(true);
    await checkScreen(page, 'previews-terms');
    await terms.getByTestId('preview-terms-read').check();
    await confirm.click();
    await expect.poll(() => dialog.getByTestId('preview-status').textContent()).toBe('On for you');
    expect(await mine(user)).toMatchObject({ optedIn: true, via: 'user', userOptedIn: true });

    await page.keyboard.press('Escape');
    await expect.poll(() => banner.getAttribute('data-state')).toBe('on');
    expect(await banner.textContent()).toContain('Three-month projection is on for you.');
    await page.getByTestId('preview-banner-open').click();
    await page.waitForURL(/\/previews\/projection$/);
    const view = page.getByTestId('projection-preview');
    await view.waitFor();
    await panelsLoaded(page);

    const tier = await (await apiAs(user)).get<TierPage>(`/api/v1/partners/${partnerId}/tier`);
    expect(tier.insights.projection).toHaveLength(3);
    for (const [i, month] of tier.insights.projection.entries()) {
      const card = view.getByTestId(`projection-month-${i}`);
      expect(await card.getAttribute('data-date')).toBe(month.date);
      for (const track of ['sourced', 'assisted', 'sold', 'managed', 'total'] as const)
        expect(await card.getByTestId(`projection-${track}`).textContent(), `${month.date} ${track}`).toBe(
          points(month[track]),
        );
      expect(await card.getByTestId('projection-tier').textContent()).toBe(month.tier?.name ?? 'No tier');
      const expiring = tier.insights.expirations.find((e) => e.monthEnd === month.date);
      expect(await card.getByTestId('projection-expiring').textContent()).toBe(points(expiring?.total ?? 0));
    }
    await checkScreen(page, 'previews-projection');
    await page.close();
  });

  it('reads the projection and the preview dialog in Swedish and Dutch', { timeout: 180_000 }, async () => {
    const tier = await (await apiAs(user)).get<TierPage>(`/api/v1/partners/${partnerId}/tier`);
    const page = await browser().context.newPage();
    page.setDefaultTimeout(60_000);
    await signIn(page, baseUrl(), user);
    await page.goto(`${baseUrl()}/partners/${partnerId}/previews/projection`);
    await page.getByTestId('projection-preview').waitFor();
    const language = /^(Language|Språk|Taal)$/;
    const first = tier.insights.projection[0]!;
    try {
      for (const [name, title, dialogTitle, locale] of [
        ['Svenska', 'Tremånadersprognos', 'Förhandsversioner', 'sv-SE'],
        ['Nederlands', 'Prognose voor drie maanden', 'Previewfuncties', 'nl-NL'],
      ] as const) {
        await choose(page, language, name);
        await expect.poll(() => page.locator('h1').textContent()).toBe(title);
        await panelsLoaded(page);
        const card = page.getByTestId('projection-month-0');
        expect(await card.getByTestId('projection-total').textContent()).toBe(points(first.total, locale));
        await checkScreen(page, `previews-projection-${locale.slice(0, 2)}`);
        await page.goto(`${baseUrl()}/partners/${partnerId}/tier`);
        await panelsLoaded(page);
        await page.getByTestId('preview-banner').getByRole('button').first().click();
        const dialog = page.getByTestId('preview-dialog');
        await expect.poll(() => dialog.getByRole('heading').first().textContent()).toBe(dialogTitle);
        await checkScreen(page, `previews-dialog-${locale.slice(0, 2)}`);
        await page.keyboard.press('Escape');
        await page.goto(`${baseUrl()}/partners/${partnerId}/previews/projection`);
        await page.getByTestId('projection-preview').waitFor();
      }
    } finally {
      await choose(page, language, 'English');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Three-month projection');
      await page.close();
    }
  });
});

describe('a partner admin opting in every user of the partner', () => {
  let admin: Awaited<ReturnType<typeof writerAs>>;

  beforeAll(async () => {
    admin = await writerAs(DEMO.topAdmin);
  });
  afterAll(async () => {
    // The demo's top partner as the other journeys expect it: no partner-wide opt-in.
    await admin.send<PartnerOptin>(
      'DELETE',
      `/api/v1/partners/${admin.partnerId}/previews/${PREVIEW}/opt-in-all`,
    );
  });

  it('accepts the terms for all users; a user of that partner then sees the banner', {
    timeout: 180_000,
  }, async () => {
    const partnerId = admin.partnerId!;
    // A user of the partner who never opted in themselves.
    const member = await freshUser(admin, partnerId, 'preview-member');
    const page = await browser().context.newPage();
    await signIn(page, baseUrl(), DEMO.topAdmin);
    await openTier(page, partnerId);
    // "Try it" (no preview on yet) or "Preview features": both open the dialog.
    await page.getByTestId('preview-banner').getByRole('button').first().click();
    const dialog = page.getByTestId('preview-dialog');
    await dialog.getByTestId('preview-opt-in-all').click();
    const terms = dialog.getByTestId('preview-terms');
    await terms.waitFor();
    expect(await terms.textContent()).toContain('Every present and future user of');
    await checkScreen(page, 'previews-terms-all-users');
    await terms.getByTestId('preview-terms-read').check();
    await terms.getByTestId('preview-terms-confirm').click();

    const users = await admin.get<{ disabled: boolean }[]>(`/api/v1/partners/${partnerId}/users`);
    const enabled = users.filter((u) => !u.disabled).length;
    await expect
      .poll(() => dialog.getByTestId('preview-done').textContent())
      .toContain(`all ${enabled} users`);
    expect(await dialog.getByTestId('preview-status').textContent()).toBe('On for all users');
    await checkScreen(page, 'previews-dialog-admin');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('preview-banner').getAttribute('data-state')).toBe('on');

    expect(await mine(member)).toMatchObject({ optedIn: true, via: 'partner', userOptedIn: false });
    await signIn(page, baseUrl(), member);
    await openTier(page, partnerId);
    const banner = page.getByTestId('preview-banner');
    expect(await banner.getAttribute('data-state')).toBe('on');
    expect(await banner.textContent()).toContain('Three-month projection is on for everyone at');
    await page.getByTestId('preview-banner-open').click();
    await page.getByTestId('projection-preview').waitFor();
    await page.close();
  });
});
