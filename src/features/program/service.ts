// The program in force: the latest loaded version, or the example program before any load.
import { readFile } from 'node:fs/promises';
import { desc } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { programVersions } from '../../db/schema.ts';
import { exampleProgramFile } from '../../domain/default-program.ts';
import { formatProblem, loadProgram, type Program, parseProgramText } from '../../domain/program.ts';
import { type Actor, recordAudit } from '../audit/service.ts';

export class ProgramFileError extends Error {
  override name = 'ProgramFileError';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid program:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export async function getProgram(db: Queryable): Promise<Program> {
  const [latest] = await db.select().from(programVersions).orderBy(desc(programVersions.version)).limit(1);
  return loadProgram(latest ? latest.document : exampleProgramFile);
}

/** Reads and validates a program file (ProgramFileError lists every problem). */
export async function readProgramFile(file: string): Promise<{ program: Program; document: unknown }> {
  const text = await readFile(file, 'utf8');
  const result = parseProgramText(text);
  if (!result.ok) throw new ProgramFileError(file, result.problems.map(formatProblem));
  return { program: result.program, document: JSON.parse(text) };
}

/**
 * Validates a program file and stores it as a new version with its audit entry (call it in
 * a transaction); returns the version number.
 */
export async function loadProgramFile(
  db: Queryable,
  file: string,
  by: { actor: Actor; at: Date },
): Promise<{ version: number; program: Program }> {
  const { program, document } = await readProgramFile(file);
  const [row] = await db
    .insert(programVersions)
    .values({ name: program.name, document, loadedAt: by.at })
    .returning({ version: programVersions.version });
  const version = row!.version;
  await recordAudit(db, {
    ...by,
    action: 'program.load',
    entity: 'program',
    entityId: String(version),
    after: { version, name: program.name, file },
  });
  return { version, program };
}

/** The program in force as written (the latest loaded version; version 0: the example program). */
export async function currentProgramDocument(db: Queryable): Promise<{ version: number; document: unknown }> {
  const [latest] = await db
    .select({ version: programVersions.version, document: programVersions.document })
    .from(programVersions)
    .orderBy(desc(programVersions.version))
    .limit(1);
  return latest
    ? { version: latest.version, document: latest.document }
    : { version: 0, document: exampleProgramFile };
}
