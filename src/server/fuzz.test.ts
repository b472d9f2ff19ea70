// A fuzz suite generated from the OpenAPI document: every operation gets malformed path
// parameters, query strings, bodies and headers (seeded fast-check samples, bounded).
// Nothing may answer 5xx, every refusal has the error shape, no body leaks a stack trace
// or SQL, and a refused request changes nothing (row counts of every table and the audit
// log, where every write leaves a row, are the same after it).

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/client.ts';
import { type Browser, createTestApp, seedPartners, seedUser, signIn, type TestApp } from './testing.ts';

const SEED = 20261207;
const CASES_PER_OPERATION = 6;
/** Signing out or resetting would end the fuzzer's own session, not find a bug. */
const SKIP = new Set(['DELETE /api/v1/session']);
const LEAK =
  /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\b(SELECT|INSERT|UPDATE|DELETE) .*\b(FROM|INTO|SET)\b|syntax error at|relation "|violates .* constraint/i;

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string }[];
  hasBody: boolean;
}

let t: TestApp;
let browser: Browser;
let operations: Operation[];
beforeAll(async () => {
  t = await createTestApp();
  await seedPartners(t.deps, 'P1', 'P2');
  await seedUser(t.deps, { email: 'ops@vendor.example', role: 'operator' });
  browser = await signIn(t.app, 'ops@vendor.example');
  const doc = t.app.swagger() as {
    paths: Record<
      string,
      Record<string, { parameters?: { name: string; in: string }[]; requestBody?: unknown }>
    >;
  };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: op.parameters ?? [],
      hasBody: op.requestBody !== undefined,
    })),
  );
});
afterAll(() => t.close());

let countAll: ReturnType<typeof sql> | undefined;

/** Row counts of every table of the public schema (the table list read once): one statement. */
async function fingerprint(): Promise<string> {
  if (!countAll) {
    const tables = await rows<{ name: string }>(
      t.deps.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const counts = sql.join(
      tables.map((x) => sql`(select count(*) from ${sql.identifier(x.name)})`),
      sql`, `,
    );
    countAll = sql`select json_build_array(${counts}) as c`;
  }
  const [row] = await rows<Record<string, unknown>>(t.deps.db, countAll);
  return JSON.stringify(row);
}

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "' or 1=1 --",
    '../../etc/passwd',
    '%00',
    '\u0000',
    '😀'.repeat(30),
    'x'.repeat(5000),
    '-1',
    '1e309',
    'null',
  ),
  fc.integer().map(String),
);
const badBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  fc.constantFrom('{"unterminated": ', '[]', '"text"', '{"email": {"$ne": null}}'),
);
const headerCase = fc.constantFrom('normal', 'no-csrf', 'wrong-type', 'bad-bearer');

describe('the API under malformed requests', () => {
  it('answers every operation with a 4xx error body or a success, never 5xx or a leak', {
    timeout: 240_000,
  }, async () => {
    expect(operations.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let refused = 0;
    let requests = 0;
    for (const [k, op] of operations.entries()) {
      if (SKIP.has(`${op.method} ${op.path}`)) continue;
      const cases = fc.sample(
        fc.record({
          values: fc.array(nasty, { minLength: op.params.length, maxLength: op.params.length }),
          body: badBody,
          headers: headerCase,
        }),
        { seed: SEED + k, numRuns: CASES_PER_OPERATION },
      );
      for (const c of cases) {
        let url = op.path;
        const query = new URLSearchParams();
        op.params.forEach((p, i) => {
          const value = c.values[i]!;
          if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value) || '%20');
          else if (p.in === 'query') query.set(p.name, value);
        });
        const qs = query.toString();
        const headers: Record<string, string> =
          c.headers === 'bad-bearer' ? { authorization: 'Bearer tw_not-a-token' } : { ...browser.write };
        if (c.headers === 'no-csrf') delete headers['x-csrf-token'];
        const raw =
          typeof c.body === 'string' && c.body.startsWith('{"unterminated') ? c.body : JSON.stringify(c.body);
        const withBody = op.method !== 'GET' && op.method !== 'DELETE';
        if (withBody)
          headers['content-type'] =
            c.headers === 'wrong-type' ? 'application/x-www-form-urlencoded' : 'application/json';
        const before = await fingerprint();
        const response = await t.app.inject({
          method: op.method as 'GET',
          url: qs ? `${url}?${qs}` : url,
          headers,
          ...(withBody ? { payload: raw } : {}),
        });
        requests++;
        const where = `${op.method} ${url.slice(0, 120)}${qs ? `?${qs.slice(0, 80)}` : ''} [${c.headers}]`;
        if (response.statusCode >= 500)
          failures.push(`${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (LEAK.test(response.body)) failures.push(`${where}: leaks ${response.body.slice(0, 200)}`);
        if (response.statusCode >= 400) {
          refused++;
          const body = (() => {
            try {
              return response.json() as { error?: { code?: unknown; message?: unknown } };
            } catch {
              return null;
            }
          })();
          if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
            failures.push(
              `${where}: ${response.statusCode} without the error shape: ${response.body.slice(0, 120)}`,
            );
          if ((await fingerprint()) !== before)
            failures.push(`${where}: refused (${response.statusCode}) but changed data`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(600);
    // Most of it is refused: the suite reaches validation, not only the door.
    expect(refused / requests).toBeGreaterThan(0.8);
  });
});
