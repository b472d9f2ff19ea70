// The operator console's overview and partners: the overview's charts, a figure opening the
// partners behind it, the table's search, a partner's admin page, View as partner (the banner
// on Dashboard and Tier) and a certification that changes the partner's tier performance.
// The partner changed is one no demo account belongs to, and its certification is put back.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apiAs,
  auditRow,
  baseUrl,
  checkScreen,
  choose,
  consoleLoaded,
  DEMO,
  panelsLoaded,
  sharedBrowser,
  signInOperator,
} from './fixtures.ts';
import { writerAs } from './fresh-user.ts';

const browser = sharedBrowser();
const language = /^(Language|Språk|Taal)$/;

interface Row {
  partnerId: string;
  name: string;
  total: number;
  credited: string | null;
  performance: string | null;
  certified: boolean;
}
interface OverviewAnswer {
  tiers: { tierId: string | null; name: string | null; credited: number }[];
}

async function chartsDrawn(page: Page): Promise<void> {
  for (const chart of ['tier-chart', 'distribution-chart'])
    await expect
      .poll(() => page.getByTestId(chart).locator('path.recharts-rectangle').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
}

const restore: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const undo of restore.reverse()) await undo();
});

describe('the operator console', () => {
  it('opens the overview, drills into a figure, finds a partner, views as partner and certifies it', async () => {
    const operator = await writerAs(DEMO.operator);
    const demoPartners = await Promise.all(
      [DEMO.topAdmin, DEMO.goldUser, DEMO.newUser].map(async (e) => (await apiAs(e)).partnerId),
    );
    const { partners } = await operator.get<{ partners: Row[] }>('/api/v1/partners');
    const overview = await operator.get<OverviewAnswer>('/api/v1/overview');
    // A partner no journey uses whose points reach a tier but who has no valid certification.
    const uncertified = partners.find(
      (p) => !p.certified && p.performance === null && p.total >= 700 && !demoPartners.includes(p.partnerId),
    );
    const certified = partners.find(
      (p) => p.certified && p.performance !== null && !demoPartners.includes(p.partnerId),
    );
    const target = uncertified ?? certified;
    expect(target, 'a partner besides the demo accounts whose certification decides its tier').toBeDefined();

    const page = await browser().context.newPage();
    await signInOperator(page);
    await consoleLoaded(page);
    await chartsDrawn(page);
    await checkScreen(page, 'operator-overview-en');

    // Every figure opens its partners: the Gold credited count opens the table filtered by it.
    const gold = overview.tiers.find((t) => t.tierId !== null && t.credited > 0)!;
    const row = page.locator('[data-panel="tiers"] tbody tr').filter({ hasText: gold.name! });
    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/operator/partners\\?credited=${gold.tierId}`));
    await expect
      .poll(() =>
        page
          .getByText(/^\d[\d,]* partners/)
          .first()
          .textContent(),
      )
      .toContain(`${gold.credited.toLocaleString('en-US')} partners`);
    await checkScreen(page, 'operator-partners-en');

    // Search the whole table for the partner, open it.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Search by id or name').fill(target!.partnerId);
    await expect
      .poll(() => page.getByTestId('partners-table').locator('tbody tr').count(), { timeout: 10_000 })
      .toBe(1);
    expect(page.url()).toContain(`q=${target!.partnerId}`);
    await page.getByRole('link', { name: target!.partnerId, exact: true }).click();
    await page.waitForURL(new RegExp(`/operator/partners/${target!.partnerId}$`));
    await consoleLoaded(page);
    await expect.poll(() => page.locator('h1').textContent()).toContain(target!.name);
    const before = await page.getByTestId('account-performance').textContent();
    await checkScreen(page, 'operator-partner-admin-en');

    // View as partner: the partner's Dashboard and Tier pages, with whose portal it is.
    await page.getByRole('link', { name: 'View as partner' }).click();
    await page.waitForURL(new RegExp(`/partners/${target!.partnerId}/dashboard`));
    const banner = page.getByTestId('view-as-banner');
    await expect
      .poll(() => banner.textContent())
      .toContain(`You are viewing ${target!.name}'s portal as an operator`);
    await panelsLoaded(page);
    await checkScreen(page, 'operator-view-as-dashboard');
    await page.getByRole('link', { name: 'Tier', exact: true }).click();
    await page.waitForURL(new RegExp(`/partners/${target!.partnerId}/tier`));
    await expect.poll(() => banner.isVisible()).toBe(true);
    // The Tier page is loaded on first visit: wait for its figures, not the Dashboard's.
    await page.getByTestId('tier-performance').waitFor();
    await panelsLoaded(page);
    // The pointer still rests on the Tier link it clicked: move it off, as a reader would.
    await page.mouse.move(0, 0);
    await checkScreen(page, 'operator-view-as-tier');
    await banner.getByRole('link', { name: 'Back to the console' }).click();
    await page.waitForURL(new RegExp(`/operator/partners/${target!.partnerId}$`));
    await consoleLoaded(page);

    // A certification decides the tier performance, which changes at once.
    const today = new Date().toISOString().slice(0, 10);
    if (uncertified) {
      await page.getByLabel('Certification', { exact: true }).fill('E2E Solutions Certification');
      await page.getByLabel('Valid from', { exact: true }).fill(today);
      await page
        .getByLabel('Valid until', { exact: true })
        .fill(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
      await page.getByRole('button', { name: 'Add certification' }).click();
      const { certifications } = await operator.get<{
        certifications: { certificationId: string; name: string }[];
      }>(`/api/v1/partners/${target!.partnerId}/certifications`);
      const added = certifications.find((c) => c.name === 'E2E Solutions Certification');
      if (added)
        restore.push(async () => {
          await operator.send(
            'PATCH',
            `/api/v1/partners/${target!.partnerId}/certifications/${added.certificationId}`,
            {
              validFrom: '2000-01-01',
              validUntil: '2000-01-01',
            },
          );
        });
    } else {
      const { certifications } = await operator.get<{
        certifications: {
          certificationId: string;
          name: string;
          validFrom: string;
          validUntil: string;
          validToday: boolean;
        }[];
      }>(`/api/v1/partners/${target!.partnerId}/certifications`);
      // Rows are listed as the API lists them; several may share a name, so pick by position.
      for (const c of certifications.filter((x) => x.validToday)) {
        const same = certifications.filter((x) => x.name === c.name);
        await page
          .getByRole('button', { name: `Edit validity of ${c.name}` })
          .nth(same.indexOf(c))
          .click();
        // Ended long ago (from before until, or the form refuses it). The row being edited
        // comes before the form that adds a certification, so its fields are the first.
        await page.getByLabel('Valid from', { exact: true }).first().fill('2000-01-01');
        await page.getByLabel('Valid until', { exact: true }).first().fill('2001-01-01');
        await page.getByRole('button', { name: 'Save' }).click();
        await page.getByRole('button', { name: 'Save' }).waitFor({ state: 'detached' });
        restore.push(async () => {
          // A certification is named by its name and start, so the edited row has a new id.
          const now = await operator.get<{
            certifications: { certificationId: string; name: string; validFrom: string }[];
          }>(`/api/v1/partners/${target!.partnerId}/certifications`);
          const edited = now.certifications.find((x) => x.name === c.name && x.validFrom === '2000-01-01');
          await operator.send(
            'PATCH',
            `/api/v1/partners/${target!.partnerId}/certifications/${edited!.certificationId}`,
            { validFrom: c.validFrom, validUntil: c.validUntil },
          );
        });
      }
    }
    await expect
      .poll(() => page.getByTestId('account-performance').textContent(), { timeout: 10_000 })
      .not.toBe(before);
    const after = await operator.get<{ standing: { performance: string | null } }>(
      `/api/v1/partners/${target!.partnerId}/profile`,
    );
    expect(after.standing.performance).toBe(uncertified ? expect.any(String) : null);
    await checkScreen(page, 'operator-certification-added-en');
    const audited = await auditRow(
      page,
      uncertified ? 'certification.create' : 'certification.update',
      target!.partnerId,
    );
    expect(await audited.textContent()).toContain(DEMO.operator);

    // The overview in Swedish and Dutch.
    await page.goto(`${baseUrl()}/operator`);
    for (const [name, title, locale] of [
      ['Svenska', 'Översikt', 'sv'],
      ['Nederlands', 'Overzicht', 'nl'],
    ] as const) {
      await choose(page, language, name);
      await expect.poll(() => page.locator('h1').first().textContent()).toBe(title);
      await consoleLoaded(page);
      await chartsDrawn(page);
      await checkScreen(page, `operator-overview-${locale}`);
    }
    await choose(page, language, 'English');
    await page.close();
  });
});
