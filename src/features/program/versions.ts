// The published versions of the program: the list with who and why, one version's document,
// and the difference between two versions field by field.

import { desc, eq } from 'drizzle-orm';
import diff from 'microdiff';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { programVersions, users } from '../../db/schema.ts';
import { exampleProgramFile } from '../../domain/default-program.ts';
import { formatProblem, type Problem, parseProgram, pathText } from '../../domain/program.ts';
import type { DiffEntry, ProgramProblem, VersionSummary } from './api-schemas.ts';

/** Version 0 is the example program, in force before any version is published. */
const EXAMPLE: Omit<VersionSummary, 'current'> = {
  version: 0,
  name: (exampleProgramFile as { name: string }).name,
  note: null,
  publishedAt: new Date(0).toISOString(),
  publishedBy: { userId: null, email: null },
  restoredFrom: null,
};

function select(db: Queryable) {
  return db
    .select({
      version: programVersions.version,
      name: programVersions.name,
      note: programVersions.note,
      loadedAt: programVersions.loadedAt,
      createdBy: programVersions.createdBy,
      email: users.email,
      restoredFrom: programVersions.restoredFrom,
      document: programVersions.document,
    })
    .from(programVersions)
    .leftJoin(users, eq(users.id, programVersions.createdBy));
}

type Row = Awaited<ReturnType<typeof select>>[number];

const summary = (r: Row, current: boolean): VersionSummary => ({
  version: r.version,
  name: r.name,
  note: r.note,
  publishedAt: r.loadedAt.toISOString(),
  publishedBy: { userId: r.createdBy, email: r.email },
  restoredFrom: r.restoredFrom,
  current,
});

/**
 * Every version, newest (the one in force) first, and last version 0: the example program,
 * in force before the first publish, which can still be compared with and restored.
 */
export async function listVersions(db: Queryable): Promise<VersionSummary[]> {
  const found = await select(db).orderBy(desc(programVersions.version));
  return [...found.map((r, i) => summary(r, i === 0)), { ...EXAMPLE, current: found.length === 0 }];
}

export async function getVersion(
  db: Queryable,
  version: number,
): Promise<VersionSummary & { document: unknown }> {
  const [latest] = await db
    .select({ version: programVersions.version })
    .from(programVersions)
    .orderBy(desc(programVersions.version))
    .limit(1);
  if (version === 0) return { ...EXAMPLE, current: latest === undefined, document: exampleProgramFile };
  const [row] = await select(db).where(eq(programVersions.version, version));
  if (!row)
    throw new AppError(
      'not_found',
      `There is no program version ${version}${latest ? `: the newest is ${latest.version}` : ' yet'}`,
    );
  return { ...summary(row, latest?.version === version), document: row.document };
}

/** What changed from one document to another, leaf by leaf, in document order. */
export function diffDocuments(before: unknown, after: unknown): DiffEntry[] {
  return diff(before as Record<string, unknown>, after as Record<string, unknown>).map((d) => ({
    path: pathText(d.path),
    change: d.type === 'CREATE' ? 'added' : d.type === 'REMOVE' ? 'removed' : 'changed',
    before: d.type === 'CREATE' ? null : d.oldValue,
    after: d.type === 'REMOVE' ? null : d.value,
  }));
}

export async function diffVersions(db: Queryable, from: number, to: number) {
  const [a, b] = [await getVersion(db, from), await getVersion(db, to)];
  return { from, to, changes: diffDocuments(a.document, b.document) };
}

/** The engine's problems as the API lists them: the path, and what was expected. */
export function problemsOf(problems: readonly Problem[]): ProgramProblem[] {
  return problems.map((p) => ({
    path: p.path,
    message: formatProblem(p).slice(`${p.path || '(file)'}: `.length),
  }));
}

/** A document's problems (empty when it is a valid program). */
export function validate(document: unknown): ProgramProblem[] {
  const result = parseProgram(document);
  return result.ok ? [] : problemsOf(result.problems);
}
