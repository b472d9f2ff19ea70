// Whether the database answers and holds every migration this build ships (the readiness
// probe): the migrations drizzle recorded against the journal in src/db/migrations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER, type Queryable, rows } from './client.ts';

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

export const SHIPPED_MIGRATIONS = journal.entries.length;

export interface Readiness {
  applied: number;
  expected: number;
}

/** The migrations applied; throws when the database does not answer. */
export async function migrationState(db: Queryable): Promise<Readiness> {
  const [table] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  );
  const applied =
    table!.n > 0
      ? (await rows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`))[0]!
          .n
      : 0;
  return { applied, expected: SHIPPED_MIGRATIONS };
}
