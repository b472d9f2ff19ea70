// What-if and publish run as background jobs (the one job mechanism, src/features/jobs):
// asked for by a route, run by the worker of any instance, watched through the job's row.
// A publish stores the version and rebuilds every partner in one transaction: readers see
// the old figures until it commits, then all the new ones (never a mix), and tier.changed /
// points.changed events go out for the partners that moved.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import { type Db, rows, type Tx } from '../../db/client.ts';
import { jobs, programDrafts, programVersions } from '../../db/schema.ts';
import { addDays, addMonths } from '../../domain/dates.ts';
import { loadProgram, type Program } from '../../domain/program.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { creatorEmail, findJob, type JobRow } from '../jobs/repository.ts';
import { enqueueJob } from '../jobs/service.ts';
import type { JobHandler } from '../jobs/worker.ts';
import { recomputeAll } from '../points/service.ts';
import { standingEventsHook } from '../webhooks/events.ts';
import type { WhatIfAnswer } from './api-schemas.ts';
import { currentProgramDocument } from './service.ts';
import { whatIf } from './what-if.ts';

export const WHAT_IF_JOB = 'program.what-if';
export const PUBLISH_JOB = 'program.publish';

export interface ProgramJobProgress {
  stage: 'queued' | 'deriving' | 'rebuilding' | 'done';
  partners: number;
  of: number;
}

interface WhatIfPayload {
  draftId: string;
  document: unknown;
  on: string;
  from: string;
  to: string;
  actor: Actor;
}

export interface PublishPayload {
  document: unknown;
  note: string;
  draftId: string | null;
  restoredFrom: number | null;
  actor: Actor;
}

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** Queues a what-if of this (valid) document against the program in force. */
export async function startWhatIf(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { draftId: string; document: unknown; on?: string; from?: string; to?: string; actor: Actor },
): Promise<string> {
  const on = options.on ?? deps.clock.today();
  const to = options.to ?? on;
  const from = options.from ?? addDays(addMonths(to, -12), 1);
  if (from > to)
    throw new AppError('validation_failed', `The commission period starts (${from}) after it ends (${to})`, {
      details: { problems: [{ path: 'from', message: `on or before to (${to})` }] },
    });
  const payload: WhatIfPayload = { ...options, on, from, to };
  return enqueueJob(deps.db, {
    kind: WHAT_IF_JOB,
    payload,
    createdBy: userOf(options.actor),
    now: deps.clock.now(),
  });
}

export const whatIfJobHandler: JobHandler = async (ctx) => {
  const { db } = ctx.deps;
  const payload = ctx.job.payload as WhatIfPayload;
  const current = await currentProgramDocument(db);
  const published = loadProgram(current.document);
  const draft = loadProgram(payload.document);
  ctx.progress({ stage: 'deriving', partners: 0, of: 0 } satisfies ProgramJobProgress);
  const outcome = await whatIf(db, {
    published,
    draft,
    on: payload.on,
    commission: { from: payload.from, to: payload.to },
    progress: (partners, of) =>
      ctx.progress({ stage: 'deriving', partners, of } satisfies ProgramJobProgress),
  });
  const answer: WhatIfAnswer = {
    ...outcome,
    version: current.version,
    commission: { currency: published.baseCurrency, ...outcome.commission! },
  };
  const of = outcome.partners.length;
  return { status: 'succeeded', result: answer, progress: { stage: 'done', partners: of, of } };
};

/** Refuses a publish while another is queued or running. */
async function refuseConcurrentPublish(db: Db): Promise<void> {
  const [busy] = await db
    .select({ id: jobs.id, status: jobs.status, createdAt: jobs.createdAt, createdBy: jobs.createdBy })
    .from(jobs)
    .where(and(eq(jobs.kind, PUBLISH_JOB), inArray(jobs.status, ['queued', 'running'])))
    .orderBy(desc(jobs.createdAt))
    .limit(1);
  if (!busy) return;
  const who = (await creatorEmail(db, busy.createdBy)) ?? 'the command line';
  throw new AppError(
    'conflict',
    `Another publish is ${busy.status === 'queued' ? 'waiting to run' : 'running'} (asked by ${who} at ${busy.createdAt.toISOString()}); wait until it has finished, then publish again`,
    { details: { jobId: busy.id } },
  );
}

/** Queues the publishing of a valid document as the next version. */
export async function startPublish(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  payload: PublishPayload,
): Promise<string> {
  await refuseConcurrentPublish(deps.db);
  return enqueueJob(deps.db, {
    kind: PUBLISH_JOB,
    payload,
    createdBy: userOf(payload.actor),
    now: deps.clock.now(),
  });
}

/**
 * Stores the document as the next version and rebuilds every partner from it, in `db`'s
 * one transaction; the audit entry and (through `finish`) the job's outcome commit with it.
 */
export async function publishVersion(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  payload: PublishPayload,
  options: {
    progress?: (p: ProgramJobProgress) => void;
    finish?: (tx: Tx, result: PublishResult) => Promise<void>;
  } = {},
): Promise<PublishResult> {
  const program: Program = loadProgram(payload.document);
  const asOf = deps.clock.today();
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // One publish at a time, whichever instance runs it.
    await rows(tx, sql`select pg_advisory_xact_lock(hashtextextended('tierwise:program-publish', 0))`);
    const [row] = await tx
      .insert(programVersions)
      .values({
        name: program.name,
        document: payload.document,
        loadedAt: now,
        note: payload.note,
        createdBy: userOf(payload.actor),
        restoredFrom: payload.restoredFrom,
      })
      .returning({ version: programVersions.version });
    const version = row!.version;
    const hook = await standingEventsHook(tx, now);
    let tierChanges = 0;
    const { partners } = await recomputeAll(tx, {
      program,
      asOf,
      onChanged: async (changes) => {
        tierChanges += changes.filter(
          (c) => c.before?.credited !== c.after.credited || c.before?.performance !== c.after.performance,
        ).length;
        await hook?.(changes);
      },
      progress: (done, of) => options.progress?.({ stage: 'rebuilding', partners: done, of }),
    });
    if (payload.draftId) await tx.delete(programDrafts).where(eq(programDrafts.id, payload.draftId));
    await recordAudit(tx, {
      actor: payload.actor,
      at: now,
      action: 'program.publish',
      entity: 'program',
      entityId: String(version),
      after: {
        version,
        name: program.name,
        note: payload.note,
        draftId: payload.draftId,
        restoredFrom: payload.restoredFrom,
        partnersRebuilt: partners,
        tierChanges,
      },
    });
    const result = { version, partnersRebuilt: partners, tierChanges };
    await options.finish?.(tx, result);
    return result;
  });
}

export interface PublishResult {
  version: number;
  partnersRebuilt: number;
  tierChanges: number;
}

export const publishJobHandler: JobHandler = async (ctx) => {
  const payload = ctx.job.payload as PublishPayload;
  await publishVersion(ctx.deps, payload, {
    progress: (p) => ctx.progress(p),
    finish: (tx, result) =>
      ctx.complete(tx, {
        status: 'succeeded',
        result,
        progress: { stage: 'done', partners: result.partnersRebuilt, of: result.partnersRebuilt },
      }),
  });
  return undefined;
};

/** The job as the API shows it: status, progress, the error in words, the result. */
export async function programJobView(db: Db, kind: string, jobId: string) {
  const job: JobRow | null = await findJob(db, kind, jobId);
  if (!job)
    throw new AppError(
      'not_found',
      `There is no ${kind === WHAT_IF_JOB ? 'what-if' : 'publish'} job ${jobId}`,
    );
  const progress = job.progress as Partial<ProgramJobProgress>;
  const result = job.result as { message?: string } | null;
  return {
    jobId: job.id,
    status: job.status,
    progress: { stage: progress.stage ?? 'queued', partners: progress.partners ?? 0, of: progress.of ?? 0 },
    error: job.status === 'failed' ? (result?.message ?? 'The job failed') : null,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: job.status === 'succeeded' ? (job.result as never) : null,
  };
}

export const PROGRAM_JOB_HANDLERS: Record<string, JobHandler> = {
  [WHAT_IF_JOB]: whatIfJobHandler,
  [PUBLISH_JOB]: publishJobHandler,
};
