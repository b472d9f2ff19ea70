// The single place the CLI gets its program from: the latest version loaded into the
// database, or the example program when there is no database yet.
import { exampleProgram } from '../domain/default-program.ts';
import type { Program } from '../domain/program.ts';
import type { GlobalOptions } from './context.ts';
import { hasDatabase, programFromDatabase } from './database.ts';

export async function resolveProgram(globals: GlobalOptions): Promise<Program> {
  return hasDatabase(globals) ? programFromDatabase(globals) : exampleProgram;
}
