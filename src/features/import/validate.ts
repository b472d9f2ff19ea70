// Row validation shared by the folder import and live ingestion (the JSON API), so both
// accept exactly the same rows: a row's columns (its file's schema), its key (no duplicate
// in the same pass), the partners, clients and deals it names (in this pass or in the
// database) and the program's currency tables.
import type { Tx } from '../../db/client.ts';
import type { Program } from '../../domain/program.ts';
import { checkRow, programCurrencies, References, type RowProblem, wantedIds } from './checks.ts';
import type { Entity, FileSpec, Row } from './schemas.ts';
import { StringNumberMap } from './string-index.ts';

/** One row to check: its cells as the schema reads them, and problems found before (its shape). */
export interface RowInput {
  input: Record<string, string | undefined>;
  problems: RowProblem[] | null;
}

export interface RowRejection {
  /** The row's position in the batch. */
  index: number;
  problems: RowProblem[];
  /** Set when the row names a rejected row: rejected with it, but no problem of its own. */
  dependsOnRejected: string | null;
}

export interface BatchCheck {
  accepted: { index: number; row: Row }[];
  /** In batch order. */
  rejected: RowRejection[];
}

/** The column of a defined entity whose value other files need: a client's currency, a deal's client. */
const ENTITY_INFO: Record<Entity, string | null> = { partner: null, client: 'currency', deal: 'client_id' };

/** Where the first rows named by text (not by line) were seen: past the largest line number. */
const NAMED = 2 ** 30;

/** The first place each key of one file was seen: a later row with the same key is a problem. */
export class DuplicateKeys {
  /** Per key: its first line, or NAMED + its index in `named`. Typed arrays: files have millions of keys. */
  private readonly seen = new StringNumberMap();
  private readonly named: string[] = [];

  constructor(private readonly spec: FileSpec) {}

  /**
   * `parts`: the key's values, trimmed; an empty part (reported by the schema) is not tracked.
   * `where`: how a message names the row, or its line number (named `line N`).
   */
  check(parts: readonly string[], where: string | number): RowProblem | null {
    if (parts.some((p) => p === '')) return null;
    // One string (parts joined by NUL, which neither CSV text nor the API's values contain).
    const key = parts.length === 1 ? parts[0]! : parts.join('\u0000');
    const first = this.seen.get(key);
    if (first === -1) {
      if (typeof where === 'number' && where < NAMED) this.seen.set(key, where);
      else this.seen.set(key, NAMED + this.named.push(String(where)) - 1);
      return null;
    }
    return {
      column: this.spec.key.join('+'),
      message: `duplicate key ${parts.join(' + ')}, first seen on ${first < NAMED ? `line ${first}` : this.named[first - NAMED]}`,
    };
  }
}

/**
 * What one import or ingestion knows while it checks rows, file after file (in dependency
 * order): the partners, clients and deals accepted and rejected so far, and the program.
 */
export class FactValidator {
  readonly refs = new References();
  private readonly currencies: ReadonlySet<string>;

  constructor(private readonly program: Program) {
    this.currencies = programCurrencies(program);
  }

  /**
   * Checks a batch of rows of one file. Accepted rows that define a partner, client or deal
   * become known to the rows checked after them; rejected ones make their dependants
   * rejected too. `where(index)` names a row in messages; `beforeQuery` runs before any
   * database lookup (the import first waits for its upsert in flight).
   */
  async checkBatch(
    tx: Tx,
    spec: FileSpec,
    rows: readonly RowInput[],
    where: (index: number) => string,
    beforeQuery?: () => Promise<void>,
  ): Promise<BatchCheck> {
    const candidates: { index: number; row: Row }[] = [];
    const rejected: RowRejection[] = [];
    rows.forEach(({ input, problems }, index) => {
      const parsed = spec.schema.safeParse(input);
      let all = problems;
      if (!parsed.success) {
        all = [...(all ?? [])];
        for (const issue of parsed.error.issues)
          all.push({ column: String(issue.path[0] ?? '(row)'), message: issue.message });
      }
      if (all || !parsed.success) rejected.push({ index, problems: all ?? [], dependsOnRejected: null });
      else candidates.push({ index, row: parsed.data });
    });

    const unknown = this.refs.unknownIds(
      wantedIds(
        spec,
        candidates.map((c) => c.row),
      ),
    );
    if (unknown) {
      await beforeQuery?.();
      await this.refs.lookUp(tx, unknown);
    }
    const accepted: { index: number; row: Row }[] = [];
    for (const candidate of candidates) {
      const { row } = candidate;
      const check = checkRow(spec, row, this.refs, this.program, this.currencies);
      if (check.problems.length > 0 || check.dependsOnRejected) {
        rejected.push({ index: candidate.index, ...check });
        continue;
      }
      if (spec.defines) {
        const infoColumn = ENTITY_INFO[spec.defines];
        this.refs.accept(spec.defines, row[spec.key[0]!]!, infoColumn ? (row[infoColumn] ?? null) : null);
      }
      accepted.push(candidate);
    }
    // Checked in two rounds (columns, then references): put back in batch order.
    rejected.sort((a, b) => a.index - b.index);
    if (spec.defines) {
      for (const r of rejected) {
        const id = rows[r.index]!.input[spec.key[0]!]?.trim();
        if (id) this.refs.reject(spec.defines, id, where(r.index));
      }
    }
    return { accepted, rejected };
  }
}
