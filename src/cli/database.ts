// Opening the database a command works on: DATABASE_URL (a PostgreSQL server) or the
// embedded database in --data. Migrations run on open, so every command sees the schema.
import { existsSync } from 'node:fs';
import { loadConfig } from '../core/config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { getProgram } from '../features/program/service.ts';
import type { GlobalOptions } from './context.ts';

export async function withDatabase<T>(
  globals: GlobalOptions,
  run: (database: Database) => Promise<T>,
): Promise<T> {
  const config = loadConfig(process.env, globals.data ? { dataDir: globals.data } : {});
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    return await run(database);
  } finally {
    await database.close();
  }
}

/** True when a database exists to read a program from (the calculator works without one). */
export function hasDatabase(globals: GlobalOptions): boolean {
  const config = loadConfig(process.env, globals.data ? { dataDir: globals.data } : {});
  return Boolean(config.databaseUrl) || existsSync(config.dataDir);
}

export async function programFromDatabase(globals: GlobalOptions) {
  return withDatabase(globals, (database) => getProgram(database.db));
}
