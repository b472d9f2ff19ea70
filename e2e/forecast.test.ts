// Journey: the forecast in the Tier page's insights, as the demo's main partner (its demo data
// has a requested cancellation and two approved registrations before the next review day):
// the two lines' figures on the page (chart dots, table alternative, review-day totals and
// tiers) are the API's forecast, and so is the table of what lies between them; in English,
// Swedish and Dutch, with axe and screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TierPage } from '../web/src/lib/api-types.ts';
import { signIn } from './browser.ts';
import { type ApiSession, apiAs, baseUrl, checkScreen, choose, DEMO, sharedBrowser } from './fixtures.ts';

const browser = sharedBrowser();
/** Spaces of every kind (Swedish groups digits with a no-break space) as one plain space. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const points = (value: number, locale = 'en-US') =>
  norm(new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value));
const date = (day: string, locale = 'en-US') =>
  norm(
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    ),
  );
const text = async (locator: Locator) => norm((await locator.textContent()) ?? '');
const SHOWN = 6;

type Forecast = NonNullable<TierPage['forecast']>;

async function openTier(page: Page, api: ApiSession): Promise<Locator> {
  page.setDefaultTimeout(60_000);
  await signIn(page, baseUrl(), DEMO.topAdmin);
  await page.goto(`${baseUrl()}/partners/${api.partnerId}/tier`);
  const section = page.getByTestId('forecast');
  await section.waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
  return section;
}

/** Until Recharts has laid the chart out at its final size: every dot inside the plot's clip. */
async function chartSettled(chart: Locator): Promise<void> {
  await expect
    .poll(() =>
      chart.evaluate((el) => {
        const clip = el.querySelector('clipPath rect');
        const dots = Array.from(el.querySelectorAll('.recharts-line-dot'));
        if (!clip || dots.length === 0) return false;
        const bottom = Number(clip.getAttribute('y')) + Number(clip.getAttribute('height'));
        return dots.every((d) => Number(d.getAttribute('cy')) <= bottom + 0.5);
      }),
    )
    .toBe(true);
}

/**
 * Screenshot of the forecast section alone (to look at the chart), beside checkScreen's full
 * page: from the top of the page, so the app's fixed header is not drawn over it.
 */
async function sectionShot(page: Page, section: Locator, name: string): Promise<void> {
  const dir = join(import.meta.dirname, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await chartSettled(section.getByTestId('forecast-chart'));
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await section.boundingBox();
  if (!box) throw new Error('the forecast section is not on the page');
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, clip: box });
}

/** The lines on the page equal the API's: chart dots, the table alternative, the review-day figures. */
async function expectLines(section: Locator, f: Forecast, locale: string, tierNone: string) {
  const chart = section.getByTestId('forecast-chart');
  await expect.poll(() => chart.locator('.recharts-line-dot').count()).toBe(f.dates.length * 2);
  expect(await chart.locator('.recharts-line-curve').count()).toBe(2);
  const rows = await section
    .getByTestId('forecast-table')
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => ({
        date: tr.getAttribute('data-month'),
        baseline: Number(tr.querySelector('td[data-series="baseline"]')?.getAttribute('data-value')),
        pipeline: Number(tr.querySelector('td[data-series="pipeline"]')?.getAttribute('data-value')),
        text: tr.querySelector('td[data-series="baseline"]')?.textContent,
      })),
    );
  expect(rows.map(({ date, baseline, pipeline }) => ({ date, baseline, pipeline }))).toEqual(
    f.dates.map((d, k) => ({
      date: d,
      baseline: f.lines.baseline.points[k]!.total,
      pipeline: f.lines.pipeline.points[k]!.total,
    })),
  );
  expect(norm(rows[0]!.text ?? '')).toBe(points(f.lines.baseline.points[0]!.total, locale));
  for (const line of ['baseline', 'pipeline'] as const) {
    const figure = section.getByTestId(`forecast-${line}`);
    const last = f.lines[line].points.at(-1)!;
    expect(Number(await figure.getAttribute('data-total'))).toBe(last.total);
    expect(await text(figure.getByTestId('forecast-review-total'))).toContain(points(last.total, locale));
    expect(await text(figure.getByTestId('forecast-review-total'))).toContain(date(f.reviewDay, locale));
    expect(await figure.getAttribute('data-tier')).toBe(f.lines[line].reviewDayTier?.id ?? '');
    expect(await text(figure.getByTestId('forecast-review-tier'))).toContain(
      f.lines[line].reviewDayTier?.name ?? tierNone,
    );
  }
}

describe('the forecast on the Tier page', () => {
  it('shows the two lines and what lies between them as the API computes them', {
    timeout: 240_000,
  }, async () => {
    const api = await apiAs(DEMO.topAdmin);
    const tier = await api.get<TierPage>(`/api/v1/partners/${api.partnerId}/tier`);
    const f = tier.forecast;
    expect(f, 'the program has review days').not.toBeNull();
    if (!f) return;
    // The demo data makes the lines differ: a requested cancellation, approved registrations.
    expect(f.atRisk.some((r) => r.status === 'cancellation_requested')).toBe(true);
    expect(f.pipeline.filter((p) => p.kind === 'registration').length).toBeGreaterThanOrEqual(2);
    expect(f.lines.pipeline.points.at(-1)!.total).toBeGreaterThan(f.lines.baseline.points.at(-1)!.total);

    const page = await browser().context.newPage();
    const section = await openTier(page, api);
    await expectLines(section, f, 'en-US', 'no tier');

    // Behind the difference: the first renewals at risk and pipeline items, with their points and totals.
    const behind = section.getByTestId('forecast-behind');
    const risk = await behind.locator('tr[data-kind="atRisk"]').all();
    expect(risk.length).toBe(Math.min(SHOWN, f.atRisk.length));
    for (const [i, row] of risk.entries()) {
      const r = f.atRisk[i]!;
      expect(Number(await row.getAttribute('data-points'))).toBe(-r.points);
      const cells = (await row.locator('td').allTextContents()).map(norm);
      expect(cells[1]).toContain(r.clientName);
      expect(cells[2]).toBe(date(r.renewalDate));
      expect(cells[3]).toBe(
        r.status === 'cancellation_requested'
          ? 'Cancellation requested'
          : `Pending, decision deadline ${date(r.decisionDeadline)} passed`,
      );
      expect(cells[4]).toBe(points(-r.points));
    }
    const pipe = await behind.locator('tr[data-kind="registration"], tr[data-kind="deal"]').all();
    expect(pipe.length).toBe(Math.min(SHOWN, f.pipeline.length));
    for (const [i, row] of pipe.entries()) {
      const p = f.pipeline[i]!;
      expect(await row.getAttribute('data-kind')).toBe(p.kind);
      expect(Number(await row.getAttribute('data-points'))).toBe(p.weightedPoints);
      const cells = (await row.locator('td').allTextContents()).map(norm);
      expect(cells[1]).toContain(p.name);
      expect(cells[2]).toBe(date(p.closeDate));
      expect(cells[4]).toBe(`+${points(p.weightedPoints)}`);
    }
    const sum = (xs: number[]) => Math.round(xs.reduce((s, x) => s + x, 0) * 100) / 100;
    const pipelineTotal = sum(f.pipeline.map((p) => p.weightedPoints));
    expect(Number(await behind.getByTestId('forecast-total-pipeline').getAttribute('data-points'))).toBe(
      pipelineTotal,
    );
    expect(Number(await behind.getByTestId('forecast-total-at-risk').getAttribute('data-points'))).toBe(
      -sum(f.atRisk.map((r) => r.points)),
    );
    // The review-day difference of the two lines is the weighted pipeline.
    const gap = f.lines.pipeline.points.at(-1)!.total - f.lines.baseline.points.at(-1)!.total;
    expect(Math.round(gap * 100) / 100).toBe(pipelineTotal);

    await sectionShot(page, section, 'forecast-section-en');
    await checkScreen(page, 'forecast-en');
    await page.close();
  });

  it('reads in Swedish and Dutch', { timeout: 240_000 }, async () => {
    const api = await apiAs(DEMO.topAdmin);
    const tier = await api.get<TierPage>(`/api/v1/partners/${api.partnerId}/tier`);
    const f = tier.forecast as Forecast;
    const page = await browser().context.newPage();
    const section = await openTier(page, api);
    const language = /^(Language|Språk|Taal)$/;
    try {
      for (const [name, title, locale, none] of [
        ['Svenska', 'Prognos till granskningsdagen', 'sv-SE', 'ingen nivå'],
        ['Nederlands', 'Prognose tot de beoordelingsdag', 'nl-NL', 'geen tier'],
      ] as const) {
        await choose(page, language, name);
        await expect.poll(() => text(section.locator('h3').first())).toBe(title);
        await expectLines(section, f, locale, none);
        await sectionShot(page, section, `forecast-section-${locale.slice(0, 2)}`);
        await checkScreen(page, `forecast-${locale.slice(0, 2)}`);
      }
    } finally {
      await choose(page, language, 'English');
      await expect.poll(() => text(section.locator('h3').first())).toBe('Forecast to the review day');
      await page.close();
    }
  });
});
