// `tierwise program load FILE`, `program what-if FILE [--on DATE]`, `program versions`,
// `program diff A B`: the program's versions, and what a file would change before it is loaded.
import type { Command } from 'commander';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../../features/audit/service.ts';
import { recomputeAll } from '../../features/points/service.ts';
import { getProgram, loadProgramFile, readProgramFile } from '../../features/program/service.ts';
import { diffVersions, listVersions } from '../../features/program/versions.ts';
import { whatIf } from '../../features/program/what-if.ts';
import { type CliContext, type GlobalOptions, UsageError } from '../context.ts';
import { withDatabase } from '../database.ts';
import { dateFlag, parseFlags } from '../flags.ts';

const points = (n: number) => n.toFixed(2);
const json = (value: unknown) => JSON.stringify(value);

export function registerProgram(root: Command, ctx: CliContext): void {
  const program = root.command('program').description('the program rules: versions, what-if, load');

  program
    .command('load <FILE>')
    .description('load or replace the program (validated, versioned); derived state is rebuilt')
    .action(async (file: string, _opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withDatabase(globals, async (database) => {
        // The version and every partner rebuilt from it commit together, as a publish does:
        // no reader sees the new version with the old figures.
        const { version, program, partners } = await database.db.transaction(async (tx) => {
          const loaded = await loadProgramFile(tx, file, { actor: SYSTEM_ACTOR, at: new Date() });
          const rebuilt = await recomputeAll(tx, { program: loaded.program, asOf: ctx.today() });
          return { ...loaded, partners: rebuilt.partners };
        });
        if (globals.json) ctx.io.out(`${json({ version, name: program.name, partnersRebuilt: partners })}\n`);
        else ctx.io.out(`Loaded "${program.name}" as version ${version}; rebuilt ${partners} partners.\n`);
      });
    });

  program
    .command('what-if <FILE>')
    .description('every partner under FILE beside the program in force, on a date; writes nothing')
    .option('--on <DATE>', 'the date (default today)')
    .action(async (file: string, _opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & { on?: string }>();
      const { on: given } = parseFlags(z.object({ on: dateFlag.optional() }), { on: globals.on });
      const on = given ?? ctx.today();
      const draft = (await readProgramFile(file)).program;
      const result = await withDatabase(globals, async (database) =>
        whatIf(database.db, { published: await getProgram(database.db), draft, on }),
      );
      if (globals.json) {
        ctx.io.out(`${json({ on: result.on, partners: result.partners, tiers: result.tiers })}\n`);
        return;
      }
      const moved = result.partners.filter((p) => json(p.before) !== json(p.after));
      ctx.io.out(`On ${on}, ${moved.length} of ${result.partners.length} partners change under ${file}.\n`);
      for (const p of moved) {
        const tier = (s: typeof p.before) => `${s.performance ?? 'none'}/${s.credited ?? 'none'}`;
        ctx.io.out(
          `  ${p.partnerId.padEnd(10)} total ${points(p.before.total).padStart(10)} → ${points(p.after.total).padStart(10)}  performance/credited ${tier(p.before)} → ${tier(p.after)}\n`,
        );
      }
      const keys = [...new Set([...Object.keys(result.tiers.before), ...Object.keys(result.tiers.after)])];
      ctx.io.out('Credited tiers (before → after):\n');
      for (const k of keys)
        ctx.io.out(
          `  ${k.padEnd(10)} ${String(result.tiers.before[k] ?? 0).padStart(6)} → ${result.tiers.after[k] ?? 0}\n`,
        );
    });

  program
    .command('versions')
    .description('every published version, newest (in force) first')
    .action(async (_opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const versions = await withDatabase(globals, (d) => listVersions(d.db));
      if (globals.json) {
        ctx.io.out(`${json(versions)}\n`);
        return;
      }
      for (const v of versions)
        ctx.io.out(
          `${String(v.version).padStart(4)}${v.current ? '*' : ' '} ${v.publishedAt.slice(0, 16).replace('T', ' ')}  ${(v.publishedBy.email ?? 'command line').padEnd(28)} ${v.name}${v.note ? `: ${v.note}` : ''}\n`,
        );
    });

  program
    .command('diff <A> <B>')
    .description('what changed from version A to version B, field by field')
    .action(async (a: string, b: string, _opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const version = z.coerce.number().int().min(0);
      const from = version.safeParse(a);
      const to = version.safeParse(b);
      const bad = [
        ...(from.success ? [] : [`A: "${a}" is not a version number`]),
        ...(to.success ? [] : [`B: "${b}" is not a version number`]),
      ];
      if (bad.length > 0) throw new UsageError(bad);
      const result = await withDatabase(globals, (d) => diffVersions(d.db, from.data!, to.data!));
      if (globals.json) {
        ctx.io.out(`${json(result)}\n`);
        return;
      }
      if (result.changes.length === 0) ctx.io.out(`Versions ${a} and ${b} are the same.\n`);
      for (const c of result.changes)
        ctx.io.out(`  ${c.change.padEnd(8)} ${c.path}: ${json(c.before) ?? '—'} → ${json(c.after) ?? '—'}\n`);
    });
}
