// What every command module receives: where to write, what today is, where the program
// comes from. main() builds it; tests inject a capturing writer and a fixed date.
import { fromParts, type IsoDate } from '../domain/dates.ts';
import type { Program } from '../domain/program.ts';

export interface Writer {
  out(text: string): void;
  err(text: string): void;
}

export const processWriter: Writer = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
};

/** The options of the root command, as every subcommand sees them. */
export interface GlobalOptions {
  data?: string;
  json?: boolean;
}

export interface CliContext {
  io: Writer;
  /** Today's date; the CLI reads the clock here and passes the date into the engine. */
  today: () => IsoDate;
  resolveProgram: (globals: GlobalOptions) => Promise<Program>;
}

/** Today's date on this machine's calendar. */
export function localToday(): IsoDate {
  const now = new Date();
  return fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A bad invocation (flags, values, combinations): exit code 2. Each line names a flag and its value. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
