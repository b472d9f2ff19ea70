// `tierwise export REPORT --format csv|xlsx --out FILE [--partner ID] [--from DATE --to DATE]
// [--on DATE] [--metric M] [--client ID] [--search TEXT] [--relationship R]`: a report's unsummarized rows into a file. The file is written
// beside FILE under a temporary name and renamed when complete: a failed export leaves no
// half-written file and an existing FILE untouched.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { rows } from '../../db/client.ts';
import { REPORTS } from '../../features/export/reports.ts';
import { checkExport, checkExportClient } from '../../features/export/service.ts';
import { exportStream } from '../../features/export/writer.ts';
import { type CliContext, type GlobalOptions, UsageError } from '../context.ts';
import { withDatabase } from '../database.ts';

interface ExportFlags {
  format?: string;
  out: string;
  partner?: string;
  from?: string;
  to?: string;
  on?: string;
  metric?: string;
  client?: string;
  search?: string;
  relationship?: string;
}

/** A checked field as the command line names it. */
const FLAG: Record<string, string> = { report: 'REPORT', q: '--search' };
const flagOf = (path: string) => FLAG[path] ?? `--${path}`;

async function* counted<T>(source: AsyncIterable<T>, counter: { rows: number }): AsyncIterable<T> {
  for await (const row of source) {
    counter.rows += 1;
    yield row;
  }
}

export function registerExport(root: Command, ctx: CliContext): void {
  root
    .command('export <REPORT>')
    .description(`unsummarized report data as CSV or XLSX (${Object.keys(REPORTS).join(', ')})`)
    .option('--format <FORMAT>', 'csv or xlsx', 'csv')
    .requiredOption('--out <FILE>', 'the file to write')
    .option('--partner <ID>', 'one partner (default: every partner)')
    .option('--from <DATE>', 'first day of a range report (default: 29 days before --to)')
    .option('--to <DATE>', 'last day of a range report (default: today)')
    .option('--on <DATE>', 'the day of a day report (default: today)')
    .option('--metric <M>', 'point-changes: new-sold, increased-sold, expired-sold, decreased-sold, ...')
    .option('--client <ID>', "sold-entries: one client's entries (a client of --partner)")
    .option('--search <TEXT>', "clients: part of the client's name or id")
    .option('--relationship <R>', 'clients: sold, managed or both')
    .action(async (report: string, _opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & ExportFlags>();
      let checked: ReturnType<typeof checkExport>;
      try {
        checked = checkExport(
          {
            report,
            format: globals.format,
            partnerId: globals.partner ?? null,
            from: globals.from,
            to: globals.to,
            on: globals.on,
            metric: globals.metric,
            client: globals.client,
            q: globals.search,
            relationship: globals.relationship,
          },
          ctx.today(),
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
        throw new UsageError(issues.map((i) => `${flagOf(i.path)}: ${i.message}`));
      }
      const out = resolve(globals.out);
      const partial = join(dirname(out), `.${basename(out)}.partial`);
      const counter = { rows: 0 };
      await withDatabase(globals, async (d) => {
        const { partnerId } = checked.params;
        if (partnerId !== null) {
          const found = await rows(d.db, sql`select 1 from partners where partner_id = ${partnerId}`);
          if (found.length === 0) throw new UsageError([`--partner: no partner ${partnerId}`]);
        }
        try {
          await checkExportClient(d.db, checked);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
          throw new UsageError(issues.map((i) => `${flagOf(i.path)}: ${i.message}`));
        }
        const definition = REPORTS[checked.report];
        const source = counted(definition.rows(d.db, checked.params), counter);
        try {
          await pipeline(
            exportStream(checked.format, definition.columns, source, checked.report),
            createWriteStream(partial),
          );
          renameSync(partial, out);
        } catch (error) {
          rmSync(partial, { force: true });
          throw error;
        }
      });
      const result = { report: checked.report, format: checked.format, file: out, rows: counter.rows };
      if (globals.json) ctx.io.out(`${JSON.stringify(result)}\n`);
      else ctx.io.out(`${counter.rows} rows of ${checked.report} written to ${out}\n`);
    });
}
