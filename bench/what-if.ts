// What-if and publish benchmark: the engine benchmark's data (10,000 partners, 200,000
// clients, 2,000,000 MRR changes) imported into a fresh PostgreSQL database; a draft with
// every tier's total halved; its what-if as an HTTP job against `tierwise start` (POST until
// the job shows succeeded), and its publish (every partner rebuilt) while the dashboards of
// the largest and a mid partner are read continuously, their latency counted during the
// publish only. The in-process whatIf() is also timed split into fact loading and engine.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { type Db, openDatabase } from '../src/db/client.ts';
import { accruedBetween } from '../src/domain/commission.ts';
import { addDays, addMonths } from '../src/domain/dates.ts';
import { exampleProgramFile } from '../src/domain/default-program.ts';
import { deriveLedger } from '../src/domain/ledger.ts';
import { loadProgram } from '../src/domain/program.ts';
import { BENCH_SIZE, generateDataset } from '../src/features/demo/generate.ts';
import { writeDatasetFolder } from '../src/features/demo/write-folder.ts';
import { BulkFactReader } from '../src/features/points/bulk-load.ts';
import { allPartnerIds } from '../src/features/points/repository.ts';
import { pointsOfLedger } from '../src/features/points/service.ts';
import { getProgram } from '../src/features/program/service.ts';
import { freshServerDatabase, runTierwise } from './import.ts';
import { machine, percentile, writeSection } from './report.ts';
import { json, startServer, type Target } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'out');
const PASSWORD = 'bench-password-2026';
const EMAIL = 'bench-operator@bench.test';
const END_DATE = '2026-10-31';
/** Dashboard readers during the publish (10 per partner read). */
const READERS = 20;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (v: number) => v.toLocaleString('en');

/** The engine benchmark's dataset (scaled) as an import folder, written once under bench/out. */
async function whatIfFolder(scale: number): Promise<{ dir: string; counts: Record<string, number> }> {
  const size = {
    partners: Math.round(BENCH_SIZE.partners * scale),
    clients: Math.round(BENCH_SIZE.clients * scale),
    months: BENCH_SIZE.months,
    changesPerClient: BENCH_SIZE.changesPerClient,
  };
  const dir = join(out, `what-if-${size.partners}-${size.clients}`);
  // Written last: a folder without it is an interrupted write.
  const marker = join(dir, 'counts.json');
  if (!existsSync(marker)) {
    mkdirSync(out, { recursive: true });
    console.log(`generating ${n(size.partners)} partners, ${n(size.clients)} clients...`);
    const dataset = generateDataset({ ...size, seed: 'bench', endDate: END_DATE, usageMonths: 1 });
    const counts = await writeDatasetFolder(dataset, dir);
    writeFileSync(marker, JSON.stringify(counts));
  }
  return { dir, counts: JSON.parse(readFileSync(marker, 'utf8')) };
}

/** The example program with every tier's total halved (2 decimals at most). */
function draftDocument(): unknown {
  const doc = structuredClone(exampleProgramFile) as { ruleSets: { tiers?: { total: number }[] }[] };
  for (const r of doc.ruleSets)
    for (const tier of r.tiers ?? []) tier.total = Math.round((tier.total / 2) * 100) / 100;
  return doc;
}

interface Job {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: { stage: string; partners: number; of: number };
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: the benchmark reads a few known fields
  result: any;
}

/** Polls the job until it has finished; the time it was seen finished and when the rebuild began. */
async function follow(url: string, cookie: string, limitMs: number) {
  const started = performance.now();
  let firstProgress: number | null = null;
  for (;;) {
    const job = (await json(url, { cookie })).body as Job;
    const now = performance.now();
    if (firstProgress === null && job.progress.partners > 0) firstProgress = now;
    if (job.status === 'succeeded') return { job, at: now, firstProgress };
    if (job.status === 'failed') throw new Error(`${url} failed: ${job.error}`);
    if (now - started > limitMs) throw new Error(`${url} still ${job.status} after ${seconds(limitMs)}`);
    await sleep(POLL_MS);
  }
}

interface Session {
  url: string;
  cookie: string;
  csrf: string;
}

async function httpWhatIf(s: Session, draftId: string) {
  const t0 = performance.now();
  const { body } = await json(`${s.url}/api/v1/program/drafts/${draftId}/what-if`, {
    method: 'POST',
    cookie: s.cookie,
    csrf: s.csrf,
    body: JSON.stringify({ on: END_DATE }),
  });
  const { job, at } = await follow(`${s.url}/api/v1/program/what-if/${body.jobId}`, s.cookie, 30 * 60_000);
  const partners = job.result.partners as {
    before: { credited: string | null };
    after: { credited: string | null };
  }[];
  return {
    ms: at - t0,
    partners: partners.length,
    changed: partners.filter((p) => p.before.credited !== p.after.credited).length,
    tiers: job.result.tiers as { before: Record<string, number>; after: Record<string, number> },
    serverMs: Date.parse(job.finishedAt!) - Date.parse(job.createdAt),
  };
}

/**
 * What the what-if job's whatIf() does (./src/features/program/what-if.ts compare), in this
 * process, timed by part: the cursors' set-up, the FETCHes, the engine (two ledgers per
 * partner), the standings on the day and the commission of the 12 months before it.
 */
async function splitWhatIf(db: Db) {
  const published = await getProgram(db);
  const draft = loadProgram(draftDocument());
  const period = { from: addDays(addMonths(END_DATE, -12), 1), to: END_DATE };
  const t = { open: 0, fetch: 0, engine: 0, standings: 0, commission: 0, total: 0 };
  let partners = 0;
  const accrued = (ledger: ReturnType<typeof deriveLedger>) => accruedBetween(ledger, period.from, period.to);
  const start = performance.now();
  await db
    .transaction(async (tx) => {
      let m = performance.now();
      const ids = await allPartnerIds(tx);
      const batches: string[][] = [];
      for (let i = 0; i < ids.length; i += 50) batches.push(ids.slice(i, i + 50));
      const reader = await BulkFactReader.open(tx, batches, false, { readOnly: true });
      t.open = performance.now() - m;
      for (const batch of batches) {
        m = performance.now();
        const { facts } = await reader.next();
        t.fetch += performance.now() - m;
        for (const id of batch) {
          const f = facts.get(id)!;
          m = performance.now();
          const was = deriveLedger(published, f);
          const will = deriveLedger(draft, f);
          const a = performance.now();
          pointsOfLedger(was, END_DATE);
          pointsOfLedger(will, END_DATE);
          const b = performance.now();
          accrued(was);
          accrued(will);
          t.commission += performance.now() - b;
          t.standings += b - a;
          t.engine += a - m;
          partners++;
        }
      }
      await reader.close();
      throw new Error('rollback');
    })
    .catch((e: Error) => {
      if (e.message !== 'rollback') throw e;
    });
  t.total = performance.now() - start;
  return { ...t, partners };
}

interface Reads {
  latencies: number[];
  errors: number;
  non2xx: number;
}

/** Readers of one dashboard, each response kept with the time it was sent. */
function readDashboard(url: string, cookie: string, connections: number) {
  const sent: { at: number; ms: number; ok: boolean }[] = [];
  const failed: number[] = [];
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });
  // The callback form answers the instance (events, stop()); it ends when stopped.
  const instance = autocannon({ url, connections, duration: 3600, headers: { cookie } }, () => finished());
  instance.on('response', (_client, status, _bytes, ms) => {
    const now = performance.now();
    sent.push({ at: now - ms, ms, ok: status >= 200 && status < 300 });
  });
  instance.on('reqError', () => failed.push(performance.now()));
  return {
    async stop() {
      instance.stop();
      await done;
    },
    /** The responses to the requests sent between from and to, and the errors then. */
    between(from: number, to: number): Reads {
      const inside = sent.filter((r) => r.at >= from && r.at <= to);
      return {
        latencies: inside.filter((r) => r.ok).map((r) => r.ms),
        non2xx: inside.filter((r) => !r.ok).length,
        errors: failed.filter((at) => at >= from && at <= to).length,
      };
    },
  };
}

const merge = (a: Reads, b: Reads): Reads => ({
  latencies: [...a.latencies, ...b.latencies],
  errors: a.errors + b.errors,
  non2xx: a.non2xx + b.non2xx,
});
const summary = (r: Reads) =>
  r.latencies.length
    ? `${n(r.latencies.length)} reads, p50 ${percentile(r.latencies, 50).toFixed(0)} ms, **p99 ${percentile(r.latencies, 99).toFixed(0)} ms**, max ${r.latencies.reduce((a, b) => Math.max(a, b), 0).toFixed(0)} ms, ${r.errors + r.non2xx} errors`
    : `no reads, ${r.errors + r.non2xx} errors`;

export async function runWhatIfBench(options: { scale?: number } = {}): Promise<void> {
  const scale = options.scale ?? 1;
  const { dir, counts } = await whatIfFolder(scale);
  const env = {
    ...process.env,
    DATABASE_URL: await freshServerDatabase(`tierwise_bench_what_if_${String(scale).replace(/\W/g, '_')}`),
  };
  const t: Target = { kind: 'postgres', args: [], env };
  console.log(`importing ${dir} into PostgreSQL...`);
  const m = performance.now();
  await runTierwise(['import', dir, '--json'], env);
  const importMs = performance.now() - m;
  await runTierwise(
    ['users', 'add', '--email', EMAIL, '--role', 'operator', '--password-stdin'],
    env,
    PASSWORD,
  );
  const partners = JSON.parse((await runTierwise(['partners', '--json'], env)).stdout) as {
    partnerId: string;
    total: number;
  }[];
  partners.sort((a, b) => a.total - b.total);
  const largest = partners[partners.length - 1]!;
  const mid = partners[partners.length >> 1]!;

  const load: { start: number; publish?: number; end?: number } = { start: loadavg()[0]! };
  const { child, url } = await startServer(t);
  try {
    const { res, body } = await json(`${url}/api/v1/session`, {
      method: 'POST',
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    const s: Session = {
      url,
      cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!,
      csrf: body.csrfToken,
    };
    const draft = (
      await json(`${url}/api/v1/program/drafts`, {
        method: 'POST',
        cookie: s.cookie,
        csrf: s.csrf,
        body: JSON.stringify({ name: 'Bench: every tier total halved', document: draftDocument() }),
      })
    ).body as { draftId: string; valid: boolean; problems: unknown[] };
    if (!draft.valid) throw new Error(`the draft is invalid: ${JSON.stringify(draft.problems)}`);

    // What-if: the first job on a fresh server (cold), then a second one.
    console.log('what-if (HTTP job)...');
    const cold = await httpWhatIf(s, draft.draftId);
    console.log(`  cold ${seconds(cold.ms)}`);
    const warm = await httpWhatIf(s, draft.draftId);
    console.log(`  warm ${seconds(warm.ms)}`);

    // The same work in this process, split (the server is idle meanwhile).
    console.log('what-if in-process, split...');
    const database = await openDatabase({ url: env.DATABASE_URL });
    const split = await splitWhatIf(database.db).finally(() => database.close());
    console.log(`  ${JSON.stringify(split)}`);

    // Publish while the two dashboards are read.
    const dashboard = (p: string) => `${url}/api/v1/partners/${p}/dashboard`;
    await json(dashboard(largest.partnerId), { cookie: s.cookie });
    await json(dashboard(mid.partnerId), { cookie: s.cookie });
    const readers = [largest, mid].map((p) => readDashboard(dashboard(p.partnerId), s.cookie, READERS / 2));
    await sleep(5_000); // warm-up, and the figures before the publish
    const beforeFrom = performance.now() - 3_000;
    load.publish = loadavg()[0]!;
    console.log('publish under dashboard reads...');
    const p0 = performance.now();
    const posted = await json(`${url}/api/v1/program/drafts/${draft.draftId}/publish`, {
      method: 'POST',
      cookie: s.cookie,
      csrf: s.csrf,
      body: JSON.stringify({ note: 'Benchmark: every tier total halved' }),
    });
    const followed = await follow(
      `${url}/api/v1/program/publish/${posted.body.jobId}`,
      s.cookie,
      30 * 60_000,
    );
    const p1 = followed.at;
    await Promise.all(readers.map((r) => r.stop()));
    const during = readers.map((r) => r.between(p0, p1));
    const before = readers.map((r) => r.between(beforeFrom, p0));
    const publish = followed.job.result as { version: number; partnersRebuilt: number; tierChanges: number };
    console.log(`  publish ${seconds(p1 - p0)}: ${JSON.stringify(publish)}`);
    load.end = loadavg()[0]!;

    const all = merge(during[0]!, during[1]!);
    const p99 = all.latencies.length ? percentile(all.latencies, 99) : Number.NaN;
    const met = (ok: boolean) => (ok ? 'met' : '**not met**');
    const engineShare = split.engine + split.standings + split.commission;
    const scaleNote =
      scale === 1 ? '' : ` — **at scale ${scale}** (\`npm run bench -- what-if --scale ${scale}\`)`;
    const text = `## What-if and publish

Command: \`npm run bench -- what-if\` · ${machine()} · measured ${new Date().toISOString().slice(0, 10)}${scaleNote}

Data: the engine benchmark's dataset (seed "bench", end ${END_DATE}): ${n(counts['partners.csv']!)} partners, ${n(counts['clients.csv']!)} clients, ${n(counts['mrr_changes.csv']!)} MRR changes, ${n(counts['deals.csv'] ?? 0)} deals, written as an import folder and imported with \`tierwise import DIR --json\` into a fresh PostgreSQL 15 database on 127.0.0.1 (${seconds(importMs)}, not counted below). \`tierwise start\` as a child process, signed in as an operator. The draft: the example program with every tier's total halved, posted with \`POST /api/v1/program/drafts\`.

What-if: \`POST /api/v1/program/drafts/{id}/what-if {on: "${END_DATE}"}\` until \`GET /api/v1/program/what-if/{job}\` shows it succeeded (polled every ${POLL_MS} ms; the answer with every partner before and after, and the commission of the 12 months up to that day, included). Publish: \`POST /api/v1/program/drafts/{id}/publish\` until \`GET /api/v1/program/publish/{job}\` shows it succeeded, while autocannon (in the benchmark process, ${READERS} connections: ${READERS / 2} each) reads \`GET /api/v1/partners/{id}/dashboard\` of the largest partner (${largest.partnerId}, ${n(largest.total)} points) and a mid partner (${mid.partnerId}, ${n(mid.total)} points); the latencies counted are those of the reads sent between the POST and the job seen succeeded.

| measure | result | target |
|---|---|---|
| what-if, HTTP job end to end, first on a fresh server | **${seconds(cold.ms)}** (job created → finished ${seconds(cold.serverMs)}); ${n(cold.partners)} partners, ${n(cold.changed)} change credited tier | < 10 s: ${met(cold.ms < 10_000)} |
| what-if, HTTP job end to end, second | **${seconds(warm.ms)}** (job ${seconds(warm.serverMs)}) | < 10 s: ${met(warm.ms < 10_000)} |
| whatIf() in-process, by part | ${seconds(split.total)} for ${n(split.partners)} partners: facts ${seconds(split.open + split.fetch)} (cursors set up ${seconds(split.open)}, FETCHes ${seconds(split.fetch)}); engine ${seconds(engineShare)} (two ledgers ${seconds(split.engine)}, standings on the day ${seconds(split.standings)}, commission ${seconds(split.commission)}) | |
| publish (every partner rebuilt on PostgreSQL), end to end | **${seconds(p1 - p0)}**; version ${publish.version}, ${n(publish.partnersRebuilt)} partners rebuilt, ${n(publish.tierChanges)} tier changes${followed.firstProgress ? `; first rebuilt batch seen after ${seconds(followed.firstProgress - p0)}` : ''} | < 60 s: ${met(p1 - p0 < 60_000)} |
| dashboard reads during the publish, both partners | ${summary(all)} | p99 < 100 ms: ${met(p99 < 100 && all.errors + all.non2xx === 0)} |
| — largest partner | ${summary(during[0]!)} | |
| — mid partner | ${summary(during[1]!)} | |
| dashboard reads in the 3 s before the publish, both partners | ${summary(merge(before[0]!, before[1]!))} | |

Credited tiers on ${END_DATE} (what-if, before → after): ${Object.keys({
      ...cold.tiers.before,
      ...cold.tiers.after,
    })
      .map((k) => `${k} ${n(cold.tiers.before[k] ?? 0)} → ${n(cold.tiers.after[k] ?? 0)}`)
      .join(', ')}.

Load (1-minute average): ${load.start.toFixed(1)} when the server started, ${load.publish!.toFixed(1)} when the publish started, ${load.end!.toFixed(1)} at its end (the machine's other work, the server, PostgreSQL and the readers share its cores).
`;
    writeSection('what-if', text);
    console.log(text);
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.on('exit', r));
  }
}
