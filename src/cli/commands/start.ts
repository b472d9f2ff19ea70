// `tierwise start`: a placeholder until the server exists (it arrives with a later issue).
// Accepts the server's future flags so `npm start -- --demo` already parses.
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';

export function registerStart(root: Command, ctx: CliContext): void {
  root
    .command('start')
    .description('serve the web app and API (not yet available)')
    .option('--port <N>', 'port to listen on', '3000')
    .option('--demo', 'load demo data when the database is empty')
    .action(() => {
      const calc = root.commands.find((c) => c.name() === 'calc');
      ctx.io.out(
        'The Tierwise server (web app and API) arrives with a later issue.\n' +
          'Meanwhile the points calculator works from the command line:\n\n' +
          (calc ? calc.helpInformation() : ''),
      );
    });
}
