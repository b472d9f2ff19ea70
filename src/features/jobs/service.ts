// The one background job mechanism (imports now; what-if previews and exports later): a job
// is a row in `jobs` with its files in `job_files`. enqueueJob stores it queued; a worker of
// any instance (./worker.ts) claims it and runs the handler registered for its kind.
import type { Db, Queryable } from '../../db/client.ts';
import type { JobStatus } from '../../db/schema-jobs.ts';
import { finishJob, insertJob, orderedUuid, type StoredFile, writeProgress } from './repository.ts';

export type { JobRow, StoredFile } from './repository.ts';

/** Workers of this process, woken when a job is enqueued here (others poll). */
const wakers = new Set<() => void>();

export function onJobEnqueued(wake: () => void): () => void {
  wakers.add(wake);
  return () => wakers.delete(wake);
}

export interface EnqueueOptions {
  kind: string;
  payload: unknown;
  files?: readonly StoredFile[];
  /** The user who asked (null: the system or an API token; say who in the payload). */
  createdBy: string | null;
  now: Date;
}

/** Stores a queued job and its input files in one transaction; returns its id. */
export async function enqueueJob(db: Db, options: EnqueueOptions): Promise<string> {
  const id = orderedUuid();
  await db.transaction((tx) =>
    insertJob(
      tx,
      {
        id,
        kind: options.kind,
        status: 'queued',
        payload: options.payload,
        createdBy: options.createdBy,
        createdAt: options.now,
        progress: { stage: 'queued' },
      },
      options.files ?? [],
    ),
  );
  for (const wake of wakers) wake();
  return id;
}

/**
 * A job done outside the queue (the command line's import): stored as running at once, so
 * it shows in the history while it runs, and finished with finishInlineJob.
 */
export async function startInlineJob(
  db: Queryable,
  options: { kind: string; payload: unknown; now: Date; createdBy?: string | null },
): Promise<string> {
  const id = orderedUuid();
  await insertJob(db, {
    id,
    kind: options.kind,
    status: 'running' satisfies JobStatus,
    payload: options.payload,
    createdBy: options.createdBy ?? null,
    createdAt: options.now,
    startedAt: options.now,
    heartbeatAt: options.now,
    progress: { stage: 'reading' },
  });
  return id;
}

export { finishJob, writeProgress };

/** The least time between two progress writes of one job: a row update per 250 ms at most. */
export const PROGRESS_EVERY_MS = 250;

/**
 * Progress of a running job, throttled: the latest value is written at most every
 * PROGRESS_EVERY_MS, one write at a time (a slow database never piles writes up).
 * Writes go through `db`, not the job's own transaction, so watchers see them at once.
 */
export function progressWriter(db: Queryable, jobId: string, now: () => Date) {
  let latest: unknown;
  let pending = false;
  let lastWrite = 0;
  let writing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const write = () => {
    timer = null;
    if (!pending || writing || closed) return;
    pending = false;
    lastWrite = Date.now();
    writing = writeProgress(db, jobId, latest, now())
      .catch(() => {}) // progress is advisory: the job's outcome is what counts
      .finally(() => {
        writing = null;
        if (pending) schedule();
      });
  };
  const schedule = () => {
    if (timer || closed) return;
    timer = setTimeout(write, Math.max(0, PROGRESS_EVERY_MS - (Date.now() - lastWrite)));
  };
  return {
    report(progress: unknown): void {
      latest = progress;
      pending = true;
      schedule();
    },
    /**
     * Stops writing without waiting for a write in flight: for finishing the job inside a
     * transaction, where (on the embedded database's one connection) that write waits for
     * the transaction. A late write does nothing, since it only touches a running job.
     */
    stop(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** Stops writing; waits for a write in flight. */
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await writing;
    },
  };
}
