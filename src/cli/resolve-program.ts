// The single place the CLI gets its program from. For now the example program; later
// it is loaded from the database in `--data` (or DATABASE_URL).
import { exampleProgram } from '../domain/default-program.ts';
import type { Program } from '../domain/program.ts';
import type { GlobalOptions } from './context.ts';

export async function resolveProgram(_globals: GlobalOptions): Promise<Program> {
  return exampleProgram;
}
