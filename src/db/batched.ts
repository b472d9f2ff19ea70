// Lookups that arrive together share one query. The hottest reads of the API (the session
// check on every signed-in request, the dashboard summary with it) are one indexed row each:
// what they cost is the round trip, a socket write and a read on both sides, far more than
// the reading. load() queues a lookup, and the queue leaves as one statement once the event
// loop has read every request that was ready (setImmediate runs after the poll phase). Each
// lookup still reads after its request arrived, so it sees every change committed before
// that: nothing is kept between requests.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { preparedQuery } from './prepared.ts';

/** At most this many lookups in one statement (a larger queue is sent in several). */
const MAX_BATCH = 100;

/**
 * The keys of a batch in SQL: `json_to_recordset` of the lookups' keys, each with its index
 * `i` (a column of every row the query returns). `columns`: the keys' fields with their types,
 * e.g. `token_hash text, now timestamptz`; the rows are `alias`'s.
 */
export function batchKeys(alias: string, columns: string) {
  return sql`json_to_recordset(${sql.placeholder('keys')}::json) as ${sql.raw(alias)}(i int, ${sql.raw(columns)})`;
}

interface Pending<K, R> {
  key: K;
  resolve(row: R | undefined): void;
  reject(error: unknown): void;
}

function loader<K, R extends { i: number }>(
  run: (keys: string) => Promise<R[]>,
): (key: K) => Promise<R | undefined> {
  let queue: Pending<K, R>[] = [];
  const send = (batch: Pending<K, R>[]) => {
    // Inside then(): an error thrown while sending still fails the lookups, not the process.
    Promise.resolve()
      .then(() => run(JSON.stringify(batch.map((p, i) => ({ ...p.key, i })))))
      .then(
        (rows) => {
          const byIndex: (R | undefined)[] = new Array(batch.length);
          for (const row of rows) byIndex[row.i] = row;
          for (let i = 0; i < batch.length; i++) batch[i]!.resolve(byIndex[i]);
        },
        (error: unknown) => {
          for (const p of batch) p.reject(error);
        },
      );
  };
  const flush = () => {
    const all = queue;
    queue = [];
    for (let at = 0; at < all.length; at += MAX_BATCH) send(all.slice(at, at + MAX_BATCH));
  };
  return (key) =>
    new Promise<R | undefined>((resolve, reject) => {
      queue.push({ key, resolve, reject });
      if (queue.length === 1) setImmediate(flush);
    });
}

/**
 * A lookup by key whose concurrent calls share one prepared statement. `build` selects from
 * batchKeys(...) (the placeholder `keys`), returns the key's index `i` in every row and at
 * most one row per key. One queue per database handle (not for a transaction).
 */
export function batchedQuery<K extends object, R extends { i: number }>(
  name: string,
  build: (db: Queryable) => { prepare(name: string): { execute(args: { keys: string }): Promise<unknown> } },
): (db: Queryable) => (key: K) => Promise<R | undefined> {
  const query = preparedQuery(name, build);
  const loaders = new WeakMap<object, (key: K) => Promise<R | undefined>>();
  return (db) => {
    let load = loaders.get(db);
    if (load === undefined) {
      load = loader<K, R>((keys) => query(db).execute({ keys }) as Promise<R[]>);
      loaders.set(db, load);
    }
    return load;
  };
}
