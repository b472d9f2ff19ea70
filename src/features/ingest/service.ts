// Live ingestion: a batch of fact rows (JSON objects shaped like the import files' rows)
// checked and written by the import's own code (column table, reference and currency
// checks, upsert by key), in one transaction that ends with the recompute of the partners
// concerned. All or nothing: any problem refuses the batch with every problem listed, and
// nothing is stored. Idempotent: rows equal to the stored ones are not rewritten, and a
// batch that changes nothing recomputes nothing.

import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { currencyConflictMessage, FactChanges } from '../import/changes.ts';
import type { RowProblem } from '../import/checks.ts';
import { lockFactWrites, upsertRows } from '../import/repository.ts';
import { clientsFile, type FileSpec, IMPORT_FILES } from '../import/schemas.ts';
import { DuplicateKeys, FactValidator, type RowInput } from '../import/validate.ts';
import { getProgram } from '../program/service.ts';
import { ingestName } from './schemas.ts';

/** Rows per file, by API name (`mrr-changes`); values are strings, numbers, null or (lists) arrays. */
export type IngestBatch = Readonly<Record<string, readonly Readonly<Record<string, unknown>>[] | undefined>>;

export interface IngestCounts {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface IngestResult {
  inserted: number;
  updated: number;
  unchanged: number;
  partnersRecomputed: number;
  files: Record<string, IngestCounts>;
}

export interface IngestProblem extends RowProblem {
  /** The file's API name and the row's index in its array. */
  file: string;
  row: number;
}

/** The batch is refused: every problem, in file and row order. */
export class IngestRefusedError extends Error {
  override name = 'IngestRefusedError';
  constructor(readonly problems: IngestProblem[]) {
    super(`the batch has ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

export interface IngestOptions {
  batch: IngestBatch;
  actor: Actor;
  /** How long to wait for a running import or ingestion (default 30 s); then LockBusyError. */
  lockTimeoutMs?: number;
}

const DEFAULT_LOCK_TIMEOUT_MS = 30_000;

/** A JSON value as the cell text the file's schema reads; undefined: empty. */
function cellText(value: unknown, list: boolean): { text: string | undefined } | { error: string } {
  if (value === null || value === undefined) return { text: undefined };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { text: String(value) } : { error: 'expected a finite number' };
  }
  if (list && Array.isArray(value)) {
    if (value.some((v) => typeof v !== 'string' || v.includes(';')))
      return { error: 'expected an array of strings without ";"' };
    return { text: value.join(';') };
  }
  return { error: `expected ${list ? 'a string or an array of strings' : 'a string or a number'}` };
}

/** A JSON row as the schema's input, with the problems of its fields (types, unknown fields, key). */
function rowInput(
  spec: FileSpec,
  row: Readonly<Record<string, unknown>>,
  keys: DuplicateKeys,
  index: number,
) {
  const input: Record<string, string | undefined> = {};
  const problems: RowProblem[] = [];
  for (const [field, value] of Object.entries(row)) {
    const column = spec.columns[field];
    if (!column) {
      problems.push({
        column: field,
        message: `unknown field (${spec.file} has ${Object.keys(spec.columns).join(', ')})`,
      });
      continue;
    }
    const cell = cellText(value, column.sqlType === 'text[]');
    if ('error' in cell) problems.push({ column: field, message: cell.error });
    else input[field] = cell.text;
  }
  const duplicate = keys.check(
    spec.key.map((c) => input[c]?.trim() ?? ''),
    `row ${index}`,
  );
  if (duplicate) problems.push(duplicate);
  return { input, problems: problems.length > 0 ? problems : null } satisfies RowInput;
}

/** One problem per column: a field whose value could not be read is not also "required". */
function firstPerColumn(problems: readonly RowProblem[]): RowProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (seen.has(p.column)) return false;
    seen.add(p.column);
    return true;
  });
}

const empty = (): IngestCounts => ({ rows: 0, inserted: 0, updated: 0, unchanged: 0 });

export async function ingestFacts(
  deps: { db: Db; clock: Clock },
  options: IngestOptions,
): Promise<IngestResult> {
  const files = IMPORT_FILES.flatMap((spec) => {
    const rows = options.batch[ingestName(spec)];
    return rows && rows.length > 0 ? [{ spec, name: ingestName(spec), rows }] : [];
  });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await lockFactWrites(tx, { timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS });
    const program = await getProgram(tx);
    const validator = new FactValidator(program);
    const changes = new FactChanges();
    const problems: IngestProblem[] = [];
    const counts: Record<string, IngestCounts> = {};
    const clientRows = new Map<string, number>();
    for (const { spec, name, rows } of files) {
      const keys = new DuplicateKeys(spec);
      const inputs = rows.map((row, i) => rowInput(spec, row, keys, i));
      const { accepted, rejected } = await validator.checkBatch(tx, spec, inputs, (i) => `${name} row ${i}`);
      for (const r of rejected)
        for (const p of firstPerColumn(r.problems)) problems.push({ file: name, row: r.index, ...p });
      if (spec === clientsFile) for (const a of accepted) clientRows.set(a.row.client_id!, a.index);
      const c = (counts[name] = { ...empty(), rows: rows.length });
      // Written while the batch can still succeed (later files' references need the rows).
      if (problems.length > 0 || accepted.length === 0) continue;
      const result = await upsertRows(
        tx,
        spec,
        accepted.map((a) => a.row),
      );
      changes.record(spec, result);
      c.inserted = result.inserted;
      c.updated = result.updated;
      c.unchanged = accepted.length - result.inserted - result.updated;
    }
    if (problems.length === 0) {
      for (const m of await changes.currencyConflicts(tx)) {
        const row = clientRows.get(m.client_id) ?? 0;
        problems.push({
          file: 'clients',
          row,
          column: 'currency',
          message: currencyConflictMessage(m, 'send'),
        });
      }
    }
    // Throwing rolls the transaction back: nothing of a refused batch is stored.
    if (problems.length > 0) throw new IngestRefusedError(problems);

    const partnersRecomputed = await changes.recompute(tx, { program, asOf: deps.clock.today(), now });
    const total = (k: keyof IngestCounts) => Object.values(counts).reduce((sum, c) => sum + c[k], 0);
    const result: IngestResult = {
      inserted: total('inserted'),
      updated: total('updated'),
      unchanged: total('unchanged'),
      partnersRecomputed,
      files: counts,
    };
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'facts.ingest',
      entity: 'facts',
      entityId: files.map((f) => f.name).join(','),
      after: result,
    });
    return result;
  });
}
