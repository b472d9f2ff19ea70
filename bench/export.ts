// Export benchmark (issue 13): every sold entry of the import benchmark's data, imported
// into a fresh PostgreSQL database, exported by `tierwise export sold-entries` as CSV and as
// XLSX (rows per second, the exporting process's peak RSS), and over HTTP by a running
// `tierwise start` (time to the first byte of the file, and to its end).
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFolder, freshServerDatabase, runTierwise } from './import.ts';
import { machine, mb, writeSection } from './report.ts';
import { json, startServer, type Target } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'out');
const EMAIL = 'bench-operator@bench.test';
const PASSWORD = 'bench-password-2026';
const ON = '2026-10-31';
const n = (v: number) => Math.round(v).toLocaleString('en');

interface FileRun {
  rows: number;
  seconds: number;
  peak: number;
  bytes: number;
}

async function exportFile(env: NodeJS.ProcessEnv, format: 'csv' | 'xlsx'): Promise<FileRun> {
  const file = join(out, `export-sold-entries.${format}`);
  const m = performance.now();
  const { stdout, peak } = await runTierwise(
    ['export', 'sold-entries', '--format', format, '--on', ON, '--out', file, '--json'],
    env,
  );
  const seconds = (performance.now() - m) / 1000;
  return { rows: (JSON.parse(stdout) as { rows: number }).rows, seconds, peak, bytes: statSync(file).size };
}

/** Time to the response's first byte of body, and to its end. */
async function download(url: string, cookie: string) {
  const m = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`GET ${url}: ${res.status}`);
  const reader = res.body.getReader();
  let first = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) first = performance.now() - m;
    bytes += value.length;
  }
  return { first, total: performance.now() - m, bytes };
}

export async function runExportBench(options: { scale?: number } = {}): Promise<void> {
  const scale = options.scale ?? 1;
  mkdirSync(out, { recursive: true });
  const { dir } = await benchFolder(scale);
  const env = { ...process.env, DATABASE_URL: await freshServerDatabase('tierwise_bench_export') };
  console.log(`importing ${dir} into PostgreSQL...`);
  await runTierwise(['import', dir, '--json'], env);
  await runTierwise(
    ['users', 'add', '--email', EMAIL, '--role', 'operator', '--password-stdin'],
    env,
    PASSWORD,
  );

  console.log('tierwise export sold-entries (csv, xlsx)...');
  const csv = await exportFile(env, 'csv');
  const xlsx = await exportFile(env, 'xlsx');

  console.log('HTTP exports...');
  const t: Target = { kind: 'postgres', args: [], env };
  const { child, url } = await startServer(t);
  let http: Record<'csv' | 'xlsx', Awaited<ReturnType<typeof download>>>;
  try {
    const { res } = await json(`${url}/api/v1/session`, {
      method: 'POST',
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const link = (format: string) => `${url}/api/v1/exports/sold-entries?format=${format}&on=${ON}`;
    http = { csv: await download(link('csv'), cookie), xlsx: await download(link('xlsx'), cookie) };
  } finally {
    child.kill('SIGTERM');
  }

  const perSecond = (r: FileRun) => r.rows / r.seconds;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const row = (label: string, r: FileRun, target: number) =>
    `| ${label} | ${n(r.rows)} rows in ${r.seconds.toFixed(1)} s: **${n(perSecond(r))} rows/s**; ${mb(r.bytes)} file; peak RSS **${mb(r.peak)}** | >= ${n(target)} rows/s: ${met(perSecond(r) >= target)}; RSS < 400 MB: ${met(r.peak < 400 * 2 ** 20)} |`;
  const httpRow = (label: string, d: (typeof http)['csv']) =>
    `| ${label} | first byte after **${d.first.toFixed(0)} ms**, ${mb(d.bytes)} in ${(d.total / 1000).toFixed(1)} s | first byte < 200 ms: ${met(d.first < 200)} |`;
  writeSection(
    'export',
    `## Exports

Command: \`npm run bench -- export${scale === 1 ? '' : ` --scale ${scale}`}\` · ${machine()} · measured ${new Date().toISOString().slice(0, 10)}

Data: the import benchmark's folder (seed "bench-import", ${n(10_000 * scale)} partners, ${n(200_000 * scale)} clients) imported into a fresh PostgreSQL database. Every sold entry on ${ON}, every partner, exported with \`tierwise export sold-entries --format csv|xlsx --on ${ON} --out FILE\` as a child process (the time includes its start, peak RSS read from /proc while it runs), then downloaded from \`GET /api/v1/exports/sold-entries?format=…\` of \`tierwise start\` as an operator.

| measure | result | target |
|---|---|---|
${row('CSV through the CLI', csv, 200_000)}
${row('XLSX through the CLI', xlsx, 50_000)}
${httpRow('CSV over HTTP', http.csv)}
${httpRow('XLSX over HTTP', http.xlsx)}
`,
  );
}
