// `tierwise start`: migrate the database and serve the API and the web app (built on first
// start when missing) until Ctrl-C or SIGTERM, then close the server and the database cleanly.
import type { Command } from 'commander';
import { z } from 'zod';
import { systemClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { registerInternalBackup, writeServerFile } from '../../features/backups/server-file.ts';
import { backupsDir, DEFAULT_BACKUPS_KEEP, dailyBackup } from '../../features/backups/store.ts';
import { expireRegistrations } from '../../features/deal-registrations/lifecycle.ts';
import { demoLogins, formatDemoLogins, loadDemoIfEmpty } from '../../features/demo/seed.ts';
import { IMPORT_JOB, importJobHandler } from '../../features/import/jobs.ts';
import { startJobWorker } from '../../features/jobs/worker.ts';
import { refreshAllStale } from '../../features/points/refresh.ts';
import { PROGRAM_JOB_HANDLERS } from '../../features/program/jobs.ts';
import { startWebhookWorker } from '../../features/webhooks/worker.ts';
import { buildApp, DOCS_PATH } from '../../server/app.ts';
import { runEvery } from '../../server/background.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { withDatabase } from '../database.ts';
import { parseFlags } from '../flags.ts';
import { ensureWebApp } from '../web-app.ts';

const startFlags = z.object({
  port: z.coerce
    .number({ error: (iss) => `expected a port number, got ${String(iss.input)}` })
    .int()
    .min(0)
    .max(65535)
    .optional(),
  host: z.string().trim().min(1).optional(),
});

/** Resolves on the first SIGINT or SIGTERM. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerStart(root: Command, ctx: CliContext): void {
  root
    .command('start')
    .description('migrate the database and serve the API until stopped (Ctrl-C)')
    .option('--port <N>', 'port to listen on (default PORT or 3000; 0 picks a free port)')
    .option('--host <HOST>', 'address to listen on', '0.0.0.0')
    .option('--demo', 'load demo data when the database is empty')
    .option('--api-only', 'serve the API without the web app (no build on first start)')
    .action(async (_opts, command: Command) => {
      const globals = command.optsWithGlobals<
        GlobalOptions & { port?: string; host: string; demo?: boolean; apiOnly?: boolean }
      >();
      const flags = parseFlags(startFlags, { port: globals.port, host: globals.host });
      const config = loadConfig(process.env, globals.data ? { dataDir: globals.data } : {});
      await withDatabase(globals, async (database) => {
        const deps = { db: database.db, config, clock: systemClock };
        if (globals.demo && (await loadDemoIfEmpty(deps)))
          ctx.io.out('Loaded the demo data (first start).\n');
        const web = globals.apiOnly ? 'api-only' : ensureWebApp(ctx.io);
        const app = await buildApp({ ...deps, ...(web === 'built' ? {} : { webDir: false }) });
        let secret = '';
        if (database.kind === 'pglite') registerInternalBackup(app, database, () => secret);
        const stopped = stopSignal();
        const address = await app.listen({ port: flags.port ?? config.port, host: flags.host ?? '0.0.0.0' });
        // Webhook deliveries and the renewal.due check, in the background; every instance
        // may run one (they share the queue through the database).
        const worker = startWebhookWorker(deps, {
          retryDelaysMs: config.webhookRetryDelaysMs,
          onError: (error) => app.log.error({ err: error }, 'webhook worker'),
        });
        // Uploaded imports, what-ifs and publishes of the program, one of a kind at a time.
        const jobs = startJobWorker(deps, {
          handlers: { [IMPORT_JOB]: importJobHandler, ...PROGRAM_JOB_HANDLERS },
          onError: (error, job) => app.log.error({ err: error, jobId: job?.id }, 'job worker'),
        });
        // Points expire and projections move with the calendar: partners whose derived
        // state is older than today are recomputed in the background (once a minute it looks).
        const refresh = runEvery(
          60_000,
          () => refreshAllStale(deps),
          (error) => app.log.error({ err: error }, 'daily refresh'),
        );
        // Deal registrations whose protection ended become expired (reads sweep them too).
        const expiry = runEvery(
          60_000,
          () => expireRegistrations(deps),
          (error) => app.log.error({ err: error }, 'deal registration expiry'),
        );
        // The embedded database's daily backup into <data>/backups (checked hourly).
        const keep = config.backupsKeep ?? DEFAULT_BACKUPS_KEEP;
        const backups =
          database.kind === 'pglite' && keep > 0
            ? runEvery(
                3_600_000,
                () => dailyBackup(database, backupsDir(config.dataDir), keep, new Date()),
                (error) => app.log.error({ err: error }, 'daily backup'),
              )
            : null;
        const bound = new URL(address);
        const serverFile =
          database.kind === 'pglite'
            ? writeServerFile(config.dataDir, `http://127.0.0.1:${bound.port}`)
            : null;
        secret = serverFile?.secret ?? '';
        const host = flags.host ?? '0.0.0.0';
        const url = host === '0.0.0.0' || host === '::' ? `http://localhost:${bound.port}` : address;
        ctx.io.out(
          globals.json
            ? `${JSON.stringify({ url, database: database.where })}\n`
            : `Tierwise is serving ${url} (API docs: ${url}${DOCS_PATH}; database: ${database.kind} ${database.where}).\n` +
                (globals.demo ? formatDemoLogins(await demoLogins(deps)) : '') +
                'Press Ctrl-C to stop.\n',
        );
        const signal = await stopped;
        app.log.info({ signal }, 'stopping');
        await refresh.stop();
        await expiry.stop();
        await backups?.stop();
        await worker.stop();
        await jobs.stop();
        await app.close();
        serverFile?.remove();
      });
    });
}
