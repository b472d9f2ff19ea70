// A Tierwise backup file: a zip holding manifest.json (what made it, from which schema) and
// the database's own dump (PGlite: its data folder as a gzipped tar; PostgreSQL: pg_dump's
// custom format). Reading one checks it is a Tierwise backup this build can restore.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { MIGRATIONS_FOLDER } from '../../db/client.ts';

export const BACKUP_FORMAT = 'tierwise-backup';

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(1),
  tierwiseVersion: z.string(),
  /** Migrations applied to the database when it was backed up. */
  schemaVersion: z.number().int().min(0),
  /** The partner program's version in force (0: none loaded yet). */
  programVersion: z.number().int().min(0),
  database: z.enum(['pglite', 'postgres']),
  createdAt: z.string(),
  /** The dump's entry in the zip. */
  payload: z.string(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function tierwiseVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The schema version of this build: the number of migrations it ships. */
export function buildSchemaVersion(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export function writeArchive(manifest: BackupManifest, payload: Uint8Array): Uint8Array {
  return zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      // The dump is compressed already (gzip / pg_dump's own compression).
      [manifest.payload]: [payload, { level: 0 }],
    },
    { level: 6 },
  );
}

/** A backup's manifest and dump, or an Error naming what is wrong with the file. */
export function readArchive(
  bytes: Uint8Array,
  name: string,
): { manifest: BackupManifest; payload: Uint8Array } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw new Error(
      `${name} is not a Tierwise backup: not a readable zip file (damaged or another kind of file)`,
    );
  }
  const raw = entries['manifest.json'];
  if (!raw) throw new Error(`${name} is not a Tierwise backup: it has no manifest.json`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(raw));
  } catch {
    throw new Error(`${name} is not a Tierwise backup: its manifest.json is not JSON`);
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) {
    const issue = manifest.error.issues[0]!;
    throw new Error(
      `${name} is not a Tierwise backup: manifest.json ${issue.path.join('.') || 'document'}: ${issue.message}`,
    );
  }
  const payload = entries[manifest.data.payload];
  if (!payload || payload.length === 0)
    throw new Error(`${name} is damaged: the database dump ${manifest.data.payload} is missing or empty`);
  const build = buildSchemaVersion();
  if (manifest.data.schemaVersion > build)
    throw new Error(
      `${name} was made by a newer Tierwise (schema version ${manifest.data.schemaVersion}, Tierwise ${manifest.data.tierwiseVersion}); ` +
        `this build knows schema version ${build} (Tierwise ${tierwiseVersion()}): upgrade Tierwise first`,
    );
  return { manifest: manifest.data, payload };
}
