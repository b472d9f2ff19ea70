// Taking and restoring backups of either database. PostgreSQL through pg_dump / pg_restore
// (a consistent snapshot of a running database); the embedded database through its own dump.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, rows } from '../../db/client.ts';
import { BACKUP_FORMAT, type BackupManifest, readArchive, tierwiseVersion, writeArchive } from './archive.ts';
import { filterTarGz, isTierwiseFile } from './tar.ts';

export async function schemaVersionOf(database: Database): Promise<number> {
  const [row] = await rows<{ n: number | string }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(row?.n ?? 0);
}

async function programVersionOf(database: Database): Promise<number> {
  const [row] = await rows<{ v: number | string | null }>(
    database.db,
    sql`select max(version) as v from program_versions`,
  );
  return Number(row?.v ?? 0);
}

/** True when the database holds anything a user put there (partners, users, facts, a program). */
export async function holdsData(database: Database): Promise<boolean> {
  const [row] = await rows<{ any: boolean }>(
    database.db,
    sql`select exists(select 1 from partners) or exists(select 1 from users)
          or exists(select 1 from clients) or exists(select 1 from program_versions) as any`,
  );
  return Boolean(row?.any);
}

function run(tool: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'ENOENT'
          ? new Error(
              `${tool} was not found on PATH: backups of a PostgreSQL database need the PostgreSQL client tools ` +
                '(pg_dump and pg_restore, the server’s major version or newer), e.g. apt install postgresql-client',
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`${tool} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`)),
    );
  });
}

/** A backup of the open database as the bytes of a backup file. */
export async function createBackup(
  database: Database,
  options: { url?: string | undefined; now?: Date } = {},
): Promise<{ bytes: Uint8Array; manifest: BackupManifest }> {
  const schemaVersion = await schemaVersionOf(database);
  const programVersion = await programVersionOf(database);
  let payload: Uint8Array;
  let name: string;
  if (database.kind === 'postgres') {
    if (!options.url) throw new Error('createBackup: the PostgreSQL connection string is needed');
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-backup-'));
    try {
      const file = join(dir, 'postgres.dump');
      await run('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        '--file',
        file,
        '--dbname',
        options.url,
      ]);
      payload = readFileSync(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    name = 'postgres.dump';
  } else {
    if (!database.dumpDataDir) throw new Error('createBackup: this database cannot dump itself');
    const dump = new Uint8Array(await (await database.dumpDataDir()).arrayBuffer());
    payload = filterTarGz(dump, isTierwiseFile);
    name = 'pglite-data.tar.gz';
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    tierwiseVersion: tierwiseVersion(),
    schemaVersion,
    programVersion,
    database: database.kind,
    createdAt: (options.now ?? new Date()).toISOString(),
    payload: name,
  };
  return { bytes: writeArchive(manifest, payload), manifest };
}

export interface RestoreTarget {
  url?: string | undefined;
  dataDir: string;
}

/**
 * Restores a backup file into the target database (checked first: nothing changes when the
 * file is not a backup this build can read, or the target holds data and force is not set),
 * then runs the migrations so an older backup reaches this build's schema.
 */
export async function restoreBackup(
  bytes: Uint8Array,
  fileName: string,
  target: RestoreTarget,
  options: { force: boolean },
): Promise<BackupManifest> {
  const { manifest, payload } = readArchive(bytes, fileName);
  const kind = target.url ? 'postgres' : 'pglite';
  if (manifest.database !== kind)
    throw new Error(
      `${fileName} is a backup of ${manifest.database === 'pglite' ? 'the embedded database' : 'a PostgreSQL database'}; ` +
        `it restores only into the same kind (here: ${kind === 'pglite' ? 'the embedded database' : 'DATABASE_URL'})`,
    );
  const refuse = () =>
    new Error('the database is not empty: restoring replaces everything in it; add --force to do that');
  if (target.url) {
    const database = await openDatabase({ url: target.url, poolSize: 2 });
    try {
      await database.migrate();
      if (!options.force && (await holdsData(database))) throw refuse();
    } finally {
      await database.close();
    }
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-restore-'));
    try {
      const file = join(dir, 'postgres.dump');
      writeFileSync(file, payload);
      await run('pg_restore', [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        '--dbname',
        target.url,
        file,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const restored = await openDatabase({ url: target.url, poolSize: 2 });
    try {
      await restored.migrate();
    } finally {
      await restored.close();
    }
    return manifest;
  }
  const dataDir = resolve(target.dataDir);
  const hasFiles = existsSync(dataDir) && readdirSync(dataDir).some((f) => !isTierwiseFile(f));
  if (hasFiles && existsSync(join(dataDir, 'PG_VERSION'))) {
    const current = await openDatabase({ dataDir });
    try {
      if (!options.force && (await holdsData(current))) throw refuse();
    } finally {
      await current.close();
    }
  } else if (hasFiles && !options.force) {
    throw new Error(`${dataDir} holds files that are not a Tierwise database; add --force to replace them`);
  }
  // Into a new folder beside it, migrated; then swapped in (the old one kept until that worked).
  const staging = `${dataDir}.restoring-${Date.now().toString(36)}`;
  try {
    const restored = await openDatabase({
      dataDir: staging,
      loadDataDir: new Blob([new Uint8Array(payload)]),
    });
    try {
      await restored.migrate();
    } finally {
      await restored.close();
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `${fileName} could not be restored: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (existsSync(dataDir)) {
    // Tierwise's own files (earlier backups) stay with the folder.
    for (const entry of readdirSync(dataDir).filter(isTierwiseFile))
      if (entry === 'backups') renameSync(join(dataDir, entry), join(staging, entry));
    const old = `${dataDir}.before-restore-${Date.now().toString(36)}`;
    renameSync(dataDir, old);
    renameSync(staging, dataDir);
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(staging, dataDir);
  }
  return manifest;
}
