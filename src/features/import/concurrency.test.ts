// Concurrent imports touching the same partners serialize instead of racing: two imports
// run at once leave exactly what the same two imports leave one after the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { exampleProgram as program } from '../../domain/default-program.ts';
import { importFolder } from './service.ts';
import {
  dumpDerived,
  dumpFacts,
  filterRows,
  removeFolders,
  syntheticFolder,
  writeFolder,
} from './testing.ts';

// Two self-contained folders over the same partners and clients: the first half of every
// client's MRR history, and the second half plus the rest of the facts.
const full = syntheticFolder({ partners: 6, clients: 60, changesPerClient: 8 });
const firstHalf = {
  ...full,
  'mrr_changes.csv': filterRows(full['mrr_changes.csv'], (v) => Number(v[0]!.split('-')[1]) < 4),
};
const secondHalf = {
  ...full,
  'mrr_changes.csv': filterRows(full['mrr_changes.csv'], (v) => Number(v[0]!.split('-')[1]) >= 4),
};
const asOf = '2025-12-31';

describe('concurrent imports', () => {
  let concurrent: Database;
  let serial: Database;
  beforeAll(async () => {
    [concurrent, serial] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([concurrent?.close(), serial?.close()]);
    removeFolders();
  });

  it('two imports at once give the same facts and derived rows as one after the other', async () => {
    const a = writeFolder(firstHalf);
    const b = writeFolder(secondHalf);
    const results = await Promise.all([
      importFolder(concurrent.db, { dir: a, program, asOf }),
      importFolder(concurrent.db, { dir: b, program, asOf }),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);

    expect((await importFolder(serial.db, { dir: a, program, asOf })).ok).toBe(true);
    expect((await importFolder(serial.db, { dir: b, program, asOf })).ok).toBe(true);

    const facts = await dumpFacts(concurrent.db);
    expect(facts.mrr_changes).toHaveLength(60 * 8);
    expect(facts).toEqual(await dumpFacts(serial.db));
    const derived = await dumpDerived(concurrent.db);
    expect(derived.sold_entries!.length).toBeGreaterThan(0);
    expect(derived).toEqual(await dumpDerived(serial.db));
  });
});
