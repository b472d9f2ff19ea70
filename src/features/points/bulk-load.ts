// Loading the facts of many partners (a first import, a rebuild) batch after batch, with
// one pass over each fact table instead of one lookup per batch.
//
// Looked up batch by batch, 10,000 partners cost 100 index probes of ~2,700 clients into
// every fact table (or, as the planner prefers at that size, 100 scans of each): most of
// a first import's recompute. Here the partners' batch numbers and their clients go into
// temporary tables, and one cursor per kind of fact joins them with the whole table in
// batch order: PostgreSQL joins and sorts each table once, and FETCHes hand over the next
// batch's rows (as plain rows: aggregating them into JSON documents cost PostgreSQL three
// times the join and sort), while the derived rows of the batches before are written on
// the same connection (a cursor stays open between statements of its transaction). A
// cursor sees the tables as they were when it was declared, so the standings read are
// those before this recompute.
import { sql } from 'drizzle-orm';
import { arrayRows, type Tx } from '../../db/client.ts';
import { clearDerived } from './derived-writes.ts';
import {
  type BatchDocument,
  CLIENT_KINDS,
  factsFromDocument,
  PARTNER_KINDS,
  type PartnerBatch,
} from './repository.ts';

type Kind = keyof BatchDocument;

/**
 * One cursor: rows of one kind, each ending in its batch number, in batch order (a batch
 * without such rows has none).
 */
interface KindCursor {
  kind: Kind;
  name: string;
  /** Rows fetched and not handed out yet (fetched in blocks, they run into later batches). */
  rows: unknown[][];
  /** Index of the first row not handed out yet. */
  at: number;
  done: boolean;
}

/** Rows per FETCH: a batch's rows of a kind take one or a few round trips. */
const FETCH_ROWS = 5_000;

const PARTNERS = 'tierwise_recompute_partners';
const LINKS = 'tierwise_recompute_links';
const CLIENTS = 'tierwise_recompute_clients';

export class BulkFactReader {
  private readonly cursors: KindCursor[] = [];
  private batch = 0;

  private constructor(
    private readonly tx: Tx,
    private readonly batches: readonly (readonly string[])[],
  ) {}

  /** Declares the cursors over `batches` (partner ids, in the order they will be read). */
  static async open(
    tx: Tx,
    batches: readonly (readonly string[])[],
    withStandings: boolean,
    options: { readOnly?: boolean } = {},
  ): Promise<BulkFactReader> {
    const reader = new BulkFactReader(tx, batches);
    await reader.declare(withStandings, options.readOnly ?? false);
    return reader;
  }

  /** readOnly: the derived rows stay (a what-if reads facts and writes nothing). */
  private async declare(withStandings: boolean, readOnly: boolean): Promise<void> {
    const { tx } = this;
    const ids = this.batches.flat();
    const numbers = this.batches.flatMap((b, i) => b.map(() => i));
    // Dropped at the end of the transaction, or by close() for another recompute in it.
    await tx.execute(
      sql.raw(`create temp table ${PARTNERS} (batch int not null, partner_id text not null) on commit drop`),
    );
    await tx.execute(
      sql`insert into ${sql.raw(PARTNERS)} select * from unnest(${sql.param(numbers)}::int[], ${sql.param(ids)}::text[])`,
    );
    await tx.execute(
      sql.raw(`create temp table ${LINKS} on commit drop as
        select p.batch, l.partner_id, l.client_id from ${PARTNERS} p join managements l using (partner_id)
        union select p.batch, l.partner_id, l.client_id from ${PARTNERS} p join deals l using (partner_id)`),
    );
    await tx.execute(
      sql.raw(
        `create temp table ${CLIENTS} on commit drop as select distinct batch, client_id from ${LINKS}`,
      ),
    );
    // Temporary tables get no statistics by themselves: without them the planner cannot
    // tell a few partners (index lookups) from thousands (one scan and a sort).
    await tx.execute(sql.raw(`analyze ${PARTNERS}, ${LINKS}, ${CLIENTS}`));

    // The batch number last: the rest of a row is the tuple factsFromDocument reads.
    const queries: [Kind, string][] = [
      ['links', `select partner_id, client_id, batch from ${LINKS} order by batch`],
    ];
    const partnerKinds = withStandings ? PARTNER_KINDS : { certifications: PARTNER_KINDS.certifications };
    for (const [kind, [table, columns]] of Object.entries(partnerKinds)) {
      queries.push([
        kind as Kind,
        `select ${prefixed(columns)}, b.batch from ${PARTNERS} b join ${table} t using (partner_id) order by b.batch`,
      ]);
    }
    for (const [kind, [table, columns]] of Object.entries(CLIENT_KINDS)) {
      queries.push([
        kind as Kind,
        `select ${prefixed(columns)}, b.batch from ${CLIENTS} b join ${table} t using (client_id) order by b.batch`,
      ]);
    }
    for (const [kind, query] of queries) {
      const name = `tierwise_recompute_${kind}`;
      await tx.execute(sql.raw(`declare ${name} no scroll cursor for ${query}`));
      this.cursors.push({ kind, name, rows: [], at: 0, done: false });
    }
    // The cursors read no derived table but partner_state, and see it as it was when they
    // were declared: the partners' derived rows can go now, in one statement (writes skip
    // their delete per batch).
    if (!readOnly) await clearDerived(tx, sql.raw(`select partner_id from ${PARTNERS}`));
  }

  /** The facts (and standings) of the next batch. */
  async next(): Promise<PartnerBatch> {
    const batch = this.batch++;
    const ids = this.batches[batch];
    if (!ids) throw new Error('no batch left to read');
    const doc: Partial<Record<Kind, unknown[][]>> = {};
    for (const cursor of this.cursors) doc[cursor.kind] = await this.rowsOf(cursor, batch);
    return factsFromDocument(ids, doc as Partial<BatchDocument>);
  }

  /** The cursor's rows of the batch (fetching until a row of a later batch shows up). */
  private async rowsOf(cursor: KindCursor, batch: number): Promise<unknown[][]> {
    const out: unknown[][] = [];
    for (;;) {
      const { rows } = cursor;
      while (cursor.at < rows.length) {
        const row = rows[cursor.at]!;
        if (row[row.length - 1] !== batch) return out;
        out.push(row);
        cursor.at += 1;
      }
      if (cursor.done) return out;
      cursor.rows = await arrayRows(this.tx, `fetch ${FETCH_ROWS} from ${cursor.name}`);
      cursor.at = 0;
      cursor.done = cursor.rows.length < FETCH_ROWS;
    }
  }

  /** Closes the cursors and drops the temporary tables (the transaction goes on). */
  async close(): Promise<void> {
    for (const cursor of this.cursors) await this.tx.execute(sql.raw(`close ${cursor.name}`));
    await this.tx.execute(sql.raw(`drop table ${CLIENTS}, ${LINKS}, ${PARTNERS}`));
  }
}

/** `a, b::text` → `t.a, t.b::text`: the fact table's columns (the batch tables share names). */
function prefixed(columns: string): string {
  return columns
    .split(',')
    .map((c) => `t.${c.trim()}`)
    .join(', ');
}
