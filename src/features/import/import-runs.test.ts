// Import runs over time: skipping invalid rows, importing twice, splitting a folder, updates.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../db/testing.ts';
import { exampleProgram as program } from '../../domain/default-program.ts';
import { type ImportOptions, type ImportResult, importFolder } from './service.ts';
import {
  dumpDerived,
  dumpFacts,
  emptyFacts,
  filterRows,
  removeFolders,
  syntheticFolder,
  VALID_FOLDER,
  writeFolder,
} from './testing.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
  removeFolders();
});
beforeEach(async () => {
  await emptyFacts(database.db);
});

const ASOF = '2025-12-31';

async function run(files: Record<string, string | Buffer>, options: Partial<ImportOptions> = {}) {
  const result = await importFolder(database.db, {
    dir: writeFolder(files),
    program,
    asOf: ASOF,
    ...options,
  });
  return result;
}

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`import refused:\n${result.problems.join('\n')}`);
  return result;
}

describe('skipInvalid', () => {
  const partners = `${VALID_FOLDER['partners.csv']}P3,Gamma,XX,USD,\n`;
  const deals = `${VALID_FOLDER['deals.csv']}D3,P3,C1,sourced,closed_won,2025-03-01,2025-03-02,10,USD,,\n`;
  const mrr =
    `${VALID_FOLDER['mrr_changes.csv']}` +
    'M4,C1,Sales Hub,2025-03-02,10,USD,D3,new\n' +
    'M5,C1,Sales Hub,2025-13-01,10,USD,,new\n' +
    'M6,C2,Sales Hub,2025-04-01,50,EUR,,cross_sell\n';
  const files = { ...VALID_FOLDER, 'partners.csv': partners, 'deals.csv': deals, 'mrr_changes.csv': mrr };

  it('imports the valid rows and writes the rejected ones, with rows depending on them, to the rejects file', async () => {
    const dir = writeFolder(files);
    const rejectsFile = join(dir, 'rejects.csv');
    const result = ok(
      await importFolder(database.db, { dir, program, asOf: ASOF, skipInvalid: true, rejectsFile }),
    );
    expect(result.rejectsFile).toBe(rejectsFile);
    expect(result.files['partners.csv']).toEqual({
      rows: 3,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
    });
    expect(result.files['deals.csv']).toMatchObject({ rows: 3, inserted: 2, rejected: 1 });
    expect(result.files['mrr_changes.csv']).toMatchObject({ rows: 6, inserted: 4, rejected: 2 });
    const facts = await dumpFacts(database.db);
    expect(facts.partners!.map((r) => (r as { partner_id: string }).partner_id)).toEqual(['P1', 'P2']);
    expect(facts.mrr_changes!.map((r) => (r as { change_id: string }).change_id)).toEqual([
      'M1',
      'M2',
      'M3',
      'M6',
    ]);

    const rejects = parse(readFileSync(rejectsFile), { columns: true }) as Record<string, string>[];
    expect(rejects).toEqual([
      expect.objectContaining({
        file: 'partners.csv',
        line: '4',
        reason: 'country: expected an ISO 3166-1 alpha-2 country code (such as US), got "XX"',
        partner_id: 'P3',
        name: 'Gamma',
        country: 'XX',
      }),
      expect.objectContaining({
        file: 'deals.csv',
        line: '4',
        reason: 'partner P3 is rejected (partners.csv:4)',
        deal_id: 'D3',
        amount: '10',
      }),
      expect.objectContaining({
        file: 'mrr_changes.csv',
        line: '5',
        reason: 'deal D3 is rejected (deals.csv:4)',
        change_id: 'M4',
        original_reason: 'new',
      }),
      expect.objectContaining({
        file: 'mrr_changes.csv',
        line: '6',
        reason: 'date: expected a date as YYYY-MM-DD, got "2025-13-01"',
        change_id: 'M5',
      }),
    ]);
  });

  it('still refuses the import for a problem with a whole file, and leaves no rejects file', async () => {
    const dir = writeFolder({ ...files, 'usage.csv': 'client_id,month\nC1,2025-06\n' });
    const rejectsFile = join(dir, 'rejects.csv');
    const result = await importFolder(database.db, {
      dir,
      program,
      asOf: ASOF,
      skipInvalid: true,
      rejectsFile,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain('usage.csv:1: tools_used: missing required column "tools_used"');
    expect(existsSync(rejectsFile)).toBe(false);
    expect(Object.values(await dumpFacts(database.db)).flat()).toEqual([]);
  });
});

describe('idempotence and history', () => {
  it('leaves the database exactly as it was when the same folder is imported again', async () => {
    const files = syntheticFolder({ partners: 6, clients: 40, changesPerClient: 12 });
    const first = ok(await run(files));
    expect(first.partnersRecomputed).toBe(6);
    const facts = await dumpFacts(database.db, { withRowVersions: true });
    const derived = await dumpDerived(database.db);
    const second = ok(await run(files));
    for (const counts of Object.values(second.files)) {
      expect(counts).toEqual({
        rows: counts.rows,
        inserted: 0,
        updated: 0,
        unchanged: counts.rows,
        rejected: 0,
      });
    }
    expect(second.partnersRecomputed).toBe(0);
    // Row versions too: an unchanged row is not even rewritten.
    expect(await dumpFacts(database.db, { withRowVersions: true })).toEqual(facts);
    expect(await dumpDerived(database.db)).toEqual(derived);
  });

  it('gives the same tables whether a folder is imported at once or in parts', async () => {
    const files = syntheticFolder({ partners: 5, clients: 30, changesPerClient: 10 });
    ok(await run(files));
    const whole = { facts: await dumpFacts(database.db), derived: await dumpDerived(database.db) };

    await emptyFacts(database.db);
    const { 'partners.csv': p, 'clients.csv': c, 'deals.csv': d, ...rest } = files;
    ok(await run({ 'partners.csv': p, 'clients.csv': c, 'deals.csv': d }));
    ok(await run(rest));
    expect(await dumpFacts(database.db)).toEqual(whole.facts);
    expect(await dumpDerived(database.db)).toEqual(whole.derived);

    await emptyFacts(database.db);
    const early = filterRows(files['mrr_changes.csv'], (v) => v[3]! < '2025-01-01');
    const late = filterRows(files['mrr_changes.csv'], (v) => v[3]! >= '2025-01-01');
    ok(await run({ ...files, 'mrr_changes.csv': early }));
    const second = ok(await run({ 'mrr_changes.csv': late }));
    expect(second.files['mrr_changes.csv']!.inserted).toBeGreaterThan(0);
    expect(await dumpFacts(database.db)).toEqual(whole.facts);
    expect(await dumpDerived(database.db)).toEqual(whole.derived);
  });

  it('updates changed rows and recomputes the partners they concern, including one a deal moved away from', async () => {
    ok(await run(VALID_FOLDER));
    const mrr = VALID_FOLDER['mrr_changes.csv']!.replace(
      'M3,C1,Marketing Hub,2025-06-01,1200.5',
      'M3,C1,Marketing Hub,2025-06-01,1300',
    );
    const changed = ok(await run({ 'mrr_changes.csv': mrr }));
    expect(changed.files['mrr_changes.csv']).toEqual({
      rows: 3,
      inserted: 0,
      updated: 1,
      unchanged: 2,
      rejected: 0,
    });
    expect(changed.partnersRecomputed).toBe(1); // P1 sold to C1; P2 has nothing to do with it

    // D2 moves from P2 to P1: both partners' derived state is stale.
    const deals = VALID_FOLDER['deals.csv']!.replace('D2,P2,C2', 'D2,P1,C2');
    const moved = ok(await run({ 'deals.csv': deals }));
    expect(moved.files['deals.csv']).toMatchObject({ updated: 1, unchanged: 1 });
    expect(moved.partnersRecomputed).toBe(2);
  });

  it('refuses a client currency change that would leave its stored MRR changes in the old currency', async () => {
    ok(await run(VALID_FOLDER));
    const clients = VALID_FOLDER['clients.csv']!.replace('C1,Acme,US,USD', 'C1,Acme,US,EUR');
    expect(await run({ 'clients.csv': clients })).toEqual({
      ok: false,
      problems: [
        "clients.csv:2: currency: client C1 is now in EUR, but its MRR change M1 is in USD; import the client's MRR changes in EUR too",
      ],
    });
    const mrr = VALID_FOLDER['mrr_changes.csv']!.replaceAll(',USD,', ',EUR,');
    const moved = ok(await run({ 'clients.csv': clients, 'mrr_changes.csv': mrr }));
    expect(moved.files['clients.csv']).toMatchObject({ updated: 1 });
    expect(moved.files['mrr_changes.csv']).toMatchObject({ updated: 2 });
  });

  it('streams a file larger than one read, checking keys and references across batches', async () => {
    const files = syntheticFolder({ partners: 4, clients: 200, changesPerClient: 60 });
    expect(files['mrr_changes.csv'].length).toBeGreaterThan(2 * 256 * 1024);
    const first = ok(await run(files, { onProgress: () => {} }));
    expect(first.files['mrr_changes.csv']).toMatchObject({ rows: 12_000, inserted: 12_000 });

    await emptyFacts(database.db);
    const progress: number[] = [];
    const duplicate = `${files['mrr_changes.csv']}M0-0,C1,Sales Hub,2025-01-01,5,USD,,\n`;
    const result = await run(
      { ...files, 'mrr_changes.csv': duplicate },
      { onProgress: (p) => progress.push(p.bytes) },
    );
    expect(result).toEqual({
      ok: false,
      problems: ['mrr_changes.csv:12002: change_id: duplicate key M0-0, first seen on line 2'],
    });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});
