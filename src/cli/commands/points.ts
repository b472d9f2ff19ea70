// `tierwise points`, `tierwise changes`, `tierwise partners`: answers from the database.
import type { Command } from 'commander';
import { z } from 'zod';
import { getPartnerChanges, getPartnerPoints, listPartners } from '../../features/points/service.ts';
import { type CliContext, type GlobalOptions, UsageError } from '../context.ts';
import { withDatabase } from '../database.ts';
import { dateFlag, parseFlags } from '../flags.ts';

const text = (value: unknown) => (typeof value === 'number' ? value.toFixed(2) : String(value ?? '—'));

export function registerPoints(root: Command, ctx: CliContext): void {
  root
    .command('points <PARTNER_ID>')
    .description('points and tiers of a partner on a date')
    .option('--on <DATE>', 'the date (default today)')
    .action(async (partnerId: string, _opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & { on?: string }>();
      const { on } = parseFlags(z.object({ on: dateFlag.optional() }), { on: globals.on });
      const program = await ctx.resolveProgram(globals);
      const result = await withDatabase(globals, (d) =>
        getPartnerPoints(d.db, program, partnerId, on ?? ctx.today()),
      );
      if (globals.json) ctx.io.out(`${JSON.stringify(result)}\n`);
      else {
        ctx.io.out(
          `${result.partnerId} on ${result.on}\n` +
            `  sourced ${text(result.sourced)}  assisted ${text(result.assisted)}  sold ${text(result.sold)}\n` +
            `  managed ${text(result.managed)}  total ${text(result.total)}\n` +
            `  tier performance ${result.performance ?? 'none'}  credited ${result.credited ?? 'none'}\n`,
        );
      }
    });

  root
    .command('changes <PARTNER_ID>')
    .description('point changes of a partner over a date range')
    .requiredOption('--from <DATE>', 'first day')
    .requiredOption('--to <DATE>', 'last day')
    .action(async (partnerId: string, _opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions & { from: string; to: string }>();
      const { from, to } = parseFlags(z.object({ from: dateFlag, to: dateFlag }), {
        from: globals.from,
        to: globals.to,
      });
      if (from > to) throw new UsageError([`--from: ${from} is after --to ${to}`]);
      const program = await ctx.resolveProgram(globals);
      const result = await withDatabase(globals, (d) =>
        getPartnerChanges(d.db, program, partnerId, from, to),
      );
      if (globals.json) ctx.io.out(`${JSON.stringify(result)}\n`);
      else {
        const { partnerId: _p, from: _f, to: _t, ...figures } = result;
        ctx.io.out(
          `${partnerId} from ${from} to ${to}\n${Object.entries(figures)
            .map(([k, v]) => `  ${k.padEnd(14)} ${text(v)}`)
            .join('\n')}\n`,
        );
      }
    });

  root
    .command('partners')
    .description('every partner with its total points and tiers')
    .action(async (_opts, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const result = await withDatabase(globals, (d) => listPartners(d.db));
      if (globals.json) ctx.io.out(`${JSON.stringify(result)}\n`);
      else {
        for (const p of result) {
          ctx.io.out(
            `${p.partnerId.padEnd(10)} ${p.name.padEnd(32)} ${p.country}  ${text(p.total).padStart(10)}  ${(p.performance ?? '—').padEnd(9)} ${p.credited ?? '—'}\n`,
          );
        }
      }
    });
}
