// SQL of the background jobs (tables jobs and job_files, src/db/schema-jobs.ts).
import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, type Queryable, rows } from '../../db/client.ts';
import { jobFiles, jobs } from '../../db/schema.ts';
import type { JobStatus } from '../../db/schema-jobs.ts';

export type JobRow = typeof jobs.$inferSelect;

let lastMs = 0;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): milliseconds first, then a counter within the millisecond,
 * so the ids of one process sort in the order they were made. Jobs created in the same
 * clock instant (a test's manual clock, two uploads at once) keep their order by id.
 */
export function orderedUuid(): string {
  const ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = 0;
  } else sequence += 1;
  const bytes = randomBytes(16);
  const t = BigInt(lastMs + Math.floor(sequence / 4096));
  for (let i = 0; i < 6; i++) bytes[i] = Number((t >> BigInt(8 * (5 - i))) & 0xffn);
  const seq = sequence % 4096;
  bytes[6] = 0x70 | (seq >> 8);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface NewJob {
  id: string;
  kind: string;
  status: JobStatus;
  payload: unknown;
  createdBy: string | null;
  createdAt: Date;
  startedAt?: Date | null;
  heartbeatAt?: Date | null;
  progress?: unknown;
}

export interface StoredFile {
  name: string;
  content: Buffer;
}

export async function insertJob(
  tx: Queryable,
  job: NewJob,
  files: readonly StoredFile[] = [],
): Promise<void> {
  await tx.insert(jobs).values({
    id: job.id,
    kind: job.kind,
    status: job.status,
    payload: job.payload ?? {},
    progress: job.progress ?? {},
    createdBy: job.createdBy,
    createdAt: job.createdAt,
    startedAt: job.startedAt ?? null,
    heartbeatAt: job.heartbeatAt ?? null,
  });
  await insertFiles(tx, job.id, 'input', files);
}

export async function insertFiles(
  tx: Queryable,
  jobId: string,
  role: 'input' | 'output',
  files: readonly StoredFile[],
): Promise<void> {
  // One file per statement: a large upload is never one giant parameter list.
  for (const f of files)
    await tx
      .insert(jobFiles)
      .values({ jobId, role, name: f.name, size: f.content.length, content: f.content });
}

/**
 * Claims the oldest queued job of a kind, unless one of that kind is running anywhere.
 * The advisory lock serializes claimers of the kind across instances, so the "none
 * running" check and the claim are one step; SKIP LOCKED lets other kinds' claims pass.
 */
export async function claimJob(db: Db, kind: string, now: Date): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`job-kind:${kind}`}, 0))`);
    const running = await rows<{ id: string }>(
      tx,
      sql`select id from jobs where kind = ${kind} and status = 'running' limit 1`,
    );
    if (running.length > 0) return null;
    const next = await rows<{ id: string }>(
      tx,
      sql`select id from jobs where kind = ${kind} and status = 'queued'
          order by created_at, id limit 1 for update skip locked`,
    );
    if (next.length === 0) return null;
    const [claimed] = await tx
      .update(jobs)
      .set({ status: 'running', startedAt: now, heartbeatAt: now })
      .where(eq(jobs.id, next[0]!.id))
      .returning();
    return claimed ?? null;
  });
}

/** Progress and heartbeat of a running job (a finished or orphaned job is left alone). */
export async function writeProgress(db: Queryable, id: string, progress: unknown, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ progress, heartbeatAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

export async function writeHeartbeat(db: Queryable, id: string, now: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ heartbeatAt: now })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
}

/** Finishes a running job; false when it was not running any more (e.g. declared orphaned). */
export async function finishJob(
  tx: Queryable,
  id: string,
  outcome: { status: 'succeeded' | 'failed'; result: unknown; progress?: unknown },
  now: Date,
): Promise<boolean> {
  const done = await tx
    .update(jobs)
    .set({
      status: outcome.status,
      result: outcome.result,
      finishedAt: now,
      heartbeatAt: now,
      ...(outcome.progress === undefined ? {} : { progress: outcome.progress }),
    })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return done.length > 0;
}

/** Running jobs whose heartbeat stopped before `staleBefore`, except `keep` (running here): failed. */
export async function failOrphans(
  db: Queryable,
  staleBefore: Date,
  now: Date,
  keep: readonly string[],
): Promise<string[]> {
  const conditions: SQL[] = [
    sql`status = 'running'`,
    sql`coalesce(heartbeat_at, started_at, created_at) < ${staleBefore.toISOString()}::timestamptz`,
  ];
  if (keep.length > 0) conditions.push(sql`id <> all(${sql.param(keep)}::uuid[])`);
  const failed = await rows<{ id: string }>(
    db,
    sql`update jobs set status = 'failed', finished_at = ${now.toISOString()}::timestamptz,
          result = jsonb_build_object('message',
            'The server instance running this job stopped (no heartbeat since ' ||
            to_char(coalesce(heartbeat_at, started_at, created_at) at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') ||
            ' UTC); nothing it was doing was kept. Run it again.')
        where ${sql.join(conditions, sql` and `)}
        returning id`,
  );
  return failed.map((r) => r.id);
}

export async function findJob(db: Queryable, kind: string, id: string): Promise<JobRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.kind, kind)));
  return row ?? null;
}

/** The jobs of a kind, newest first, with the creator's email. */
export async function listJobs(db: Queryable, kind: string, page: { limit: number; offset: number }) {
  const [{ total }] = (await db.select({ total: count() }).from(jobs).where(eq(jobs.kind, kind))) as [
    { total: number },
  ];
  const items = await rows<JobRow & { email: string | null }>(
    db,
    sql`select j.id, j.kind, j.status, j.payload, j.progress, j.result, j.created_by as "createdBy",
               j.created_at as "createdAt", j.started_at as "startedAt", j.finished_at as "finishedAt",
               j.heartbeat_at as "heartbeatAt", u.email
        from jobs j left join users u on u.id = j.created_by
        where j.kind = ${kind}
        order by j.created_at desc, j.id desc
        limit ${page.limit} offset ${page.offset}`,
  );
  return { total: Number(total), items };
}

export async function creatorEmail(db: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const found = await rows<{ email: string }>(db, sql`select email from users where id = ${userId}`);
  return found[0]?.email ?? null;
}

export async function readFiles(
  db: Queryable,
  jobId: string,
  role: 'input' | 'output',
): Promise<StoredFile[]> {
  return db
    .select({ name: jobFiles.name, content: jobFiles.content })
    .from(jobFiles)
    .where(and(eq(jobFiles.jobId, jobId), eq(jobFiles.role, role)))
    .orderBy(asc(jobFiles.id));
}

export async function readFile(
  db: Queryable,
  jobId: string,
  role: 'input' | 'output',
  name: string,
): Promise<StoredFile | null> {
  const [file] = await db
    .select({ name: jobFiles.name, content: jobFiles.content })
    .from(jobFiles)
    .where(and(eq(jobFiles.jobId, jobId), eq(jobFiles.role, role), eq(jobFiles.name, name)))
    .orderBy(desc(jobFiles.id))
    .limit(1);
  return file ?? null;
}

export async function fileNames(db: Queryable, jobId: string, role: 'input' | 'output'): Promise<string[]> {
  const found = await db
    .select({ name: jobFiles.name })
    .from(jobFiles)
    .where(and(eq(jobFiles.jobId, jobId), eq(jobFiles.role, role)));
  return found.map((f) => f.name);
}
