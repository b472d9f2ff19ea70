// The background job mechanism: jobs of a kind run one at a time and in order, progress is
// visible while a job runs, the outcome and output files are stored with it, a handler that
// throws fails its job with a message, and a job whose instance stopped is failed as orphaned.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import { type Database, rows } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { findJob, readFile, readFiles } from './repository.ts';
import { enqueueJob, startInlineJob } from './service.ts';
import { type JobHandler, recoverOrphanedJobs, startJobWorker } from './worker.ts';

let database: Database;
const clock = manualClock('2025-08-01T09:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.db.execute(sql`delete from jobs`);
});

const deps = () => ({ db: database.db, clock });

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const job = (id: string) => findJob(database.db, 'test', id);

describe('background jobs', () => {
  it('runs queued jobs of a kind one at a time, oldest first, with their files and outcome', async () => {
    const seen: string[] = [];
    let active = 0;
    let most = 0;
    const handler: JobHandler = async ({ job: j, inputFiles }) => {
      active += 1;
      most = Math.max(most, active);
      const files = await inputFiles();
      seen.push(`${(j.payload as { n: number }).n}:${files.map((f) => f.content.toString()).join(',')}`);
      await new Promise((r) => setTimeout(r, 30));
      active -= 1;
      return {
        status: 'succeeded',
        result: { n: (j.payload as { n: number }).n },
        outputs: [{ name: 'out.csv', content: Buffer.from(`row ${(j.payload as { n: number }).n}\n`) }],
      };
    };
    const ids: string[] = [];
    for (const n of [1, 2, 3])
      ids.push(
        await enqueueJob(database.db, {
          kind: 'test',
          payload: { n },
          files: [{ name: 'in.csv', content: Buffer.from(`file ${n}`) }],
          createdBy: null,
          now: clock.now(),
        }),
      );
    const worker = startJobWorker(deps(), { handlers: { test: handler }, pollMs: 20 });
    try {
      await until(
        () => job(ids[2]!),
        (j) => j?.status === 'succeeded',
      );
    } finally {
      await worker.stop();
    }
    expect(seen).toEqual(['1:file 1', '2:file 2', '3:file 3']);
    expect(most).toBe(1);
    const last = await job(ids[2]!);
    expect(last).toMatchObject({ status: 'succeeded', result: { n: 3 } });
    expect(last!.finishedAt).toEqual(clock.now());
    expect((await readFile(database.db, ids[2]!, 'output', 'out.csv'))!.content.toString()).toBe('row 3\n');
    expect(await readFiles(database.db, ids[0]!, 'input')).toHaveLength(1);
  });

  it('shows the progress of a running job while it runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const handler: JobHandler = async ({ progress }) => {
      progress({ stage: 'validating', rows: 500 });
      await gate;
      return { status: 'succeeded', result: {}, progress: { stage: 'done', rows: 1000 } };
    };
    const id = await enqueueJob(database.db, {
      kind: 'test',
      payload: {},
      createdBy: null,
      now: clock.now(),
    });
    const worker = startJobWorker(deps(), { handlers: { test: handler }, pollMs: 20 });
    try {
      const running = await until(
        () => job(id),
        (j) => (j?.progress as { stage?: string } | undefined)?.stage === 'validating',
      );
      expect(running).toMatchObject({ status: 'running', progress: { stage: 'validating', rows: 500 } });
      release();
      const done = await until(
        () => job(id),
        (j) => j?.status === 'succeeded',
      );
      expect(done!.progress).toEqual({ stage: 'done', rows: 1000 });
    } finally {
      release();
      await worker.stop();
    }
  });

  it('fails a job whose handler throws, with a message, and goes on with the next', async () => {
    const errors: unknown[] = [];
    const handler: JobHandler = async ({ job: j }) => {
      if ((j.payload as { bad?: boolean }).bad) throw new Error('boom');
      return { status: 'succeeded', result: { ok: true } };
    };
    const bad = await enqueueJob(database.db, {
      kind: 'test',
      payload: { bad: true },
      createdBy: null,
      now: clock.now(),
    });
    const good = await enqueueJob(database.db, {
      kind: 'test',
      payload: {},
      createdBy: null,
      now: clock.now(),
    });
    const worker = startJobWorker(deps(), {
      handlers: { test: handler },
      pollMs: 20,
      onError: (e) => errors.push(e),
    });
    try {
      await until(
        () => job(good),
        (j) => j?.status === 'succeeded',
      );
    } finally {
      await worker.stop();
    }
    expect(await job(bad)).toMatchObject({
      status: 'failed',
      result: { message: expect.stringContaining('internal error') },
    });
    expect(String(errors[0])).toContain('boom');
  });

  it('fails a running job whose heartbeat stopped, saying so, and leaves a fresh one running', async () => {
    const stale = await startInlineJob(database.db, { kind: 'test', payload: {}, now: clock.now() });
    clock.advance(60_000);
    const fresh = await startInlineJob(database.db, { kind: 'test', payload: {}, now: clock.now() });
    clock.advance(90_000); // the first has had no heartbeat for 2.5 minutes, the second 1.5
    expect(await recoverOrphanedJobs(deps())).toEqual([stale]);
    expect(await job(stale)).toMatchObject({
      status: 'failed',
      result: { message: expect.stringContaining('stopped (no heartbeat since 2025-08-01 09:00:00 UTC)') },
    });
    expect((await job(fresh))!.status).toBe('running');
  });

  it('does not start a queued job of a kind while another of that kind runs elsewhere', async () => {
    await startInlineJob(database.db, { kind: 'test', payload: {}, now: clock.now() });
    const queued = await enqueueJob(database.db, {
      kind: 'test',
      payload: {},
      createdBy: null,
      now: clock.now(),
    });
    let ran = false;
    const worker = startJobWorker(deps(), {
      handlers: {
        test: async () => {
          ran = true;
          return { status: 'succeeded', result: {} };
        },
      },
      pollMs: 20,
    });
    await new Promise((r) => setTimeout(r, 200));
    await worker.stop();
    expect(ran).toBe(false);
    const [row] = await rows<{ status: string }>(
      database.db,
      sql`select status from jobs where id = ${queued}`,
    );
    expect(row!.status).toBe('queued');
  });
});
