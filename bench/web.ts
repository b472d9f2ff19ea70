/// <reference lib="dom" />
// The web app's benchmark (issue 5): the JavaScript a first visit downloads for the
// dashboard (gzipped, as the server sends it), and the time from navigation until the
// dashboard of the largest demo partner is fully rendered (every panel loaded), in headless
// Chromium against `tierwise start --demo`.
import type { Page } from 'playwright-core';
import { launch, signIn } from '../e2e/browser.ts';
import { buildWeb, startDemoServer } from '../e2e/demo-server.ts';
import { machine, median, percentile, writeSection } from './report.ts';

const LARGEST = 'top-admin@demo.tierwise.test';
const RUNS = 15;

/** Until every panel of the dashboard has its data (no skeleton left) and the clients table has rows. */
async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-panel]').length >= 8 &&
      document.querySelectorAll('[aria-busy="true"]').length === 0 &&
      document.querySelector('[data-testid="client-row"]') !== null &&
      document.querySelector('[data-testid="total-points"]') !== null,
    undefined,
    { timeout: 30_000, polling: 10 },
  );
}

export async function runWebBench(): Promise<void> {
  await buildWeb();
  const server = await startDemoServer();
  const browser = await launch();
  try {
    // First visit: an empty cache, the sign-in page, then the dashboard.
    const page = await browser.context.newPage();
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (!type.includes('javascript')) return;
      const encoded = Number(response.headers()['content-length'] ?? NaN);
      const sizes = await response.request().sizes();
      scripts.set(response.url(), Number.isFinite(encoded) ? encoded : sizes.responseBodySize);
    });
    await signIn(page, server.url, LARGEST);
    const dashboardUrl = page.url();
    await rendered(page);
    const encodings = new Set<string>();
    for (const url of scripts.keys()) {
      const head = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      encodings.add(head.headers.get('content-encoding') ?? 'identity');
    }
    const firstVisitBytes = [...scripts.values()].reduce((a, b) => a + b, 0);

    // Navigation → fully rendered, signed in, cache warm (the daily visit), RUNS times.
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await page.goto(dashboardUrl);
      await rendered(page);
      times.push(performance.now() - started);
    }
    // And with an empty cache (a new browser profile, signed in through the page).
    const cold: number[] = [];
    for (let i = 0; i < 3; i++) {
      const fresh = await launch();
      const p = await fresh.context.newPage();
      await signIn(p, server.url, LARGEST);
      await p.context().clearCookies();
      await signIn(p, server.url, LARGEST);
      const started = performance.now();
      await p.goto(dashboardUrl);
      await rendered(p);
      cold.push(performance.now() - started);
      await fresh.close();
    }
    const partner = await page.locator('h1').first().textContent();
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const ms = (value: number) => `${Math.round(value)} ms`;
    const lines = [...scripts].map(([url, bytes]) => `\`${new URL(url).pathname}\` ${kb(bytes)}`).join(', ');
    writeSection(
      'web',
      `## Web app (issue 5)

Command: \`npm run bench -- web\` · ${machine()} · headless Chromium (${'/usr/bin/chromium'}) · measured ${new Date().toISOString().slice(0, 10)}

Production build served by \`tierwise start --demo\` (PGlite); the dashboard of the largest demo partner (${partner}, signed in as ${LARGEST}).

| measure | result | target |
|---|---|---|
| JavaScript a first visit downloads (sign-in page, then the dashboard), as sent (${[...encodings].join(', ')}) | **${kb(firstVisitBytes)}** in ${scripts.size} files | < 300 KB gzipped |
| navigation → dashboard fully rendered, warm cache, ${RUNS} runs | **median ${ms(median(times))}**, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))} | < 1.5 s |
| navigation → dashboard fully rendered, empty cache, ${cold.length} runs | median ${ms(median(cold))}, max ${ms(Math.max(...cold))} | |

"Fully rendered": every panel's data has arrived (no loading skeleton left), the clients table has rows and the program progress shows the total points. Files: ${lines}.
`,
    );
    console.log(
      `first visit JS ${kb(firstVisitBytes)}; render median ${ms(median(times))}, cold ${ms(median(cold))}`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
