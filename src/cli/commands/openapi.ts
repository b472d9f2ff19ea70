// `tierwise openapi [--out FILE]`: the HTTP API's OpenAPI 3.1 document, as the server serves
// it at /api/openapi.json, without a database or a running server (client generators, lint).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { manualClock } from '../../core/clock.ts';
import { loadConfig } from '../../core/config.ts';
import { openDatabase } from '../../db/client.ts';
import { buildApp } from '../../server/app.ts';
import type { CliContext } from '../context.ts';

/** The document the server serves (routes are registered; the database is never queried). */
export async function openApiDocument(): Promise<unknown> {
  const database = await openDatabase({});
  try {
    const app = await buildApp({
      db: database.db,
      config: loadConfig({}),
      clock: manualClock(),
      logger: false,
      webDir: false,
    });
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return doc;
  } finally {
    await database.close();
  }
}

export function registerOpenApi(root: Command, ctx: CliContext): void {
  root
    .command('openapi')
    .description("print the HTTP API's OpenAPI document (or write it to --out)")
    .option('--out <FILE>', 'write it to this file')
    .action(async (opts: { out?: string }) => {
      const text = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
      if (opts.out) {
        writeFileSync(opts.out, text);
        ctx.io.err(`Wrote ${opts.out}\n`);
      } else ctx.io.out(text);
    });
}
