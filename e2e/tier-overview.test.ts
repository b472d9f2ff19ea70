// Journeys on the Tier page's Tier tab, as a partner user: the summary and every panel as
// the API computes them, both charts drawing the partner's months (the accessible series
// table and the SVG), the Total/Won/Lost tabs, a month's clients, and the page in Swedish,
// Dutch and on a phone.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MonthClients, ProgressChart, SoldOverTime, TierPage } from '../web/src/lib/api-types.ts';
import { launch, signIn } from './browser.ts';
import { type ApiSession, apiAs, baseUrl, checkScreen, choose, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
const points = (value: number, locale = 'en-US') =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
const date = (day: string, locale = 'en-US') =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
const monthName = (month: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
const round2 = (value: number) => Math.round(value * 100) / 100;
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

type SoldMonth = SoldOverTime['months'][number];
const SERIES = {
  total: ['newSold', 'increasedSold', 'expiredDeclined', 'decreasedSold'],
  won: ['newSold', 'increasedSold'],
  lost: ['expiredDeclined', 'decreasedSold'],
} as const;
const seriesValue = (m: SoldMonth, key: (typeof SERIES)['total'][number]) =>
  key === 'expiredDeclined' ? round2(m.expiredSold + m.declinedSold) : m[key];

/** Signs in and opens the Tier page; waits (generously: CI machines can be busy) for every panel. */
async function openTier(page: Page, api: ApiSession): Promise<void> {
  page.setDefaultTimeout(60_000);
  await signIn(page, baseUrl(), DEMO.goldUser);
  await page.goto(`${baseUrl()}/partners/${api.partnerId}/tier`);
  await page.getByTestId('tier-performance').waitFor();
  await loaded(page);
}

async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
}

/** The month rows of a chart's accessible table: month key → series → raw value. */
async function seriesTable(page: Page, testId: string): Promise<Map<string, Record<string, number | null>>> {
  const rows = await page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-month') ?? '',
        Object.fromEntries(
          Array.from(tr.querySelectorAll('td')).map((td) => {
            const raw = td.getAttribute('data-value') ?? '';
            return [
              td.getAttribute('data-series') ?? '',
              raw === '' || Number.isNaN(Number(raw)) ? null : Number(raw),
            ];
          }),
        ),
      ]),
    );
  return new Map(rows as [string, Record<string, number | null>][]);
}

describe('the Tier tab of a partner user', () => {
  it('shows the summary and every panel exactly as the API computes them', { timeout: 180_000 }, async () => {
    const api = await apiAs(DEMO.goldUser);
    const tier = await api.get<TierPage>(`/api/v1/partners/${api.partnerId}/tier`);
    const page = await browser().context.newPage();
    await openTier(page, api);

    // Summary.
    expect(await text(page.getByTestId('tier-name'))).toBe(tier.credited?.name ?? 'Partner (no tier)');
    expect(await text(page.getByTestId('tier-sold'))).toBe(points(tier.points.sold));
    expect(await text(page.getByTestId('tier-managed'))).toBe(points(tier.points.managed));
    expect(await text(page.getByTestId('tier-total'))).toBe(points(tier.points.total));

    // Tier performance: seller track + other sold + managed = total, against the tier's thresholds.
    const tp = tier.tierPerformance;
    const perf = page.getByTestId('tier-performance');
    expect(await text(perf.getByTestId('performance-credited'))).toBe(tier.credited?.name ?? 'No tier yet');
    expect(await text(perf.getByTestId('performance-tier'))).toBe(tier.performance?.name ?? 'No tier yet');
    expect(await text(perf.getByTestId('performance-seller'))).toBe(points(tp.seller));
    expect(await text(perf.getByTestId('performance-managed'))).toBe(points(tp.managed));
    const other = round2(tp.total - tp.seller - tp.managed);
    if (other > 0) expect(await text(perf.getByTestId('performance-other'))).toBe(points(other));
    expect(await text(perf.getByTestId('performance-equation'))).toContain(`= ${points(tp.total)} points`);
    const bar = perf.getByTestId('performance-bar');
    expect(Number(await bar.locator('[data-segment="seller"]').getAttribute('data-value'))).toBe(tp.seller);
    expect(Number(await bar.locator('[data-segment="managed"]').getAttribute('data-value'))).toBe(tp.managed);
    if (tp.tier) {
      expect(Number(await bar.locator(`[data-marker="${tp.tier.id}"]`).getAttribute('data-value'))).toBe(
        tp.tier.total,
      );
      const rows = perf.getByTestId('performance-thresholds').locator('tbody tr');
      const needs = [tp.tier.total, tp.tier.sellerMinimum, tp.tier.managedMinimum];
      const yours = [tp.total, tp.seller, tp.managed];
      for (const [i, row] of (await rows.all()).entries()) {
        const cells = await row.locator('td').allTextContents();
        expect(cells[1]).toBe(points(yours[i] as number));
        expect(cells[2]).toBe(points(needs[i] as number));
      }
    }

    // Tier progress chart: each track against the next tier's threshold.
    const target = tier.insights.next ?? tier.insights.keep;
    const thresholds = tier.tiers.find((x) => x.id === target?.tierId);
    expect(thresholds, 'a tier to show progress towards').toBeDefined();
    const chart = page.getByTestId('tier-progress-chart');
    const tracks = [
      ['combined', tier.points.total, thresholds?.total, target?.missing.total],
      ['sold', tier.sellerTrack.points, thresholds?.sellerMinimum, target?.missing.seller],
      ['managed', tier.points.managed, thresholds?.managedMinimum, target?.missing.managed],
    ] as const;
    for (const [key, current, needed, missing] of tracks) {
      const track = chart.locator(`[data-track="${key}"]`);
      expect(Number(await track.getAttribute('data-value'))).toBe(current);
      expect(Number(await track.getAttribute('data-target'))).toBe(needed);
      expect(await text(track.getByTestId('track-of'))).toBe(`${points(current)} of ${points(needed ?? 0)}`);
      expect(await track.textContent()).toContain(missing ? `${points(missing)} to go` : 'Met');
      expect(await track.textContent()).toContain(`${target?.tierName} needs ${points(needed ?? 0)}`);
    }

    // Tier insights: keep and next per track, expirations, projection.
    const insights = page.getByTestId('tier-insights');
    for (const [column, goal] of [
      ['keep', tier.insights.keep],
      ['next', tier.insights.next],
    ] as const) {
      if (!goal) continue;
      for (const key of ['total', 'seller', 'managed'] as const) {
        const cell = insights.locator(`tr[data-track="${key}"] td[data-column="${column}"]`);
        expect(Number(await cell.getAttribute('data-missing'))).toBe(goal.missing[key]);
        expect(await text(cell)).toBe(goal.missing[key] > 0 ? `${points(goal.missing[key])} short` : 'Met');
      }
    }
    if (tier.insights.expirations.some((m) => m.total > 0)) {
      for (const m of tier.insights.expirations) {
        const row = insights.locator(`[data-month="${m.monthEnd}"]`);
        expect(await text(row.getByTestId('expiring-total'))).toBe(points(m.total));
      }
    }
    expect(await insights.getByTestId('insights-projection').locator('tbody tr').count()).toBe(
      tier.insights.projection.length,
    );
    for (const p of tier.insights.projection) {
      const row = insights.locator(`tr[data-date="${p.date}"]`);
      expect(await text(row.locator('td').first())).toBe(date(p.date));
      expect(await text(row.getByTestId('projected-total'))).toBe(points(p.total));
      expect(await text(row.getByTestId('projected-tier'))).toBe(p.tier?.name ?? 'No tier yet');
    }

    // Account performance.
    const account = page.getByTestId('account-performance');
    const { medianToolUsage: usage, certification: cert } = tier.accountPerformance;
    expect(await text(account.getByTestId('median-tool-usage'))).toBe(
      usage ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(usage.median) : '—',
    );
    expect(await text(account.getByTestId('certification-status'))).toBe(
      cert?.valid ? 'Certified' : 'Not certified',
    );
    if (cert) {
      expect(await text(account.getByTestId('certification-name'))).toBe(cert.name);
      expect(await text(account.getByTestId('certification-until'))).toContain(date(cert.validUntil));
    }
    await checkScreen(page, 'tier-en');
    await page.close();
  });

  it("draws the partner's points per month in Progress over time", { timeout: 180_000 }, async () => {
    const api = await apiAs(DEMO.goldUser);
    const chart = await api.get<ProgressChart>(`/api/v1/partners/${api.partnerId}/tier/progress-chart`);
    expect(chart.months.length, 'the demo partner has months to draw').toBeGreaterThan(1);
    const page = await browser().context.newPage();
    await openTier(page, api);
    const panel = page.getByTestId('progress-over-time');
    const svg = panel.getByTestId('progress-over-time-chart');
    // Three tracks, one dot per month each; and the next-tier step line.
    await expect.poll(() => svg.locator('.recharts-line-dot').count()).toBe(chart.months.length * 3);
    const withThreshold = chart.months.some((m) => m.next);
    expect(await svg.locator('.recharts-line-curve').count()).toBe(withThreshold ? 4 : 3);

    const table = await seriesTable(page, 'progress-over-time-table');
    expect([...table.keys()]).toEqual(chart.months.map((m) => m.monthEnd));
    for (const m of chart.months) {
      expect(table.get(m.monthEnd)).toEqual({
        combined: m.total,
        sold: m.sold,
        managed: m.managed,
        nextTier: null,
        threshold: m.next?.total ?? null,
      });
    }
    const last = chart.months.at(-1) as ProgressChart['months'][number];
    const row = page.getByTestId('progress-over-time-table').locator(`tr[data-month="${last.monthEnd}"]`);
    expect(await text(row.locator('td[data-series="combined"]'))).toBe(points(last.total));
    expect(await text(row.locator('td[data-series="nextTier"]'))).toBe(last.next?.name ?? '—');
    await page.close();
  });

  it('draws sold points per month, switches Total, Won and Lost, and opens a month with its clients', {
    timeout: 240_000,
  }, async () => {
    const api = await apiAs(DEMO.goldUser);
    const sold = await api.get<SoldOverTime>(`/api/v1/partners/${api.partnerId}/tier/sold-over-time`);
    const page = await browser().context.newPage();
    await openTier(page, api);
    const panel = page.getByTestId('sold-over-time');
    const svg = panel.getByTestId('sold-over-time-chart');

    for (const tab of ['total', 'won', 'lost'] as const) {
      const label = { total: 'Total', won: 'Won', lost: 'Lost' }[tab];
      await panel.getByRole('tab', { name: label, exact: true }).click();
      await expect.poll(() => svg.getAttribute('data-tab')).toBe(tab);
      // One bar rectangle per non-zero value of the tab's series.
      const nonZero = sold.months
        .flatMap((m) => SERIES[tab].map((key) => seriesValue(m, key)))
        .filter((v) => v !== 0);
      expect(nonZero.length, 'the demo partner has sold-point changes').toBeGreaterThan(0);
      await expect.poll(() => svg.locator('.recharts-bar-rectangle').count()).toBe(nonZero.length);
      const table = await seriesTable(page, 'sold-over-time-table');
      expect([...table.keys()]).toEqual(sold.months.map((m) => m.month));
      for (const m of sold.months) {
        expect(table.get(m.month)).toEqual(
          Object.fromEntries(SERIES[tab].map((key) => [key, seriesValue(m, key)])),
        );
      }
      const won = round2(sold.months.reduce((s, m) => s + m.won, 0));
      const lost = round2(sold.months.reduce((s, m) => s + m.lost, 0));
      if (tab !== 'lost') expect(await text(panel.getByTestId('sold-won'))).toBe(points(won));
      if (tab !== 'won') expect(await text(panel.getByTestId('sold-lost'))).toBe(points(lost));
      if (tab === 'won') expect(await panel.getByTestId('sold-lost').count()).toBe(0);
    }

    // Clicking the tallest bar of the Won tab opens that month's winning clients.
    await panel.getByRole('tab', { name: 'Won', exact: true }).click();
    await expect.poll(() => svg.getAttribute('data-tab')).toBe('won');
    const boxes = await svg
      .locator('.recharts-bar-rectangle')
      .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().height));
    await svg
      .locator('.recharts-bar-rectangle')
      .nth(boxes.indexOf(Math.max(...boxes)))
      .click();
    const drawer = page.getByTestId('month-clients');
    await drawer.waitFor();
    const title = await text(drawer.locator('h2'));
    const month = sold.months.find((m) => title === `Sold points in ${monthName(m.month)}`);
    expect(month, `a month named by "${title}"`).toBeDefined();
    await expectClients(page, api, month as SoldMonth, 'won');
    await checkScreen(page, 'tier-month-clients');

    // A client's name opens the client panel on top; Escape closes only that panel.
    const first = drawer.getByTestId('month-client-row').first();
    const clientName = await text(first.locator('td').first());
    await first.getByRole('button', { name: clientName }).click();
    const client = page.getByTestId('client-drawer');
    await client.waitFor();
    await expect.poll(() => client.textContent()).toContain(clientName);
    await page.keyboard.press('Escape');
    await client.waitFor({ state: 'hidden' });
    expect(await drawer.isVisible()).toBe(true);

    // The drawer's Lost tab shows the month's losing clients.
    await drawer.getByText('Lost', { exact: true }).click();
    await expectClients(page, api, month as SoldMonth, 'lost');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Keyboard users pick a month in the month picker.
    const other = sold.months.find((m) => m.month !== month?.month && m.won + m.lost > 0) as SoldMonth;
    await page.getByRole('tab', { name: 'Total', exact: true }).click();
    await choose(page, "Open a month's clients", monthName(other.month));
    await drawer.waitFor();
    expect(await text(drawer.locator('h2'))).toBe(`Sold points in ${monthName(other.month)}`);
    await expectClients(page, api, other, 'total');
    await page.close();
  });

  it('reads in Swedish and Dutch', { timeout: 300_000 }, async () => {
    const api = await apiAs(DEMO.goldUser);
    const tier = await api.get<TierPage>(`/api/v1/partners/${api.partnerId}/tier`);
    const page = await browser().context.newPage();
    await openTier(page, api);
    const language = /^(Language|Språk|Taal)$/;
    try {
      for (const [name, title, locale] of [
        ['Svenska', 'Nivåinsikter', 'sv-SE'],
        ['Nederlands', 'Niveau-inzichten', 'nl-NL'],
      ] as const) {
        await choose(page, language, name);
        await expect.poll(() => page.locator('#tier-insights-title').textContent()).toBe(title);
        await loaded(page);
        expect(await text(page.getByTestId('tier-total'))).toBe(points(tier.points.total, locale));
        expect(await text(page.getByTestId('performance-seller'))).toBe(
          points(tier.tierPerformance.seller, locale),
        );
        await page.getByTestId('sold-over-time-chart').locator('.recharts-bar-rectangle').first().waitFor();
        await checkScreen(page, `tier-${locale.slice(0, 2)}`);
      }
    } finally {
      await choose(page, language, 'English');
      await expect.poll(() => page.locator('#tier-insights-title').textContent()).toBe('Tier insights');
      await page.close();
    }
  });

  it('fits a phone (390 px wide)', { timeout: 180_000 }, async () => {
    const api = await apiAs(DEMO.goldUser);
    const phone = await launch({ width: 390, height: 844 });
    try {
      const small = await phone.context.newPage();
      await openTier(small, api);
      await small.getByTestId('progress-over-time-chart').locator('.recharts-line-dot').first().waitFor();
      await small.getByTestId('sold-over-time-chart').locator('.recharts-bar-rectangle').first().waitFor();
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'nothing wider than the phone').toBeLessThanOrEqual(0);
      await checkScreen(small, 'tier-phone');
    } finally {
      await phone.close();
    }
  });
});

/** The drawer's rows are the API's clients of that month and tab, and add up to the month's figure. */
async function expectClients(page: Page, api: ApiSession, month: SoldMonth, tab: 'total' | 'won' | 'lost') {
  const expected = await api.get<MonthClients>(
    `/api/v1/partners/${api.partnerId}/tier/sold-over-time/${month.month}/clients?tab=${tab}`,
  );
  const drawer = page.getByTestId('month-clients');
  await expect.poll(() => drawer.locator(`table[data-tab="${tab}"]`).count()).toBe(1);
  const rows = drawer.getByTestId('month-client-row');
  expect(await rows.count()).toBe(expected.clients.length);
  const column = { total: 'net', won: 'won', lost: 'lost' }[tab];
  for (const [i, client] of expected.clients.entries()) {
    const row = rows.nth(i);
    expect(await row.getAttribute('data-client')).toBe(client.clientId);
    expect(await text(row.locator('td').first())).toBe(client.clientName);
    const value = tab === 'total' ? round2(client.won - client.lost) : client[tab];
    expect(await text(row.locator(`td[data-column="${column}"]`))).toBe(points(value));
  }
  const footer = drawer.locator(`tfoot th[data-column="${column}"]`);
  const figure = tab === 'total' ? round2(month.won - month.lost) : month[tab];
  expect(Number(await footer.getAttribute('data-value'))).toBe(figure);
}
