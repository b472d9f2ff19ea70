// Background jobs: the one mechanism for work that outlives a request (imports today; what-if
// previews and exports later). A job is a row; any instance's worker claims queued jobs with
// FOR UPDATE SKIP LOCKED, reports progress into the row (so it survives a page reload and is
// seen from every instance) and writes its result there. Files a job reads or produces
// (uploaded CSVs, a rejects file) are stored beside it, so any instance can run it.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    /** What the job does: 'import', ... Jobs of one kind run one at a time, in order. */
    kind: text('kind').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull(),
    /** What the job was asked to do (options; files are in job_files). */
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    /** Written by the running job, read by whoever watches it. */
    progress: jsonb('progress').notNull().default(sql`'{}'::jsonb`),
    /** The outcome: counts, errors; set when the job finishes. */
    result: jsonb('result'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    /** Refreshed by the running worker; a running job without a recent heartbeat was orphaned. */
    heartbeatAt: at('heartbeat_at'),
  },
  (t) => [
    index('jobs_kind_status').on(t.kind, t.status, t.createdAt),
    index('jobs_kind_created').on(t.kind, t.createdAt),
    check('jobs_status', sql`${t.status} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);

export const jobFiles = pgTable(
  'job_files',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    /** 'input' (given to the job) or 'output' (produced by it, e.g. rejects.csv). */
    role: text('role', { enum: ['input', 'output'] }).notNull(),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    index('job_files_job').on(t.jobId, t.role),
    check('job_files_role', sql`${t.role} in ('input', 'output')`),
  ],
);
