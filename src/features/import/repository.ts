// SQL of the import: reference lookups and batched upserts. Identifiers come from the
// file table in schemas.ts (constants), values always travel as parameters.
import { type SQL, sql } from 'drizzle-orm';
import { copyField, copyRows, type Queryable, rows, type Tx } from '../../db/client.ts';
import type { FileSpec, Row, SqlType } from './schemas.ts';

/**
 * One writer of facts at a time: an import or an ingestion batch (a transaction-scoped
 * advisory lock). Two writers upserting the same rows in different orders would deadlock,
 * and a writer adding a management or a deal could race another's recompute of the
 * client's partners. Taken first, before the writer holds any other lock, so waiting for
 * it cannot be part of a deadlock. With `timeoutMs`, gives up after that long
 * (LockBusyError) instead of waiting for a long import.
 */
export async function lockFactWrites(tx: Tx, options: { timeoutMs?: number } = {}): Promise<void> {
  const lock = sql`select pg_advisory_xact_lock(hashtextextended('tierwise:import', 0))`;
  if (options.timeoutMs === undefined) {
    await tx.execute(lock);
    return;
  }
  await tx.execute(sql`select set_config('lock_timeout', ${String(Math.max(1, options.timeoutMs))}, true)`);
  try {
    await tx.execute(lock);
  } catch (error) {
    if (sqlState(error) === '55P03') throw new LockBusyError();
    throw error;
  }
  await tx.execute(sql`set local lock_timeout to default`);
}

export class LockBusyError extends Error {
  override name = 'LockBusyError';
  constructor() {
    super('another import or ingestion kept the facts locked for too long');
  }
}

/** The SQLSTATE of a database error, through the ORM's wrapping. */
function sqlState(error: unknown): string | undefined {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** Which of the ids are partners in the database. */
export async function findPartners(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: string }>(
    db,
    sql`select partner_id as id from partners where partner_id = any(${sql.param(ids)}::text[])`,
  );
  return new Set(found.map((r) => r.id));
}

/** The currency of each of the ids that is a client in the database. */
export async function findClients(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: string; currency: string }>(
    db,
    sql`select client_id as id, currency from clients where client_id = any(${sql.param(ids)}::text[])`,
  );
  return new Map(found.map((r) => [r.id, r.currency]));
}

/** The client of each of the ids that is a deal in the database. */
export async function findDeals(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ id: string; client_id: string }>(
    db,
    sql`select deal_id as id, client_id from deals where deal_id = any(${sql.param(ids)}::text[])`,
  );
  return new Map(found.map((r) => [r.id, r.client_id]));
}

export interface UpsertResult {
  inserted: number;
  updated: number;
  /** Clients and partners of rows that were inserted or really changed, before and after. */
  clientIds: string[];
  partnerIds: string[];
  /** Clients of rows that existed and changed. */
  updatedClientIds: string[];
}

const CAST: Record<SqlType, (column: string) => string> = {
  text: (c) => `i.${c}`,
  date: (c) => `i.${c}::date`,
  numeric: (c) => `i.${c}::numeric`,
  integer: (c) => `i.${c}::integer`,
  'text[]': (c) => `coalesce(string_to_array(i.${c}, ';'), '{}'::text[])`,
};

interface UpsertStatement {
  columns: string[];
  /** The SQL around the column arrays: parts[0] $1 parts[1] $2 ... */
  parts: string[];
  /** The same upsert reading the rows from the file's staging table (upsertStaged). */
  staged: string;
}

const statements = new Map<string, UpsertStatement>();

/**
 * One statement per batch: the rows arrive as one text array per column (so a batch
 * is not bounded by the 65,535-parameter limit), or from a staging table, are cast, and
 * upsert by the key. A row equal to the stored one is not rewritten, so a second import
 * changes nothing; the counts and the affected clients/partners come from the rows really
 * written.
 */
function upsertStatement(spec: FileSpec): UpsertStatement {
  const cached = statements.get(spec.table);
  if (cached) return cached;
  const columns = Object.keys(spec.columns);
  const key = spec.key;
  const rest = columns.filter((c) => !key.includes(c));
  const client = spec.affects?.client;
  const partner = spec.affects?.partner;
  // A row whose client/partner is not part of its key can move: the old one is affected too.
  const movable = [client, partner].filter((c): c is string => c !== undefined && !key.includes(c));
  const returning = [...new Set([...key, ...(client ? [client] : []), ...(partner ? [partner] : [])])];
  const affected = (column: string | undefined) => {
    if (!column) return `'{}'::text[]`;
    const old = movable.includes(column) ? ` union select ${column} from old` : '';
    return `(select coalesce(array_agg(distinct x.c), '{}') from (select ${column} as c from ins${old}) x)`;
  };
  const head = [
    'with input as (select * from unnest(',
    ...columns.slice(1).map(() => '::text[], '),
    `::text[]) as i(${columns.join(', ')}))`,
  ];
  const tail = [
    `, ins as (insert into ${spec.table} as t (${columns.join(', ')})`,
    ` select ${columns.map((c) => CAST[spec.columns[c]!.sqlType](c)).join(', ')} from input i`,
    ` on conflict (${key.join(', ')}) do update set ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    ` where (${rest.map((c) => `t.${c}`).join(', ')}) is distinct from (${rest.map((c) => `excluded.${c}`).join(', ')})`,
    ` returning (xmax = 0) as inserted, ${returning.map((c) => `t.${c}`).join(', ')})`,
    // The stored values of the rows the statement updates (every part of a statement sees
    // the table as before it). `offset 0` keeps the lookup per row: flattened, the planner,
    // blind to the batch's size, hashes the whole table once per batch.
    movable.length > 0
      ? `, old as (select t.* from ins cross join lateral (select ${movable.join(', ')} from ${spec.table} t` +
        ` where ${key.map((c) => `t.${c} = ins.${c}`).join(' and ')} offset 0) t where not ins.inserted)`
      : '',
    ` select (select count(*) from ins where inserted)::int as inserted,`,
    ` (select count(*) from ins where not inserted)::int as updated,`,
    ` ${affected(client)} as clients, ${affected(partner)} as partners,`,
    client
      ? ` (select coalesce(array_agg(distinct ${client}), '{}') from ins where not inserted) as updated_clients`
      : ` '{}'::text[] as updated_clients`,
  ].join('');
  const staged = `with input as (select * from ${stagingTable(spec)})${tail}`;
  head[head.length - 1] += tail;
  const statement = { columns, parts: head, staged };
  statements.set(spec.table, statement);
  return statement;
}

interface UpsertCounts {
  inserted: number;
  updated: number;
  clients: string[];
  partners: string[];
  updated_clients: string[];
}

function upsertResult(result: UpsertCounts | undefined): UpsertResult {
  return {
    inserted: result?.inserted ?? 0,
    updated: result?.updated ?? 0,
    clientIds: result?.clients ?? [],
    partnerIds: result?.partners ?? [],
    updatedClientIds: result?.updated_clients ?? [],
  };
}

export async function upsertRows(
  db: Queryable,
  spec: FileSpec,
  batch: readonly Row[],
): Promise<UpsertResult> {
  if (batch.length === 0)
    return { inserted: 0, updated: 0, clientIds: [], partnerIds: [], updatedClientIds: [] };
  const { columns, parts } = upsertStatement(spec);
  const chunks: SQL[] = [sql.raw(parts[0]!)];
  columns.forEach((column, i) => {
    chunks.push(sql`${sql.param(batch.map((row) => row[column] ?? null))}`);
    chunks.push(sql.raw(parts[i + 1]!));
  });
  const [result] = await rows<UpsertCounts>(db, sql.join(chunks));
  return upsertResult(result);
}

/** The temporary table a file's rows pass through (text columns, cast by the upsert). */
function stagingTable(spec: FileSpec): string {
  return `tierwise_stage_${spec.table}`;
}

/**
 * Rows as lines of COPY text in the file's column order, for upsertStaged. One flat string
 * (joined lines): text built by `+=` alone stays a tree of pieces pointing into the file's
 * chunks, which outlives young-generation collections while it waits to be sent.
 */
export function stagedText(spec: FileSpec, batch: readonly Row[]): string {
  const { columns } = upsertStatement(spec);
  const lines = new Array<string>(batch.length + 1);
  for (let r = 0; r < batch.length; r++) {
    const row = batch[r]!;
    let line = copyField(row[columns[0]!] ?? null);
    for (let i = 1; i < columns.length; i++) line += `\t${copyField(row[columns[i]!] ?? null)}`;
    lines[r] = line;
  }
  lines[batch.length] = '';
  return batch.length === 0 ? '' : lines.join('\n');
}

/**
 * upsertRows for large batches: the rows (stagedText) go in with COPY, cheap for Node and
 * PostgreSQL alike where parameter arrays cost an escaped array literal per column, into a
 * temporary table, which the same upsert then reads. The table lives until the end of the
 * transaction (emptied after each batch).
 */
export async function upsertStaged(tx: Tx, spec: FileSpec, text: string): Promise<UpsertResult> {
  if (text.length === 0)
    return { inserted: 0, updated: 0, clientIds: [], partnerIds: [], updatedClientIds: [] };
  const { columns, staged } = upsertStatement(spec);
  const table = stagingTable(spec);
  await tx.execute(
    sql.raw(
      `create temp table if not exists ${table} (${columns.map((c) => `${c} text`).join(', ')}) on commit drop`,
    ),
  );
  await copyRows(tx, [{ table, columns, data: text }]);
  const [result] = await rows<UpsertCounts>(tx, sql.raw(staged));
  await tx.execute(sql.raw(`truncate ${table}`));
  return upsertResult(result);
}

/**
 * For clients whose row changed: one stored MRR change per client in another currency
 * than the client's (every change of a client is in its currency).
 */
export async function changesInOtherCurrency(
  db: Queryable,
  clientIds: string[],
): Promise<{ client_id: string; currency: string; change_id: string; change_currency: string }[]> {
  if (clientIds.length === 0) return [];
  return rows(
    db,
    sql`select distinct on (m.client_id) m.client_id, c.currency, m.change_id, m.currency as change_currency
        from mrr_changes m join clients c using (client_id)
        where m.client_id = any(${sql.param(clientIds)}::text[]) and m.currency <> c.currency
        order by m.client_id, m.change_id`,
  );
}
