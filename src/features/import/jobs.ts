// Imports as jobs: every import, uploaded in the console (queued, run by a worker) or run by
// the command line (an inline job), is a row of `jobs` of kind 'import', so the console's
// history and the overview's "last import" show them all. The import commits together with
// its job's outcome and its audit entry ('import.run'); a refused import writes nothing but
// its job's outcome: the errors, the first SHOWN_ERRORS in the row and all in errors.csv.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDuration, secondsSince } from '../../core/metrics.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { Program } from '../../domain/program.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { csvText, type ExportColumn } from '../export/writer.ts';
import { insertFiles } from '../jobs/repository.ts';
import { finishJob, type StoredFile, startInlineJob } from '../jobs/service.ts';
import type { JobHandler } from '../jobs/worker.ts';
import { getProgram } from '../program/service.ts';
import {
  type FileCounts,
  ImportFolderError,
  type ImportProblem,
  importFolder,
  presentImportFiles,
} from './service.ts';

export const IMPORT_JOB = 'import';
/** Errors kept in the job's row (and so in GET /api/v1/imports/{id}); errors.csv has all. */
export const SHOWN_ERRORS = 1000;
export const ERRORS_FILE = 'errors.csv';
export const REJECTS_FILE = 'rejects.csv';

export type ImportStage = 'queued' | 'reading' | 'recomputing' | 'done' | 'failed';

export interface ImportJobProgress {
  stage: ImportStage;
  /** Rows read so far, of all files. */
  rows: number;
  rowsPerSecond: number;
  file?: string;
  bytes?: number;
  totalBytes?: number;
}

export interface ImportJobPayload {
  files: string[];
  skipInvalid: boolean;
  source: 'upload' | 'cli';
  actor: Actor;
}

export interface ImportJobResult {
  ok: boolean;
  /** Why the import could not run at all (no import files, an internal error). */
  message?: string;
  counts: Record<string, FileCounts>;
  partnersRecomputed: number;
  rows: number;
  rejected: number;
  errorCount: number;
  errors: ImportProblem[];
  seconds: number;
}

export const ERROR_COLUMNS: ExportColumn<ImportProblem>[] = [
  { header: 'file', value: (p) => p.file },
  { header: 'line', value: (p) => p.line },
  { header: 'column', value: (p) => p.column },
  { header: 'message', value: (p) => p.message },
];

/** Why an import failed: the message, then every error as `file:line: column: message`. */
export function problemLines(outcome: TrackedOutcome): string[] {
  const lines = outcome.errors.map((p) => `${p.file}:${p.line}: ${p.column}: ${p.message}`);
  return outcome.result.message ? [outcome.result.message, ...lines] : lines;
}

export interface TrackedImportOptions {
  db: Db;
  dir: string;
  program: Program;
  asOf: string;
  now: () => Date;
  skipInvalid: boolean;
  /** Where the rejected rows go (with skipInvalid). */
  rejectsFile?: string;
  /** Keep the rejects file with the job's outputs (an upload; the command line's stays on disk). */
  storeRejects?: boolean;
  onProgress?: (progress: ImportJobProgress) => void;
  /** Inside the import's transaction, on success: finish the job there. */
  finish: (tx: Queryable, outcome: TrackedOutcome) => Promise<void>;
}

export interface TrackedOutcome {
  status: 'succeeded' | 'failed';
  result: ImportJobResult;
  progress: ImportJobProgress;
  /** errors.csv when there were errors, rejects.csv when rows were rejected. */
  outputs: StoredFile[];
  /** Every error (the result keeps the first SHOWN_ERRORS). */
  errors: ImportProblem[];
}

/**
 * One import with what its job shows: progress as rows and rows/s, the errors collected,
 * the outcome. On success `finish` runs inside the import's transaction; a refused import's
 * outcome is returned for the caller to finish. ImportFolderError becomes a failed outcome.
 */
export async function trackedImport(options: TrackedImportOptions): Promise<TrackedOutcome> {
  const started = performance.now();
  let rows = 0;
  let lastFile = '';
  let fileRows = 0;
  const rate = () => Math.round(rows / Math.max((performance.now() - started) / 1000, 0.001));
  const allErrors: ImportProblem[] = [];
  const outcomeOf = async (
    ok: boolean,
    extra: Partial<ImportJobResult> = {},
    rejectsPath: string | null = null,
  ): Promise<TrackedOutcome> => {
    const outputs: StoredFile[] = [];
    if (allErrors.length > 0)
      outputs.push({ name: ERRORS_FILE, content: Buffer.from(csvText(ERROR_COLUMNS, allErrors)) });
    if (rejectsPath && options.storeRejects)
      outputs.push({ name: REJECTS_FILE, content: await readFile(rejectsPath) });
    const result: ImportJobResult = {
      ok,
      counts: {},
      partnersRecomputed: 0,
      rows,
      rejected: 0,
      errorCount: allErrors.length,
      errors: allErrors.slice(0, SHOWN_ERRORS),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      ...extra,
    };
    importDuration.observe({ outcome: ok ? 'succeeded' : 'failed' }, secondsSince(started));
    return {
      status: ok ? 'succeeded' : 'failed',
      result,
      progress: { stage: ok ? 'done' : 'failed', rows, rowsPerSecond: rate() },
      outputs,
      errors: allErrors,
    };
  };
  try {
    let succeeded: TrackedOutcome | null = null;
    const result = await importFolder(options.db, {
      dir: options.dir,
      program: options.program,
      asOf: options.asOf,
      now: options.now(),
      skipInvalid: options.skipInvalid,
      ...(options.rejectsFile ? { rejectsFile: options.rejectsFile } : {}),
      onProgress: (p) => {
        if (p.file !== lastFile) {
          lastFile = p.file;
          fileRows = 0;
        }
        rows += p.rows - fileRows;
        fileRows = p.rows;
        options.onProgress?.({
          stage: 'reading',
          rows,
          rowsPerSecond: rate(),
          file: p.file,
          bytes: p.bytes,
          totalBytes: p.totalBytes,
        });
      },
      onProblem: (problem) => allErrors.push(problem),
      onStage: () => options.onProgress?.({ stage: 'recomputing', rows, rowsPerSecond: rate() }),
      beforeCommit: async (tx, done) => {
        const counts = Object.values(done.files);
        succeeded = await outcomeOf(
          true,
          {
            counts: done.files,
            partnersRecomputed: done.partnersRecomputed,
            rows: counts.reduce((sum, c) => sum + c.rows, 0),
            rejected: counts.reduce((sum, c) => sum + c.rejected, 0),
          },
          done.rejectsFile,
        );
        await options.finish(tx, succeeded);
      },
    });
    if (result.ok && succeeded) return succeeded;
    return outcomeOf(false);
  } catch (error) {
    if (error instanceof ImportFolderError) return outcomeOf(false, { message: error.message });
    throw error;
  }
}

/** The audit entry of an import that committed: who, which files, how many rows. */
async function auditImport(
  tx: Queryable,
  jobId: string,
  payload: ImportJobPayload,
  result: ImportJobResult,
  at: Date,
) {
  await recordAudit(tx, {
    actor: payload.actor,
    at,
    action: 'import.run',
    entity: 'import',
    entityId: jobId,
    after: {
      source: payload.source,
      files: payload.files,
      skipInvalid: payload.skipInvalid,
      rows: result.rows,
      rejected: result.rejected,
      partnersRecomputed: result.partnersRecomputed,
    },
  });
}

/** A folder with the job's files, for the import to read; removed afterwards. */
async function withFolder<T>(files: readonly StoredFile[], run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tierwise-import-'));
  try {
    for (const f of files) await writeFile(join(dir, f.name), f.content);
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The worker's handler of 'import' jobs: the uploaded files, with the program in force. */
export const importJobHandler: JobHandler = async (ctx) => {
  const { db, clock } = ctx.deps;
  const payload = ctx.job.payload as ImportJobPayload;
  ctx.progress({ stage: 'reading', rows: 0, rowsPerSecond: 0 } satisfies ImportJobProgress);
  const files = await ctx.inputFiles();
  const outcome = await withFolder(files, async (dir) =>
    trackedImport({
      db,
      dir,
      program: await getProgram(db),
      asOf: clock.today(),
      now: () => clock.now(),
      skipInvalid: payload.skipInvalid,
      ...(payload.skipInvalid ? { rejectsFile: join(dir, REJECTS_FILE), storeRejects: true } : {}),
      onProgress: (p) => ctx.progress(p),
      finish: async (tx, done) => {
        await auditImport(tx, ctx.job.id, payload, done.result, clock.now());
        await ctx.complete(tx, done);
      },
    }),
  );
  return outcome.status === 'succeeded' ? undefined : outcome;
};

export type InlineImportOptions = Omit<TrackedImportOptions, 'db' | 'finish' | 'storeRejects'> & {
  actor?: Actor;
};

/** An import of a folder by the command line or the demo seed, recorded as a finished job. */
export async function inlineImport(db: Db, options: InlineImportOptions): Promise<TrackedOutcome> {
  const payload: ImportJobPayload = {
    files: await presentImportFiles(options.dir),
    skipInvalid: options.skipInvalid,
    source: 'cli',
    actor: options.actor ?? { kind: 'system' },
  };
  const jobId = await startInlineJob(db, { kind: IMPORT_JOB, payload, now: options.now() });
  const finish = async (tx: Queryable, outcome: TrackedOutcome) => {
    await finishJob(tx, jobId, outcome, options.now());
    await insertFiles(tx, jobId, 'output', outcome.outputs);
  };
  try {
    const outcome = await trackedImport({
      db,
      ...options,
      finish: async (tx, done) => {
        await auditImport(tx, jobId, payload, done.result, options.now());
        await finish(tx, done);
      },
    });
    if (outcome.status === 'failed') await db.transaction((tx) => finish(tx, outcome));
    return outcome;
  } catch (error) {
    await finishJob(
      db,
      jobId,
      {
        status: 'failed',
        result: { message: `The import stopped on an error: ${(error as Error).message}` },
      },
      options.now(),
    ).catch(() => {});
    throw error;
  }
}
