// Imports as the API shows them: a job row of kind 'import' read as an import's status,
// progress, errors and counts, and the history of them all, newest first.
import type { Queryable } from '../../db/client.ts';
import { creatorEmail, fileNames, findJob, type JobRow, listJobs } from '../jobs/repository.ts';
import type { ImportSummary, ImportView } from './api-schemas.ts';
import {
  ERRORS_FILE,
  IMPORT_JOB,
  type ImportJobPayload,
  type ImportJobProgress,
  type ImportJobResult,
  REJECTS_FILE,
} from './jobs.ts';

const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);

function summaryOf(job: JobRow, email: string | null): ImportSummary {
  const payload = job.payload as Partial<ImportJobPayload>;
  const result = (job.result ?? null) as (Partial<ImportJobResult> & { message?: string }) | null;
  const progress = job.progress as Partial<ImportJobProgress>;
  const started = job.startedAt ? new Date(job.startedAt).getTime() : null;
  const finished = job.finishedAt ? new Date(job.finishedAt).getTime() : null;
  return {
    importId: job.id,
    status: job.status,
    source: payload.source ?? 'upload',
    by: { kind: payload.actor?.kind ?? (job.createdBy ? 'user' : 'system'), email },
    files: payload.files ?? [],
    skipInvalid: payload.skipInvalid ?? false,
    createdAt: iso(job.createdAt)!,
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    rows: result?.rows ?? progress.rows ?? 0,
    rejected: result?.rejected ?? 0,
    errorCount: result?.errorCount ?? 0,
    seconds: started !== null && finished !== null ? Math.round((finished - started) / 100) / 10 : null,
    message: result?.message ?? null,
  };
}

/** One import, or null when there is none with that id. */
export async function findImport(db: Queryable, importId: string): Promise<ImportView | null> {
  const job = await findJob(db, IMPORT_JOB, importId);
  if (!job) return null;
  const summary = summaryOf(job, await creatorEmail(db, job.createdBy));
  const result = (job.result ?? null) as Partial<ImportJobResult> | null;
  const progress = job.progress as Partial<ImportJobProgress>;
  const outputs = new Set(await fileNames(db, job.id, 'output'));
  const base = `/api/v1/imports/${job.id}`;
  return {
    ...summary,
    progress: {
      ...progress,
      stage: progress.stage ?? 'queued',
      rows: progress.rows ?? 0,
      rowsPerSecond: progress.rowsPerSecond ?? 0,
    },
    errors: result?.errors ?? [],
    counts: result?.counts ?? {},
    partnersRecomputed: result?.partnersRecomputed ?? 0,
    downloads: {
      errors: outputs.has(ERRORS_FILE) ? `${base}/${ERRORS_FILE}` : null,
      rejects: outputs.has(REJECTS_FILE) ? `${base}/${REJECTS_FILE}` : null,
    },
  };
}

export async function listImports(db: Queryable, page: { limit: number; offset: number }) {
  const { total, items } = await listJobs(db, IMPORT_JOB, page);
  return { total, items: items.map((job) => summaryOf(job, job.email)) };
}
