// `tierwise import DIR [--skip-invalid] [--rejects FILE]` and
// `tierwise demo [--partners N --clients N --months N --seed S --end DATE] [--out DIR]`.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Program } from '../../domain/program.ts';
import { DEMO_SIZE, generateDataset } from '../../features/demo/generate.ts';
import { writeDatasetFolder } from '../../features/demo/write-folder.ts';
import { inlineImport, problemLines } from '../../features/import/jobs.ts';
import type { ImportResult } from '../../features/import/service.ts';
import { type CliContext, type GlobalOptions, UsageError, type Writer } from '../context.ts';
import { withDatabase } from '../database.ts';
import { countFlag, dateFlag, parseFlags } from '../flags.ts';

/** A failed import: the problems are the message, one per line. */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
}

const MB = 2 ** 20;

async function runImport(
  db: Db,
  ctx: CliContext,
  options: { dir: string; program: Program; skipInvalid: boolean; rejectsFile?: string; quiet: boolean },
): Promise<Extract<ImportResult, { ok: true }>> {
  // An import's live data is small (~90 MB at 1,000,000 MRR changes), but V8's default heap
  // growth let garbage reach 4x that between full collections: a 630 MB peak. Growing the
  // heap by at most 2.5x kept the peak near 500 MB, in the same time (BENCHMARKS.md).
  setFlagsFromString('--heap-growing-percent=150');
  // A progress bar only for a person at a terminal; --json and pipes stay clean.
  const bar =
    !options.quiet && process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            format: 'importing {file} |{bar}| {percentage}% · {rowsPerSecond} rows/s · ETA {eta_formatted}',
            stream: process.stderr,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
  try {
    // Recorded as a job, so the console's import history and overview show it.
    const outcome = await inlineImport(db, {
      dir: options.dir,
      program: options.program,
      asOf: ctx.today(),
      now: () => new Date(),
      skipInvalid: options.skipInvalid,
      ...(options.rejectsFile ? { rejectsFile: options.rejectsFile } : {}),
      onProgress: (p) => {
        if (!bar || p.stage !== 'reading' || p.totalBytes === undefined) return;
        const payload = { file: p.file, rowsPerSecond: p.rowsPerSecond };
        if (!bar.isActive) bar.start(Math.max(1, Math.round(p.totalBytes / MB)), 0, payload);
        bar.update(Math.round((p.bytes ?? 0) / MB), payload);
      },
    });
    if (outcome.status !== 'succeeded')
      throw new ImportRefused(`import refused, nothing was written:\n${problemLines(outcome).join('\n')}`);
    const { counts, partnersRecomputed, rejected } = outcome.result;
    return {
      ok: true,
      files: counts,
      partnersRecomputed,
      rejectsFile: rejected > 0 && options.rejectsFile ? options.rejectsFile : null,
    };
  } finally {
    bar?.stop();
  }
}

function summary(io: Writer, result: Extract<ImportResult, { ok: true }>, seconds: number): void {
  let rows = 0;
  for (const [file, c] of Object.entries(result.files)) {
    rows += c.rows;
    io.out(
      `  ${file.padEnd(20)} ${String(c.rows).padStart(9)} rows: ${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged${c.rejected ? `, ${c.rejected} rejected` : ''}\n`,
    );
  }
  io.out(
    `Imported ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s); recomputed ${result.partnersRecomputed} partners.\n`,
  );
  if (result.rejectsFile) io.out(`Rejected rows and their reasons: ${result.rejectsFile}\n`);
}

export function registerImport(root: Command, ctx: CliContext): void {
  root
    .command('import <DIR>')
    .description('import a folder of CSV files (all or nothing; derived state follows)')
    .option(
      '--skip-invalid',
      'import the valid rows; write the rejected ones with their reasons to a rejects file',
    )
    .option('--rejects <FILE>', 'where --skip-invalid writes rejected rows (default DIR/rejects.csv)')
    .action(async (dir: string, _opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & { skipInvalid?: boolean; rejects?: string }>();
      if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new UsageError([`DIR: ${dir} is not a folder`]);
      if (globals.rejects && !globals.skipInvalid)
        throw new UsageError(['--rejects: only applies with --skip-invalid']);
      const program = await ctx.resolveProgram(globals);
      await withDatabase(globals, async (database) => {
        const started = performance.now();
        const result = await runImport(database.db, ctx, {
          dir,
          program,
          skipInvalid: Boolean(globals.skipInvalid),
          rejectsFile: globals.skipInvalid ? resolve(globals.rejects ?? join(dir, 'rejects.csv')) : undefined,
          quiet: Boolean(globals.json),
        });
        const seconds = (performance.now() - started) / 1000;
        if (globals.json) ctx.io.out(`${JSON.stringify({ ...result, seconds })}\n`);
        else summary(ctx.io, result, seconds);
      });
    });

  const demoFlags = z.object({
    partners: countFlag.optional(),
    clients: countFlag.optional(),
    months: countFlag.optional(),
    seed: z.string().min(1).optional(),
    end: dateFlag.optional(),
  });
  root
    .command('demo')
    .description('generate realistic demo data (deterministic for a seed and end date) and import it')
    .option('--partners <N>', `partners (default ${DEMO_SIZE.partners})`)
    .option('--clients <N>', `clients (default ${DEMO_SIZE.clients})`)
    .option('--months <N>', `months of history (default ${DEMO_SIZE.months})`)
    .option('--seed <S>', 'seed (default tierwise-demo)')
    .option('--end <DATE>', 'the last day of the history (default today)')
    .option('--out <DIR>', 'write the import files to DIR instead of importing them')
    .action(async (_opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & Record<string, string | undefined>>();
      const flags = parseFlags(demoFlags, {
        partners: globals.partners,
        clients: globals.clients,
        months: globals.months,
        seed: globals.seed,
        end: globals.end,
      });
      const dataset = generateDataset({
        partners: flags.partners ?? DEMO_SIZE.partners,
        clients: flags.clients ?? DEMO_SIZE.clients,
        months: flags.months ?? DEMO_SIZE.months,
        seed: flags.seed ?? 'tierwise-demo',
        endDate: flags.end ?? ctx.today(),
      });
      const out = typeof globals.out === 'string' ? resolve(globals.out) : undefined;
      const dir = out ?? mkdtempSync(join(tmpdir(), 'tierwise-demo-'));
      try {
        const counts = await writeDatasetFolder(dataset, dir);
        if (out) {
          if (globals.json) ctx.io.out(`${JSON.stringify({ out, files: counts })}\n`);
          else
            ctx.io.out(
              `Wrote the demo import files to ${out}:\n${Object.entries(counts)
                .map(([f, n]) => `  ${f.padEnd(20)} ${n} rows`)
                .join('\n')}\n`,
            );
          return;
        }
        const program = await ctx.resolveProgram(globals);
        await withDatabase(globals, async (database) => {
          const started = performance.now();
          const result = await runImport(database.db, ctx, {
            dir,
            program,
            skipInvalid: false,
            quiet: Boolean(globals.json),
          });
          const seconds = (performance.now() - started) / 1000;
          if (globals.json) ctx.io.out(`${JSON.stringify({ ...result, seconds })}\n`);
          else summary(ctx.io, result, seconds);
        });
      } finally {
        if (!out) rmSync(dir, { recursive: true, force: true });
      }
    });
}
