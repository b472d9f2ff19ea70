// Import benchmark (issue 3): a generated folder with 1,000,000 MRR changes (10,000
// partners, 200,000 clients) imported by `tierwise import` into a fresh PGlite folder and a
// fresh PostgreSQL database: rows per second and the importing process's peak RSS.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateDataset } from '../src/features/demo/generate.ts';
import { writeDatasetFolder } from '../src/features/demo/write-folder.ts';
import { machine, mb, writeSection } from './report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'out');
export const BENCH_PG = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ImportRun {
  seconds: number;
  rows: number;
  peakRss: number;
  partnersRecomputed: number;
}

/** Peak resident memory (VmHWM) of a running process, in bytes. */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export async function runTierwise(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin?: string,
): Promise<{ stdout: string; peak: number }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'tierwise.mjs'), ...args], {
    env,
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'inherit'],
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  let stdout = '';
  let peak = 0;
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, peakRss(child.pid));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`tierwise ${args.join(' ')} exited with ${code}`);
  return { stdout, peak };
}

export async function freshServerDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: BENCH_PG });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(BENCH_PG);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function benchFolder(scale: number): Promise<{ dir: string; changes: number }> {
  const size = { partners: Math.round(10_000 * scale), clients: Math.round(200_000 * scale) };
  const dir = join(out, `import-${size.partners}-${size.clients}`);
  const marker = join(dir, 'mrr_changes.csv');
  if (!existsSync(marker)) {
    mkdirSync(out, { recursive: true });
    const dataset = generateDataset({
      ...size,
      months: 36,
      changesPerClient: 5,
      seed: 'bench-import',
      endDate: '2026-10-31',
      usageMonths: 1,
    });
    await writeDatasetFolder(dataset, dir);
  }
  const changes = readFileSync(marker, 'utf8').split('\n').length - 2;
  return { dir, changes };
}

async function importInto(kind: 'pglite' | 'postgres', dir: string): Promise<ImportRun> {
  const env = { ...process.env };
  const args: string[] = [];
  if (kind === 'postgres') env.DATABASE_URL = await freshServerDatabase('tierwise_bench_import');
  else {
    delete env.DATABASE_URL;
    const data = join(out, 'pglite-import');
    rmSync(data, { recursive: true, force: true });
    args.push('--data', data);
  }
  // Migrate first so the import's figures are the import's own.
  await runTierwise([...args, 'migrate'], env);
  const started = performance.now();
  const { stdout, peak } = await runTierwise([...args, 'import', dir, '--json'], env);
  const seconds = (performance.now() - started) / 1000;
  const result = JSON.parse(stdout) as {
    files: Record<string, { rows: number }>;
    partnersRecomputed: number;
  };
  const rows = Object.values(result.files).reduce((s, f) => s + f.rows, 0);
  return { seconds, rows, peakRss: peak, partnersRecomputed: result.partnersRecomputed };
}

export async function runImportBench(options: { scale?: number } = {}): Promise<void> {
  const { dir, changes } = await benchFolder(options.scale ?? 1);
  const results: [string, ImportRun][] = [];
  for (const kind of ['postgres', 'pglite'] as const) {
    console.log(`importing into ${kind}...`);
    results.push([kind, await importInto(kind, dir)]);
  }
  const text = `## Import (issue 3)

Command: \`npm run bench -- import\` · ${machine()} · measured ${new Date().toISOString().slice(0, 10)}

Folder: \`tierwise demo\`'s generator at 10,000 partners / 200,000 clients${options.scale && options.scale !== 1 ? ` × ${options.scale}` : ''}, ${changes.toLocaleString('en')} MRR changes plus the other files; imported with \`tierwise import DIR --json\` (a child process; peak RSS is its VmHWM) into a fresh database, derived state for every partner included.

| database | rows (all files) | time | rows/s | peak RSS | partners recomputed | targets |
|---|---|---|---|---|---|---|
${results
  .map(
    ([kind, r]) =>
      `| ${kind === 'postgres' ? 'PostgreSQL 15 (127.0.0.1)' : 'PGlite (embedded)'} | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | **${Math.round(r.rows / r.seconds).toLocaleString('en')}** | **${mb(r.peakRss)}** | ${r.partnersRecomputed.toLocaleString('en')} | ${kind === 'postgres' ? '≥ 50,000 rows/s; < 600 MB' : '< 600 MB'} |`,
  )
  .join('\n')}
`;
  writeSection('import', text);
  console.log(text);
}
