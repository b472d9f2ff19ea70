// Runs once before the suite: prepares a migrated database that each test file copies.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { SNAPSHOT_ENV, serverUrlFor, TEMPLATE_ENV } from '../src/db/testing.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const TEMPLATE_DB = `tierwise_test_template_${process.pid}`;
    process.env[TEMPLATE_ENV] = TEMPLATE_DB;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`drop database if exists "${TEMPLATE_DB}" with (force)`);
      await admin.query(`create database "${TEMPLATE_DB}"`);
    } finally {
      await admin.end();
    }
    const template = await openDatabase({ url: serverUrlFor(url, TEMPLATE_DB), poolSize: 1 });
    await template.migrate();
    await template.close();
    return async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup
        .query(`drop database if exists "${TEMPLATE_DB}" with (force)`)
        .finally(() => cleanup.end());
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-test-'));
  const database = await openDatabase({});
  await database.migrate();
  const { PGlite } = await import('@electric-sql/pglite');
  const client = (database.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
  const dump = await client.dumpDataDir('gzip');
  const path = join(dir, 'migrated.tar.gz');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  process.env[SNAPSHOT_ENV] = path;
  return async () => rmSync(dir, { recursive: true, force: true });
}
