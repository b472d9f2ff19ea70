// Ingestion next to imports: batches sent while an import runs wait for it (one writer of
// facts at a time, the lock taken before any other, so no deadlock) and leave exactly what
// the same import and batches leave one after the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../core/clock.ts';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { exampleProgram as program } from '../../domain/default-program.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { LockBusyError, lockFactWrites } from '../import/repository.ts';
import { importFolder } from '../import/service.ts';
import {
  dumpDerived,
  dumpFacts,
  filterRows,
  removeFolders,
  syntheticFolder,
  writeFolder,
} from '../import/testing.ts';
import { ingestFacts } from './service.ts';
import { csvRows } from './testing.ts';

const asOf = '2025-12-31';
const clock = manualClock(`${asOf}T12:00:00Z`);
const full = syntheticFolder({ partners: 6, clients: 60, changesPerClient: 8 });
const half = (keep: (k: number) => boolean) =>
  filterRows(full['mrr_changes.csv'], (v) => keep(Number(v[0]!.split('-')[1])));
// The partners, clients and deals first; then an import of the first half of every client's
// MRR history with the other files, and six ingestion batches of the second half.
const base = {
  'partners.csv': full['partners.csv'],
  'clients.csv': full['clients.csv'],
  'deals.csv': full['deals.csv'],
};
const { 'mrr_changes.csv': _all, ...rest } = full;
const imported = { ...rest, 'mrr_changes.csv': half((k) => k < 4) };
const later = csvRows(half((k) => k >= 4));
const batches = [0, 1, 2, 3, 4, 5].map((b) => later.filter((r) => Number(r.client_id!.slice(1)) % 6 === b));

async function ingestAll(database: Database, parallel: boolean): Promise<void> {
  const run = (rows: Record<string, string>[]) =>
    ingestFacts({ db: database.db, clock }, { batch: { 'mrr-changes': rows }, actor: SYSTEM_ACTOR });
  if (parallel) await Promise.all(batches.map(run));
  else for (const rows of batches) await run(rows);
}

describe('ingestion and imports at once', () => {
  let concurrent: Database;
  let serial: Database;
  beforeAll(async () => {
    [concurrent, serial] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    for (const database of [concurrent, serial]) {
      expect((await importFolder(database.db, { dir: writeFolder(base), program, asOf })).ok).toBe(true);
    }
  });
  afterAll(async () => {
    await Promise.all([concurrent?.close(), serial?.close()]);
    removeFolders();
  });

  it('an import and ingestion batches run together equal the same run one after the other', async () => {
    const dir = writeFolder(imported);
    const [result] = await Promise.all([
      importFolder(concurrent.db, { dir, program, asOf }),
      ingestAll(concurrent, true),
    ]);
    expect(result.ok).toBe(true);

    expect((await importFolder(serial.db, { dir, program, asOf })).ok).toBe(true);
    await ingestAll(serial, false);

    const facts = await dumpFacts(concurrent.db);
    expect(facts.mrr_changes).toHaveLength(60 * 8);
    expect(facts).toEqual(await dumpFacts(serial.db));
    const derived = await dumpDerived(concurrent.db);
    expect(derived.sold_entries!.length).toBeGreaterThan(0);
    expect(derived).toEqual(await dumpDerived(serial.db));
  });

  // PGlite serves one connection: a second writer cannot wait on a lock there, so this case
  // exists only where it can happen (the suite also runs on PostgreSQL in CI).
  const onServer = process.env.DATABASE_URL ? it : () => {};
  onServer('gives up after its lock timeout while another writer holds the facts (PostgreSQL)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = concurrent.db.transaction(async (tx) => {
      await lockFactWrites(tx);
      locked();
      await held;
    });
    await isLocked;
    const started = Date.now();
    await expect(
      ingestFacts(
        { db: concurrent.db, clock },
        { batch: { 'mrr-changes': batches[0]! }, actor: SYSTEM_ACTOR, lockTimeoutMs: 300 },
      ),
    ).rejects.toBeInstanceOf(LockBusyError);
    expect(Date.now() - started).toBeLessThan(5_000);
    release();
    await holder;
  });
});
