// The job worker of an instance: looks for queued jobs every ~500 ms (at once when a job is
// enqueued in this process), claims the oldest of each kind it has a handler for (one job
// of a kind runs at a time across all instances: ./repository.ts claimJob), runs it with
// a heartbeat, and fails jobs whose instance died (no heartbeat for two minutes).
import type { Clock } from '../../core/clock.ts';
import type { Db, Queryable } from '../../db/client.ts';
import {
  claimJob,
  failOrphans,
  finishJob,
  insertFiles,
  type JobRow,
  readFiles,
  type StoredFile,
  writeHeartbeat,
} from './repository.ts';
import { onJobEnqueued, progressWriter } from './service.ts';

export interface JobDeps {
  db: Db;
  clock: Clock;
}

export interface JobOutcome {
  status: 'succeeded' | 'failed';
  result: unknown;
  /** The final progress (e.g. stage 'done'); default: left as last reported. */
  progress?: unknown;
  /** Files the job produced (a rejects file), stored beside it. */
  outputs?: readonly StoredFile[];
}

export interface JobContext {
  job: JobRow;
  deps: JobDeps;
  inputFiles(): Promise<StoredFile[]>;
  /** Reports progress; written to the row at most every 250 ms, with the heartbeat. */
  progress(progress: unknown): void;
  /**
   * Finishes the job inside `tx`, e.g. the transaction of the work itself, so the work and
   * its outcome commit together. A handler that does not call it returns its outcome.
   */
  complete(tx: Queryable, outcome: JobOutcome): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<JobOutcome | undefined>;

/** A running job without a heartbeat for this long lost its instance. */
export const ORPHAN_AFTER_MS = 2 * 60_000;

export interface JobWorkerOptions {
  /** The handler of each kind this worker runs. */
  handlers: Readonly<Record<string, JobHandler>>;
  /** Pause between looks at the queue (default 500 ms). */
  pollMs?: number;
  /** How often a running job's heartbeat is refreshed without progress (default 10 s). */
  heartbeatMs?: number;
  /** How often orphaned jobs are looked for (default 10 s). */
  orphanCheckMs?: number;
  onError?: (error: unknown, job?: JobRow) => void;
}

export interface JobWorker {
  /** Stops looking for jobs and waits for the ones running here. */
  stop(): Promise<void>;
  /** Looks at the queue now (tests; enqueue in this process does it too). */
  wake(): void;
}

/** Fails the running jobs whose heartbeat is older than ORPHAN_AFTER_MS; returns their ids. */
export async function recoverOrphanedJobs(
  deps: JobDeps,
  keep: readonly string[] = [],
  afterMs = ORPHAN_AFTER_MS,
): Promise<string[]> {
  const now = deps.clock.now();
  return failOrphans(deps.db, new Date(now.getTime() - afterMs), now, keep);
}

/** Runs one claimed job to its end: the handler, the heartbeat, the outcome. */
async function runJob(
  deps: JobDeps,
  job: JobRow,
  handler: JobHandler,
  options: JobWorkerOptions,
): Promise<void> {
  const writer = progressWriter(deps.db, job.id, () => deps.clock.now());
  const heartbeat = setInterval(
    () => void writeHeartbeat(deps.db, job.id, deps.clock.now()).catch(() => {}),
    options.heartbeatMs ?? 10_000,
  );
  let completed = false;
  const complete = async (tx: Queryable, outcome: JobOutcome) => {
    writer.stop();
    completed = await finishJob(tx, job.id, outcome, deps.clock.now());
    if (completed && outcome.outputs) await insertFiles(tx, job.id, 'output', outcome.outputs);
  };
  try {
    const outcome = await handler({
      job,
      deps,
      inputFiles: () => readFiles(deps.db, job.id, 'input'),
      progress: (p) => writer.report(p),
      complete,
    });
    if (!completed && outcome) await deps.db.transaction((tx) => complete(tx, outcome));
    else if (!completed) throw new Error(`the ${job.kind} job handler gave no outcome`);
  } catch (error) {
    options.onError?.(error, job);
    if (!completed) {
      await writer.close();
      await finishJob(
        deps.db,
        job.id,
        {
          status: 'failed',
          result: { message: 'The job stopped on an internal error (see the server log).' },
        },
        deps.clock.now(),
      ).catch((e) => options.onError?.(e, job));
    }
  } finally {
    clearInterval(heartbeat);
    await writer.close();
  }
}

export function startJobWorker(deps: JobDeps, options: JobWorkerOptions): JobWorker {
  const pollMs = options.pollMs ?? 500;
  const orphanCheckMs = options.orphanCheckMs ?? 10_000;
  const running = new Map<string, { jobId: string; done: Promise<void> }>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let wakeUp: (() => void) | null = null;
  let again = false;
  let lastOrphanCheck = Number.NEGATIVE_INFINITY;

  const wake = () => {
    again = true;
    if (timer) clearTimeout(timer);
    wakeUp?.();
  };
  const unsubscribe = onJobEnqueued(wake);

  const tick = async () => {
    if (Date.now() - lastOrphanCheck >= orphanCheckMs) {
      lastOrphanCheck = Date.now();
      await recoverOrphanedJobs(
        deps,
        [...running.values()].map((r) => r.jobId),
      );
    }
    for (const [kind, handler] of Object.entries(options.handlers)) {
      if (stopped || running.has(kind)) continue;
      const job = await claimJob(deps.db, kind, deps.clock.now());
      if (!job) continue;
      const done = runJob(deps, job, handler, options).finally(() => {
        running.delete(kind);
        wake(); // the next job of the kind may be waiting
      });
      running.set(kind, { jobId: job.id, done });
    }
  };

  const loop = (async () => {
    while (!stopped) {
      again = false;
      try {
        await tick();
      } catch (error) {
        options.onError?.(error);
      }
      if (stopped) break;
      if (again) continue;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, pollMs);
      });
      wakeUp = null;
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      wakeUp?.();
      await loop;
      await Promise.all([...running.values()].map((r) => r.done));
    },
  };
}
