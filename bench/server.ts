// Server benchmark (issue 4): with the import benchmark's data loaded (10,000 partners)
// autocannon for 20 s at 50 connections on 127.0.0.1 against the dashboard summary of the
// largest partner and, in the same run, the trivial /api/health route; then 1,000 live MRR
// changes, each timed from the POST returning to the dashboard showing it.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { benchFolder, freshServerDatabase, runTierwise } from './import.ts';
import { machine, percentile, writeSection } from './report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'out');
const PASSWORD = 'bench-password-2026';
const EMAIL = 'bench-operator@bench.test';
/** The partners table as an operator opens it filtered by a tier, sorted by points, on page 2. */
const TABLE_QUERY = 'credited=gold&sort=total&dir=desc&page=2&pageSize=50';

export interface Target {
  kind: 'postgres' | 'pglite';
  args: string[];
  env: NodeJS.ProcessEnv;
}

/** A fresh database of that kind with the benchmark folder imported by the current code. */
async function target(kind: Target['kind'], scale: number): Promise<Target> {
  const env = { ...process.env };
  let args: string[] = [];
  const name = `bench-server-${scale}`;
  if (kind === 'postgres') {
    env.DATABASE_URL = await freshServerDatabase(`tierwise_${name.replace(/[^a-z0-9]/g, '_')}`);
  } else {
    delete env.DATABASE_URL;
    const data = join(out, `pglite-${name}`);
    rmSync(data, { recursive: true, force: true });
    args = ['--data', data];
  }
  const { dir } = await benchFolder(scale);
  console.log(`loading ${dir} into ${kind}...`);
  await runTierwise([...args, 'import', dir, '--json'], env);
  return { kind, args, env };
}

export function startServer(t: Target): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(root, 'bin', 'tierwise.mjs'), ...t.args, 'start', '--port', '0', '--host', '127.0.0.1', '--json'],
    {
      env: { ...t.env, TIERWISE_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (d) => {
      text += d;
      const line = text.split('\n').find((l) => l.startsWith('{') && l.includes('"url"'));
      if (line) resolve({ child, url: JSON.parse(line).url as string });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

export async function json(url: string, init: RequestInit & { cookie?: string; csrf?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.cookie) headers.cookie = init.cookie;
  if (init.csrf) headers['x-csrf-token'] = init.csrf;
  const res = await fetch(url, { ...init, headers });
  // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads a few known fields
  const body: any = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return { res, body };
}

function cannon(url: string, cookie: string, duration = 20): Promise<autocannon.Result> {
  return autocannon({ url, connections: 50, duration, headers: { cookie } });
}

/** 3 s at 50 connections first (not counted): JIT, the pool's connections, their prepared statements. */
async function measure(url: string, cookie: string): Promise<autocannon.Result> {
  await cannon(url, cookie, 3);
  return cannon(url, cookie);
}

async function benchTarget(t: Target) {
  await runTierwise(
    [...t.args, 'users', 'add', '--email', EMAIL, '--role', 'operator', '--password-stdin'],
    t.env,
    PASSWORD,
  ).catch(
    () => undefined, // already there from an earlier run
  );
  const partners = JSON.parse((await runTierwise([...t.args, 'partners', '--json'], t.env)).stdout) as {
    partnerId: string;
    total: number;
  }[];
  const largest = partners.reduce((a, b) => (b.total > a.total ? b : a));
  const { child, url } = await startServer(t);
  try {
    const { res, body } = await json(`${url}/api/v1/session`, {
      method: 'POST',
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = body.csrfToken as string;
    const dashboardUrl = `${url}/api/v1/partners/${largest.partnerId}/dashboard`;
    await json(dashboardUrl, { cookie });
    const dashboard = await measure(dashboardUrl, cookie);
    const health = await measure(`${url}/api/health`, cookie);
    // The operator console (issue 11): a sorted, filtered page of the partners table, and the overview.
    const tableUrl = `${url}/api/v1/partners?${TABLE_QUERY}`;
    await json(tableUrl, { cookie });
    const table = await measure(tableUrl, cookie);
    await json(`${url}/api/v1/overview`, { cookie });
    const overview = await measure(`${url}/api/v1/overview`, cookie);

    // Live: a client of a mid-sized partner gains MRR 1,000 times; each change must show
    // in that partner's dashboard. The POST answers after the derived state is committed.
    const partner = partners.sort((a, b) => a.total - b.total)[partners.length >> 1]!.partnerId;
    const today = new Date().toISOString().slice(0, 10);
    const client = `BENCH-${Date.now()}`;
    await json(`${url}/api/v1/facts/clients`, {
      method: 'POST',
      cookie,
      csrf,
      body: JSON.stringify({
        rows: [{ client_id: client, name: 'Bench client', country: 'US', currency: 'USD' }],
      }),
    });
    await json(`${url}/api/v1/facts/managements`, {
      method: 'POST',
      cookie,
      csrf,
      body: JSON.stringify({ rows: [{ partner_id: partner, client_id: client, start_date: '2020-01-01' }] }),
    });
    const visible: number[] = [];
    const posts: number[] = [];
    let before = (await json(`${url}/api/v1/partners/${partner}/dashboard`, { cookie })).body.points
      .managed as number;
    for (let k = 1; k <= 1000; k++) {
      const t0 = performance.now();
      const posted = await json(`${url}/api/v1/mrr-changes`, {
        method: 'POST',
        cookie,
        csrf,
        body: JSON.stringify({
          rows: [
            {
              change_id: `${client}-${String(k).padStart(4, '0')}`, // same-date changes apply in id order
              client_id: client,
              product: 'Bench Hub',
              date: today,
              mrr_after: 100 + k,
              currency: 'USD',
            },
          ],
        }),
      });
      const t1 = performance.now();
      posts.push(t1 - t0);
      for (;;) {
        const managed = (await json(`${url}/api/v1/partners/${partner}/dashboard`, { cookie })).body.points
          .managed as number;
        if (managed !== before) {
          before = managed;
          break;
        }
        if (performance.now() - t1 > 5000) {
          throw new Error(
            `change ${k} did not show within 5 s (managed ${managed}, answer ${JSON.stringify(posted.body)})`,
          );
        }
      }
      visible.push(performance.now() - t1);
    }
    return { largest, dashboard, health, table, overview, posts, visible };
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.on('exit', r));
  }
}

export async function runServerBench(options: { scale?: number } = {}): Promise<void> {
  const rowsOut: string[] = [];
  const consoleRows: string[] = [];
  const kinds = (process.env.BENCH_ONLY?.split(',') ?? ['postgres', 'pglite']) as Target['kind'][];
  for (const kind of kinds) {
    console.log(`server on ${kind}...`);
    const t = await target(kind, options.scale ?? 1);
    // Other work on the machine skews every figure: say how busy it was.
    const load = loadavg()[0]!.toFixed(1);
    const r = await benchTarget(t);
    const ratio = r.dashboard.requests.average / r.health.requests.average;
    const db = kind === 'postgres' ? 'PostgreSQL 15' : 'PGlite';
    const line = (route: string, a: autocannon.Result) =>
      `| ${db} (load ${load}) | ${route} | ${a.requests.average.toLocaleString('en')} req/s, p50 ${a.latency.p50} ms, **p99 ${a.latency.p99} ms** |`;
    consoleRows.push(
      line(`\`GET /api/v1/partners?${TABLE_QUERY}\``, r.table),
      line('`GET /api/v1/overview`', r.overview),
    );
    rowsOut.push(
      `| ${kind === 'postgres' ? 'PostgreSQL 15' : 'PGlite'} (load ${load}) | ${r.largest.partnerId} (${r.largest.total.toLocaleString('en')} points) | ` +
        `${r.dashboard.requests.average.toLocaleString('en')} req/s, p50 ${r.dashboard.latency.p50} ms, **p99 ${r.dashboard.latency.p99} ms** | ` +
        `${r.health.requests.average.toLocaleString('en')} req/s, p99 ${r.health.latency.p99} ms | **${(ratio * 100).toFixed(0)} %** | ` +
        `POST p50 ${percentile(r.posts, 50).toFixed(1)} ms; visible after **p99 ${percentile(r.visible, 99).toFixed(1)} ms** |`,
    );
  }
  const scale = options.scale ?? 1;
  const scaleNote =
    scale === 1
      ? ' (10,000 partners, 200,000 clients, 1,000,000 MRR changes)'
      : ` at scale ${scale} (${Math.round(10_000 * scale).toLocaleString('en')} partners, ${Math.round(1_000_000 * scale).toLocaleString('en')} MRR changes; \`npm run bench -- server --scale ${scale}\`)`;
  const text = `## Server (issue 4)

Command: \`npm run bench -- server\` · ${machine()} · measured ${new Date().toISOString().slice(0, 10)}

Data: the import benchmark's folder${scaleNote}, imported into a fresh database by the current code; \`tierwise start\` as a child process, autocannon in the benchmark process: 20 s at 50 connections on 127.0.0.1 per route (after 3 s not counted), signed in as an operator (cookie). Every dashboard request reads its session and the partner's summary from the database (nothing is cached between requests; the lookups of requests that arrive together share one query, \`src/server/batched.ts\`). Live: 1,000 \`POST /api/v1/mrr-changes\` of one row each, each timed from the POST returning until the partner's dashboard shows the new managed points.

| database | largest partner | its dashboard summary | trivial route (/api/health) | dashboard / trivial req/s | live change |
|---|---|---|---|---|---|
${rowsOut.join('\n')}

Load: the 1-minute load average when that database's run started (other work on the machine skews the figures).

Targets: dashboard p99 < 50 ms on PostgreSQL and at least 25 % of the trivial route's requests per second; a live change visible within 100 ms of the POST returning (p99).

### Operator console (issue 11)

The same data and run, the same 20 s at 50 connections per route, signed in as an operator: a sorted, filtered page of the partners table (search, filters, sort and the count over all pages in one statement, \`src/features/partners/table.ts\`) and the overview (every figure over the 10,000 partners, nothing cached).

| database | route | answer |
|---|---|---|
${consoleRows.join('\n')}

Target: < 100 ms p99 on PostgreSQL for both.
`;
  writeSection('server', text);
  console.log(text);
}
