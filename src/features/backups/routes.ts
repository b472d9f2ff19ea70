// The operator console's backups: GET /api/v1/backups (the backups folder, newest first),
// POST /api/v1/backups (back up now, audited), GET /api/v1/backups/:name (download).
// Restoring stays a command-line task (the server must be stopped for it).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import { actorOf, OPERATOR, principalOf } from '../auth/access.ts';
import { readArchive } from './archive.ts';
import { backupInto, backupsDir, DEFAULT_BACKUPS_KEEP, listBackups } from './store.ts';

const tags = ['backups'];
const backupSchema = z.object({
  name: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  schemaVersion: z.number().int().nullable(),
  programVersion: z.number().int().nullable(),
  tierwiseVersion: z.string().nullable(),
});
const NAME = /^tierwise-\d{8}T\d{6}Z\.zip$/;

function describe(dir: string, entry: { name: string; size: number; createdAt: string }) {
  try {
    const { manifest } = readArchive(readFileSync(join(dir, entry.name)), entry.name);
    const { schemaVersion, programVersion, tierwiseVersion, createdAt } = manifest;
    return { ...entry, createdAt, schemaVersion, programVersion, tierwiseVersion };
  } catch {
    return { ...entry, schemaVersion: null, programVersion: null, tierwiseVersion: null };
  }
}

interface DriverClient {
  dumpDataDir?: (compression: 'gzip') => Promise<Blob>;
  options?: { connectionString?: string };
}

/** The open database behind the app's handle, as createBackup needs it (and its URL). */
function databaseOf(deps: AppDeps): { database: Database; url: string | undefined } {
  const client = (deps.db as unknown as { $client: DriverClient }).$client;
  const dump = client.dumpDataDir?.bind(client);
  const database: Database = {
    db: deps.db,
    kind: dump ? 'pglite' : 'postgres',
    where: '',
    migrate: async () => {},
    close: async () => {},
    ...(dump ? { dumpDataDir: () => dump('gzip') } : {}),
  };
  return { database, url: dump ? undefined : (client.options?.connectionString ?? deps.config.databaseUrl) };
}

function register(app: App, deps: AppDeps): void {
  const dir = backupsDir(deps.config.dataDir);
  app.get(
    '/api/v1/backups',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'The backups in the data folder, newest first',
        response: { 200: z.array(backupSchema) },
      },
    },
    async () => listBackups(dir).map((entry) => describe(dir, entry)),
  );

  app.post(
    '/api/v1/backups',
    {
      config: { access: OPERATOR },
      schema: { tags, summary: 'Take a backup now into the data folder', response: { 201: backupSchema } },
    },
    async (request, reply) => {
      const now = deps.clock.now();
      if (deps.config.dataDir === 'memory://')
        throw new AppError('conflict', 'This server has no data folder to keep backups in');
      const { database, url } = databaseOf(deps);
      const taken = await backupInto(
        database,
        dir,
        deps.config.backupsKeep || DEFAULT_BACKUPS_KEEP,
        now,
        url,
      );
      await recordAudit(deps.db, {
        actor: actorOf(principalOf(request)),
        at: now,
        action: 'backup.create',
        entity: 'backup',
        entityId: taken.name,
        after: { size: taken.size },
      });
      return reply.code(201).send(describe(dir, taken));
    },
  );

  app.get(
    '/api/v1/backups/:name',
    {
      config: { access: OPERATOR },
      schema: { tags, summary: 'Download a backup file', params: z.object({ name: z.string().max(64) }) },
    },
    async (request, reply) => {
      const { name } = request.params;
      if (!NAME.test(name) || !existsSync(join(dir, name)))
        throw new AppError('not_found', `No backup ${name}`);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(readFileSync(join(dir, name)));
    },
  );
}

export const backupRoutes: RouteModule = { name: 'backups', register };
