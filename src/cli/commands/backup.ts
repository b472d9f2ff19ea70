// `tierwise backup --out FILE` and `tierwise restore FILE [--force] [--yes]`.
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { readArchive } from '../../features/backups/archive.ts';
import { backupThroughServer, runningServer } from '../../features/backups/server-file.ts';
import { createBackup, restoreBackup } from '../../features/backups/service.ts';
import { type CliContext, type GlobalOptions, UsageError } from '../context.ts';
import { withDatabase } from '../database.ts';

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}

export function registerBackup(root: Command, ctx: CliContext): void {
  root
    .command('backup')
    .description('write a backup of the database (a consistent snapshot) to a file')
    .option('--out <FILE>', 'the backup file to write (.zip)')
    .action(async (_opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & { out?: string }>();
      if (!globals.out) throw new UsageError(['--out is required (expected the backup file to write)']);
      const out = globals.out;
      const config = loadConfig(process.env, globals.data ? { dataDir: globals.data } : {});
      // The embedded database of a running server: the server takes the backup.
      const server = config.databaseUrl ? null : runningServer(config.dataDir);
      const { bytes, manifest } = server
        ? await backupThroughServer(server).then((b) => ({
            bytes: b,
            manifest: readArchive(b, 'the backup').manifest,
          }))
        : await withDatabase(globals, (database) => createBackup(database, { url: config.databaseUrl }));
      writeFileSync(out, bytes);
      ctx.io.out(
        globals.json
          ? `${JSON.stringify({ file: out, size: bytes.length, ...manifest })}\n`
          : `Wrote ${out} (${bytes.length} bytes; ${manifest.database}, schema version ${manifest.schemaVersion}, ` +
              `program version ${manifest.programVersion}, Tierwise ${manifest.tierwiseVersion}).\n`,
      );
    });

  root
    .command('restore')
    .description('restore a backup file into the database (refuses a non-empty one without --force)')
    .argument('<FILE>', 'a backup file written by tierwise backup')
    .option('--force', 'replace a database that holds data')
    .option('--yes', 'ask no question')
    .action(async (file: string, _opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & { force?: boolean; yes?: boolean }>();
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      }
      const config = loadConfig(process.env, globals.data ? { dataDir: globals.data } : {});
      const where = config.databaseUrl ? 'the PostgreSQL database (DATABASE_URL)' : config.dataDir;
      if (globals.force && !globals.yes && process.stdin.isTTY) {
        if (!(await confirm(`Replace everything in ${where} with ${file}?`))) {
          ctx.io.err('Nothing restored.\n');
          return;
        }
      }
      const manifest = await restoreBackup(
        bytes,
        file,
        { url: config.databaseUrl, dataDir: config.dataDir },
        { force: Boolean(globals.force) },
      );
      ctx.io.out(
        globals.json
          ? `${JSON.stringify({ restored: file, ...manifest })}\n`
          : `Restored ${file} (taken ${manifest.createdAt}, schema version ${manifest.schemaVersion}) into ${where}.\n`,
      );
    });
}
