// `tierwise migrate`, `tierwise rebuild` (`program load` is in ./program.ts).
import type { Command } from 'commander';
import { rebuildAll } from '../../features/points/service.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import { withDatabase } from '../database.ts';

export function registerData(root: Command, ctx: CliContext): void {
  root
    .command('migrate')
    .description('apply database migrations')
    .action(async (_opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      await withDatabase(globals, async (database) => {
        if (globals.json) ctx.io.out(`${JSON.stringify({ migrated: true, database: database.where })}\n`);
        else ctx.io.out(`Database migrated (${database.kind}: ${database.where}).\n`);
      });
    });

  root
    .command('rebuild')
    .description("recompute every partner's derived state from its facts")
    .action(async (_opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const program = await ctx.resolveProgram(globals);
      await withDatabase(globals, async (database) => {
        const started = performance.now();
        const { partners } = await rebuildAll(database.db, { program, asOf: ctx.today() });
        const seconds = (performance.now() - started) / 1000;
        if (globals.json) ctx.io.out(`${JSON.stringify({ partnersRebuilt: partners, seconds })}\n`);
        else ctx.io.out(`Rebuilt ${partners} partners in ${seconds.toFixed(1)} s.\n`);
      });
    });
}
