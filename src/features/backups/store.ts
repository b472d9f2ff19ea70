// The backups folder of the embedded database (<data>/backups): one file a day taken by a
// running server, the newest `keep` kept.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from '../../db/client.ts';
import { createBackup } from './service.ts';

export const DEFAULT_BACKUPS_KEEP = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = /^tierwise-\d{8}T\d{6}Z\.zip$/;

export function backupsDir(dataDir: string): string {
  return join(resolve(dataDir), 'backups');
}

export interface StoredBackup {
  name: string;
  size: number;
  createdAt: string;
}

/** The backups in the folder, newest first. */
export function listBackups(dir: string): StoredBackup[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => NAME.test(n));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const stat = statSync(join(dir, name));
      return { name, size: stat.size, createdAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** Writes a backup into the folder (complete or not at all) and keeps the newest `keep`. */
export async function backupInto(
  database: Database,
  dir: string,
  keep: number,
  now: Date,
  url?: string,
): Promise<StoredBackup> {
  mkdirSync(dir, { recursive: true });
  const { bytes } = await createBackup(database, { now, url });
  const name = `tierwise-${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}.zip`;
  const partial = join(dir, `.${name}.partial`);
  writeFileSync(partial, bytes);
  renameSync(partial, join(dir, name));
  for (const old of listBackups(dir).slice(keep)) rmSync(join(dir, old.name), { force: true });
  return { name, size: bytes.length, createdAt: now.toISOString() };
}

/** The daily backup: takes one when the newest is a day old or there is none. */
export async function dailyBackup(
  database: Database,
  dir: string,
  keep: number,
  now: Date,
): Promise<StoredBackup | null> {
  const [newest] = listBackups(dir);
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  return backupInto(database, dir, keep, now);
}
