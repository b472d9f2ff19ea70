// One database API over two drivers: embedded PGlite (default, a folder on disk or in
// memory) and a PostgreSQL server (DATABASE_URL). Same schema, same migrations.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database handle or a transaction: repository functions accept both. */
export type Queryable = Db | Tx;

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Shared buffers of the embedded database: PGlite's default, 128MB, is memory of the
 * process itself, and the operating system's file cache serves the data folder as well.
 * At 16MB a 1,000,000-change import peaked ~110 MB lower, in the same time.
 */
const PGLITE_SHARED_BUFFERS = '16MB';

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** A description for messages: the folder or the server (without password). */
  where: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database's own dump of its data folder (a gzipped tar); PGlite only. */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when set, the server is used. */
  url?: string | undefined;
  /** PGlite data folder; 'memory://' or undefined for an in-memory database. */
  dataDir?: string | undefined;
  /** A PGlite data dump to start from (tests: a migrated snapshot). */
  loadDataDir?: Blob | File | undefined;
  /** Pool size for the server. */
  poolSize?: number;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL server';
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle pooled connection can be closed by the server (a restart, a dropped test
    // database); the pool discards it and opens another on demand. Without a listener the
    // 'error' event would crash the process.
    pool.on('error', () => {});
    // Dates stay 'YYYY-MM-DD' strings and numerics stay exact strings (pg's defaults for
    // numeric; date is type 1082, parsed to a JS Date by default).
    pool.on('connect', (client) => {
      client.setTypeParser(1082, (v: string) => v);
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      where: redact(options.url),
      migrate: () => migrateNodePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir && options.dataDir !== 'memory://' ? resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    where: dataDir ?? 'memory',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('gzip'),
  };
}

/** Runs a raw query and returns its rows, whichever driver is underneath. */
export async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Serializes work per partner across connections and instances: a transaction-scoped
 * advisory lock per partner, taken in a fixed order so two writers cannot deadlock.
 */
export async function lockPartners(tx: Tx, partnerIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(partnerIds)].sort();
  if (ids.length === 0) return;
  // One statement: unnest yields the ids in the array's (sorted) order, and they are locked in it.
  await tx.execute(
    sql`select count(pg_advisory_xact_lock(hashtextextended('partner:' || id, 0)))
        from unnest(${sql.param(ids)}::text[]) as id`,
  );
}

// ---- COPY -------------------------------------------------------------------------------
// Bulk writes go through COPY (text format): PostgreSQL reads tab-separated lines far faster
// than it expands parameter arrays or JSON documents (json_to_recordset took ~25x longer
// than COPY for the same derived rows), and Node builds plain text instead of escaping
// every value into an array literal.

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value as a field of COPY's text format: `\N` for null, backslash escapes for the rest. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

/** The driver's own connection under a drizzle transaction (its session holds it). */
function driverClient(tx: Tx): unknown {
  return (tx as unknown as { session: { client: unknown } }).session.client;
}

/** Data in a chunk per CopyData message: the server gets it in pieces, Node sends no giant frame. */
const COPY_CHUNK = 256 * 1024;

/**
 * COPY ... FROM STDIN over node-postgres's protocol hooks (what pg-copy-streams does, for
 * data already in memory): the client calls submit, then the handlers as the server answers.
 * Several COPY statements travel as one query (one round trip): the server asks for each
 * one's data in turn.
 */
class CopyFromStdin {
  readonly done: Promise<void>;
  private settle!: { resolve: () => void; reject: (error: unknown) => void };
  private next = 0;

  constructor(
    readonly text: string,
    private readonly data: readonly Buffer[],
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }): void {
    const data = this.data[this.next++]!;
    for (let i = 0; i < data.length; i += COPY_CHUNK)
      connection.sendCopyFromChunk(data.subarray(i, i + COPY_CHUNK));
    connection.endCopyFrom();
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    this.settle.resolve();
  }

  /** The client forgets the query on an error (no ReadyForQuery reaches it): settle now. */
  handleError(error: unknown): void {
    this.settle.reject(error);
  }
}

/** Rows for one table's COPY: `data` is lines of COPY's text format (see copyField). */
export interface CopyInput {
  table: string;
  columns: readonly string[];
  data: string;
}

/**
 * Appends rows to tables with COPY, inside the transaction. Each input's `data`: lines of
 * COPY's text format (fields by copyField, joined by tabs, each line ending in a newline).
 */
export async function copyRows(tx: Tx, inputs: readonly CopyInput[]): Promise<void> {
  const copies = inputs.filter((c) => c.data.length > 0);
  if (copies.length === 0) return;
  const statement = (c: CopyInput, source: string) =>
    `copy ${c.table} (${c.columns.join(', ')}) from ${source}`;
  const client = driverClient(tx);
  if (client instanceof pg.Client) {
    const copy = new CopyFromStdin(
      copies.map((c) => statement(c, 'stdin')).join('; '),
      copies.map((c) => Buffer.from(c.data, 'utf8')),
    );
    client.query(copy as never);
    await copy.done;
    return;
  }
  // PGlite reads COPY data from its /dev/blob device, fed by the query's blob option (and
  // runs in this process: a statement per table costs no round trip).
  const pglite = client as { query(q: string, p: unknown[], o: { blob: Blob }): Promise<unknown> };
  for (const c of copies) await pglite.query(statement(c, "'/dev/blob'"), [], { blob: new Blob([c.data]) });
}

/**
 * A statement's rows as arrays of values (no object per row), inside the transaction: for
 * reading many rows, e.g. FETCH from a cursor.
 */
export async function arrayRows(tx: Tx, text: string): Promise<unknown[][]> {
  const client = driverClient(tx);
  if (client instanceof pg.Client) return (await client.query({ text, rowMode: 'array' })).rows;
  const pglite = client as {
    query(q: string, p: unknown[], o: { rowMode: 'array' }): Promise<{ rows: unknown[][] }>;
  };
  return (await pglite.query(text, [], { rowMode: 'array' })).rows;
}
