// The daily backups folder: one a day, the newest N kept, each a complete backup file.
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client.ts';
import { readArchive } from './archive.ts';
import { backupInto, dailyBackup, listBackups } from './store.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-backups-'));
let database: Database;
beforeAll(async () => {
  // Daily backups are the embedded database's: a PGlite one whatever the suite's kind.
  database = await openDatabase({});
  await database.migrate();
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('daily backups of the embedded database', () => {
  it('keeps the newest N and takes the next one only after a day', async () => {
    for (let day = 1; day <= 5; day += 1) {
      const taken = await backupInto(database, dir, 3, new Date(`2026-03-0${day}T02:00:00Z`));
      utimesSync(
        join(dir, taken.name),
        new Date(`2026-03-0${day}T02:00:00Z`),
        new Date(`2026-03-0${day}T02:00:00Z`),
      );
    }
    expect(listBackups(dir).map((b) => b.name)).toEqual([
      'tierwise-20260305T020000Z.zip',
      'tierwise-20260304T020000Z.zip',
      'tierwise-20260303T020000Z.zip',
    ]);
    const { manifest } = readArchive(readFileSync(join(dir, 'tierwise-20260305T020000Z.zip')), 'newest');
    expect(manifest.database).toBe('pglite');
    expect(await dailyBackup(database, dir, 3, new Date('2026-03-05T20:00:00Z'))).toBeNull();
    expect((await dailyBackup(database, dir, 3, new Date('2026-03-06T03:00:00Z')))?.name).toBe(
      'tierwise-20260306T030000Z.zip',
    );
    expect(listBackups(dir)).toHaveLength(3);
  });
});
