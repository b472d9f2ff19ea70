// Prepared statements of the per-request hot paths (the session check, the dashboard
// summary): parsed and planned once, then only bound and executed. node-postgres does that
// for a named query on each pooled connection. PGlite's query() parses and plans every
// statement again (over 1 ms for a join, in WebAssembly); on PGlite the named statement is
// kept in its one session instead, through its public protocol API.
import { PGlite, parse, protocol, type QueryOptions } from '@electric-sql/pglite';
import type { Queryable } from '../db/client.ts';

/** What drizzle's PGlite prepared query calls: client.query(text, params, config). */
interface DriverClient {
  query(text: string, params: unknown[], config?: QueryOptions): Promise<unknown>;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A client for one statement on PGlite: Parse (named) once, then Bind/Execute/Sync in one
 * message per call. Serialized like PGlite's own query(): after any open transaction, one
 * protocol exchange at a time; parameters and results converted by PGlite's type handlers.
 */
function namedStatementClient(pglite: PGlite, name: string): DriverClient {
  const { serialize } = protocol;
  let paramTypes: number[] | undefined;
  return {
    query: (text, params, config) =>
      pglite._runExclusiveTransaction(() =>
        pglite._runExclusiveQuery(async () => {
          if (!paramTypes) {
            const described = await pglite.execProtocol(
              concat([
                serialize.parse({ name, text, types: [] }),
                serialize.describe({ type: 'S', name }),
                serialize.sync(),
              ]),
            );
            paramTypes = parse.parseDescribeStatementResults(described.messages);
          }
          const types = paramTypes;
          const values = params.map((value, i) => {
            if (value === null || value === undefined) return null;
            const serializer = pglite.serializers[types[i]!];
            return serializer ? serializer(value) : String(value);
          });
          const { messages } = await pglite.execProtocol(
            concat([
              serialize.bind({ statement: name, values: values as (string | null)[] }),
              serialize.describe({ type: 'P' }),
              serialize.execute({}),
              serialize.sync(),
            ]),
          );
          return parse.parseResults(messages, pglite.parsers, config)[0];
        }),
      ),
  };
}

/**
 * A prepared query per database handle, made on first use: `build(db).prepare(name)`, with
 * the statement kept prepared on either driver. For the database handle only (not inside
 * a transaction: there it is an ordinary prepared query).
 */
export function preparedQuery<P>(
  name: string,
  build: (db: Queryable) => { prepare(name: string): P },
): (db: Queryable) => P {
  const made = new WeakMap<object, P>();
  return (db) => {
    let query = made.get(db);
    if (query === undefined) {
      query = build(db).prepare(name);
      const client = (db as { $client?: unknown }).$client;
      // drizzle's PGlite prepared query sends its text through its `client` on every call.
      if (client instanceof PGlite && query && typeof query === 'object' && 'client' in query)
        (query as { client: DriverClient }).client = namedStatementClient(client, name);
      made.set(db, query);
    }
    return query;
  };
}
