// importFolder: a folder of CSV files (DATA_AND_INTERFACES §1) into the fact tables, in one
// transaction, with derived state recomputed before it commits.
//
// One streaming pass per file, in dependency order: each batch of rows is validated
// (columns, then the partners/clients/deals it names, then the program's currency
// tables) and its valid rows upserted, a few batches at once. Memory holds only ids: the keys of the
// current file (duplicates) and the partners/clients/deals seen (references). When a
// problem makes the import fail, writing stops but validation goes on to the end, so
// every problem is reported, and the transaction is rolled back.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { Program } from '../../domain/program.ts';
import { analyzeDerived } from '../points/derived-writes.ts';
import { currencyConflictMessage, FactChanges } from './changes.ts';
import type { RowProblem } from './checks.ts';
import { FileState } from './file-state.ts';
import { CsvFileError, type CsvRow, readCsv } from './reader.ts';
import { RejectsWriter } from './rejects.ts';
import { lockFactWrites, stagedText, upsertStaged } from './repository.ts';
import { clientsFile, type FileSpec, IMPORT_FILES } from './schemas.ts';
import { StringNumberMap } from './string-index.ts';
import { FactValidator } from './validate.ts';

export interface ImportProgress {
  /** The file being read. */
  file: string;
  /** Rows of that file read so far. */
  rows: number;
  /** Bytes of all files read so far, and in all. */
  bytes: number;
  totalBytes: number;
}

export interface ImportOptions {
  dir: string;
  program: Program;
  /** The date derived state is computed as of (today, from the caller's clock). */
  asOf: string;
  /** Import the valid rows and reject the invalid ones instead of refusing the import. */
  skipInvalid?: boolean;
  /** With skipInvalid: where to write the rejected rows and their reasons (CSV). */
  rejectsFile?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Each problem as it is found (the same problems as the result's strings, structured). */
  onProblem?: (problem: ImportProblem) => void;
  /** When the import moves on from reading the files to recomputing derived state. */
  onStage?: (stage: 'recomputing') => void;
  /**
   * Runs inside the import's transaction just before it commits (a successful import only),
   * so what the caller records about the import (its job row, an audit entry) commits with it.
   */
  beforeCommit?: (tx: Tx, result: Extract<ImportResult, { ok: true }>) => Promise<void>;
  /** When the import happens (webhook events it causes); default: now. */
  now?: Date;
}

/** One problem of an import: where (file, line, column) and what. */
export interface ImportProblem {
  file: string;
  line: number;
  column: string;
  message: string;
}

export interface FileCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export type ImportResult =
  | {
      ok: true;
      files: Record<string, FileCounts>;
      partnersRecomputed: number;
      /** The rejects file, when rows were rejected and one was asked for. */
      rejectsFile: string | null;
    }
  /** Every problem as `file:line: column: message`. */
  | { ok: false; problems: string[] };

/** The folder itself cannot be imported (missing, or holds none of the import files). */
export class ImportFolderError extends Error {
  override name = 'ImportFolderError';
}

class Refused extends Error {}

/**
 * Accepted rows sent to the database at once: a few round trips per file (each costs a
 * wake-up of both processes, which a busy machine makes slow) and memory for one batch.
 */
const FLUSH_ROWS = 20_000;

/** Rows written to a table after which the import refreshes its planner statistics. */
const ANALYZE_AFTER_ROWS = 10_000;
/** Partners recomputed past which the derived tables' statistics are refreshed too. */
const ANALYZE_AFTER_PARTNERS = 500;

interface Rejection {
  record: CsvRow;
  problems: RowProblem[];
  dependsOnRejected: string | null;
}

export async function importFolder(db: Db, options: ImportOptions): Promise<ImportResult> {
  const present = await presentFiles(options.dir);
  const totalBytes = present.reduce((sum, f) => sum + f.size, 0);
  if (options.rejectsFile && present.some((f) => resolve(f.path) === resolve(options.rejectsFile!))) {
    throw new ImportFolderError(`the rejects file cannot be one of the import files: ${options.rejectsFile}`);
  }
  const rejects =
    options.skipInvalid && options.rejectsFile
      ? new RejectsWriter(options.rejectsFile, await Promise.all(present.map((f) => readHeader(f.path))))
      : null;
  const run = new ImportRun(options, totalBytes, rejects);
  try {
    return await db.transaction(async (tx) => {
      await lockFactWrites(tx);
      for (const { spec, path } of present) await run.importFile(tx, spec, path);
      await run.checkClientCurrencies(tx);
      if (run.fatal || (run.problems.length > 0 && !options.skipInvalid)) throw new Refused();
      options.onStage?.('recomputing');
      const partnersRecomputed = await run.recompute(tx);
      await rejects?.close();
      const result = {
        ok: true as const,
        files: run.files,
        partnersRecomputed,
        rejectsFile: rejects && rejects.count > 0 ? rejects.path : null,
      };
      await options.beforeCommit?.(tx, result);
      return result;
    });
  } catch (error) {
    await rejects?.discard();
    if (error instanceof Refused) return { ok: false, problems: run.problems };
    throw error;
  }
}

async function presentFiles(dir: string): Promise<{ spec: FileSpec; path: string; size: number }[]> {
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory()) throw new ImportFolderError(`import folder not found: ${dir}`);
  const found: { spec: FileSpec; path: string; size: number }[] = [];
  for (const spec of IMPORT_FILES) {
    const path = join(dir, spec.file);
    const s = await stat(path).catch(() => null);
    if (s?.isFile()) found.push({ spec, path, size: s.size });
  }
  if (found.length === 0) {
    throw new ImportFolderError(
      `no import files in ${dir} (expected any of ${IMPORT_FILES.map((s) => s.file).join(', ')})`,
    );
  }
  return found;
}

/** The import files a folder holds, by name, in the order they are imported. */
export async function presentImportFiles(dir: string): Promise<string[]> {
  try {
    return (await presentFiles(dir)).map((f) => f.spec.file);
  } catch (error) {
    if (error instanceof ImportFolderError) return [];
    throw error;
  }
}

/** A file's header row, for the rejects file's columns (problems are reported by the import itself). */
async function readHeader(path: string): Promise<string[]> {
  try {
    for await (const batch of readCsv(path)) return (batch[0]?.values ?? []).map((v) => v.trim());
  } catch {
    // reported when the file is imported
  }
  return [];
}

class ImportRun {
  readonly problems: string[] = [];
  /** A problem with a file as a whole: the import is refused even with skipInvalid. */
  fatal = false;
  readonly files: Record<string, FileCounts> = {};
  private readonly changes = new FactChanges();
  /**
   * What reading the files needs: the ids seen (references) and each client's line in
   * clients.csv. Tens of MB at a million rows, let go before the recompute.
   */
  private reading: { validator: FactValidator; clientLines: StringNumberMap } | null;
  private bytes = 0;
  private inFlight: Promise<void> | null = null;
  /** Accepted rows of the current file not sent yet, as COPY text. */
  private pending: { spec: FileSpec; counts: FileCounts; text: string[]; rows: number } | null = null;

  constructor(
    private readonly options: ImportOptions,
    private readonly totalBytes: number,
    private readonly rejects: RejectsWriter | null,
  ) {
    this.reading = { validator: new FactValidator(options.program), clientLines: new StringNumberMap() };
  }

  private fileReading(): NonNullable<ImportRun['reading']> {
    if (!this.reading) throw new Error('the import has read its files already');
    return this.reading;
  }

  /** Rows are written while the import can still succeed; after that they are only checked. */
  private get writing(): boolean {
    return !this.fatal && (this.options.skipInvalid === true || this.problems.length === 0);
  }

  async importFile(tx: Tx, spec: FileSpec, path: string): Promise<void> {
    const counts: FileCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 };
    this.files[spec.file] = counts;
    const file = new FileState(spec);
    try {
      for await (const batch of readCsv(path, { onBytes: (n) => (this.bytes += n) })) {
        let start = 0;
        if (!file.header) {
          start = 1;
          if (!this.readHeader(file, batch[0]!)) return;
        }
        await this.importBatch(tx, file, batch, start, counts);
        this.options.onProgress?.({
          file: spec.file,
          rows: counts.rows,
          bytes: this.bytes,
          totalBytes: this.totalBytes,
        });
      }
      await this.flush(tx);
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      this.fileProblem(spec, error.line, '(file)', error.message);
    } finally {
      this.pending = null; // an error: nothing more is written
      await this.settle();
    }
  }

  private readHeader(file: FileState, row: CsvRow): boolean {
    const header = row.values.map((v) => v.trim());
    const missing = file.spec.required.filter((c) => !header.includes(c));
    for (const column of missing)
      this.fileProblem(file.spec, row.line, column, `missing required column "${column}"`);
    if (missing.length > 0) return false;
    file.setHeader(header);
    return true;
  }

  /** Records a problem, as `file:line: column: message` and structured. */
  private problem(file: string, line: number, column: string, message: string): void {
    this.problems.push(`${file}:${line}: ${column}: ${message}`);
    this.options.onProblem?.({ file, line, column, message });
  }

  private fileProblem(spec: FileSpec, line: number, column: string, message: string): void {
    this.problem(spec.file, line, column, message);
    this.fatal = true;
    if (spec.defines) this.fileReading().validator.refs.markBroken(spec.defines);
  }

  private async importBatch(tx: Tx, file: FileState, batch: CsvRow[], start: number, counts: FileCounts) {
    const { spec } = file;
    const records = batch.slice(start);
    counts.rows += records.length;
    const { validator, clientLines } = this.fileReading();
    const { accepted, rejected } = await validator.checkBatch(
      tx,
      spec,
      records.map((record) => ({ input: file.input(record), problems: file.shapeProblems(record) })),
      (i) => `${spec.file}:${records[i]!.line}`,
      () => this.settle(),
    );
    if (spec === clientsFile)
      for (const { index, row } of accepted) clientLines.set(row.client_id!, records[index]!.line);
    for (const r of rejected) await this.reject(file, { record: records[r.index]!, ...r }, counts);
    if (accepted.length === 0 || !this.writing) return;
    const pending = (this.pending ??= { spec, counts, text: [], rows: 0 });
    pending.text.push(
      stagedText(
        spec,
        accepted.map((a) => a.row),
      ),
    );
    pending.rows += accepted.length;
    if (pending.rows >= FLUSH_ROWS) await this.flush(tx);
  }

  /**
   * Upserts the pending rows. The upsert runs while the next rows are read and checked
   * (PostgreSQL and Node work in parallel); the connection takes one statement at a time,
   * so any query waits for it.
   */
  private async flush(tx: Tx): Promise<void> {
    const pending = this.pending;
    this.pending = null;
    if (!pending || !this.writing) return;
    await this.settle();
    const { spec, counts, rows } = pending;
    const write = upsertStaged(tx, spec, pending.text.join('')).then((result) => {
      counts.inserted += result.inserted;
      counts.updated += result.updated;
      counts.unchanged += rows - result.inserted - result.updated;
      this.changes.record(spec, result);
    });
    write.catch(() => {}); // handled by settle(); this only keeps it from counting as unhandled
    this.inFlight = write;
  }

  /** Waits for the upsert in flight, if any (and raises its error). */
  async settle(): Promise<void> {
    const write = this.inFlight;
    this.inFlight = null;
    if (write) await write;
  }

  /**
   * A rejected row: its problems are the import's problems. A row rejected only because
   * it names a rejected row is no problem of its own (fixing the other fixes it), but
   * with skipInvalid it cannot be imported either.
   */
  private async reject(
    file: FileState,
    { record, problems, dependsOnRejected }: Rejection,
    counts: FileCounts,
  ) {
    const { spec } = file;
    counts.rejected += 1;
    for (const p of problems) this.problem(spec.file, record.line, p.column, p.message);
    if (this.rejects && this.options.skipInvalid) {
      const reason =
        problems.length > 0
          ? problems.map((p) => `${p.column}: ${p.message}`).join('; ')
          : dependsOnRejected!;
      await this.rejects.add(spec.file, record.line, reason, file.header!, record.values);
    }
  }

  /**
   * A client whose currency changed must not keep stored MRR changes in the old one: the
   * import has to bring them in the new currency too.
   */
  async checkClientCurrencies(tx: Tx): Promise<void> {
    if (!this.writing) return;
    for (const m of await this.changes.currencyConflicts(tx)) {
      const line = Math.max(1, this.fileReading().clientLines.get(m.client_id));
      this.problem(clientsFile.file, line, 'currency', currencyConflictMessage(m, 'import'));
      this.fatal = true;
    }
  }

  /** Derived state of every partner whose facts really changed, in the import's transaction. */
  async recompute(tx: Tx): Promise<number> {
    const { program, asOf, now } = this.options;
    this.reading = null;
    await this.analyzeLargeWrites(tx);
    const recomputed = await this.changes.recompute(tx, { program, asOf, now: now ?? new Date() });
    if (recomputed >= ANALYZE_AFTER_PARTNERS) await analyzeDerived(tx);
    return recomputed;
  }

  /**
   * Planner statistics of the tables this import filled with many rows (a first import:
   * none yet, nor until autovacuum sees the commit), so the recompute's reads by client
   * pick index lookups or scans by their real sizes. Statistics only: no row changes.
   */
  private async analyzeLargeWrites(tx: Tx): Promise<void> {
    const tables = IMPORT_FILES.filter((spec) => {
      const c = this.files[spec.file];
      return c !== undefined && c.inserted + c.updated >= ANALYZE_AFTER_ROWS;
    }).map((spec) => spec.table);
    if (tables.length > 0) await tx.execute(sql.raw(`analyze ${tables.join(', ')}`));
  }
}
