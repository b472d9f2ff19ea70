// The `tierwise` command. This file only wires the command modules of ./commands/
// together and maps failures to exit codes; each module adds its subcommands with
// `register<Name>(root, ctx)`.
import { Command, CommanderError, Option } from 'commander';
import { EngineError } from '../domain/units.ts';
import { registerBackup } from './commands/backup.ts';
import { registerCalc } from './commands/calc.ts';
import { registerData } from './commands/data.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerOpenApi } from './commands/openapi.ts';
import { registerPoints } from './commands/points.ts';
import { registerProgram } from './commands/program.ts';
import { registerStart } from './commands/start.ts';
import { registerUsers } from './commands/users.ts';
import { type CliContext, localToday, processWriter, UsageError, type Writer } from './context.ts';
import { resolveProgram } from './resolve-program.ts';

/** Exit codes: 0 success, 1 a failure of the request itself, 2 a usage error. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const commandModules: ((root: Command, ctx: CliContext) => void)[] = [
  registerStart,
  registerData,
  registerProgram,
  registerImport,
  registerPoints,
  registerExport,
  registerCalc,
  registerUsers,
  registerOpenApi,
  registerBackup,
];

export interface MainOptions {
  io?: Writer;
  today?: CliContext['today'];
}

export function buildCli(ctx: CliContext): Command {
  const root = new Command('tierwise')
    .description('Tierwise: points, tiers, renewals and commission of a tiered partner program')
    .addOption(
      new Option('--data <DIR>', 'embedded database folder').env('TIERWISE_DATA').default('./.tierwise'),
    )
    .option('--json', 'print machine-readable JSON on stdout and nothing else')
    // Settings below are inherited by every subcommand created with .command().
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.io.out(s), writeErr: (s) => ctx.io.err(s) })
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage)');
  for (const register of commandModules) register(root, ctx);
  return root;
}

export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const ctx: CliContext = {
    io: options.io ?? processWriter,
    today: options.today ?? localToday,
    resolveProgram,
  };
  try {
    await buildCli(ctx).parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return reportError(error, ctx.io);
  }
}

function reportError(error: unknown, io: Writer): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help) through io.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
      ? EXIT_OK
      : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    io.err(`${error.lines.map((line) => `error: ${line}`).join('\n')}\n(add --help for usage)\n`);
    return EXIT_USAGE;
  }
  if (error instanceof EngineError) {
    io.err(`error: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  io.err(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return EXIT_FAILURE;
}
