// The program for the portal's queries: the latest loaded version, parsed once per version
// and database (parsing and validating the document costs more than a summary's query).
// The cache holds nothing another instance would need: a new version is seen on the next
// request, because the version number is read every time.
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { exampleProgramFile } from '../../domain/default-program.ts';
import { loadProgram, type Program, type RuleSet, ruleSetOn } from '../../domain/program.ts';

const cache = new WeakMap<object, { version: number; program: Program }>();

/** The latest program version number, or 0 before any program is loaded (the example program). */
export async function latestProgramVersion(db: Queryable): Promise<number> {
  const [row] = await rows<{ version: number | null }>(
    db,
    sql`select max(version) as version from program_versions`,
  );
  return row?.version ?? 0;
}

/** The program of a version (0: the example program), from the cache when it has it. */
export async function programOfVersion(db: Queryable, version: number): Promise<Program> {
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.program;
  let program: Program;
  if (version === 0) program = loadProgram(exampleProgramFile);
  else {
    const [row] = await rows<{ document: unknown }>(
      db,
      sql`select document from program_versions where version = ${version}`,
    );
    program = loadProgram(row ? row.document : exampleProgramFile);
  }
  cache.set(db, { version, program });
  return program;
}

export async function currentProgram(db: Queryable): Promise<Program> {
  return programOfVersion(db, await latestProgramVersion(db));
}

export interface TierRef {
  id: string;
  name: string;
}

/** A tier id with its name (from the rule set in force on `on`, else the latest that lists it). */
export function tierRef(program: Program, on: IsoDate, id: string | null | undefined): TierRef | null {
  if (!id) return null;
  const inForce = ruleSetOn(program, on).tiers.find((t) => t.id === id);
  if (inForce) return { id, name: inForce.name };
  for (let i = program.ruleSets.length - 1; i >= 0; i--) {
    const tier = program.ruleSets[i]!.tiers.find((t) => t.id === id);
    if (tier) return { id, name: tier.name };
  }
  return { id, name: id };
}

/** The tier above `credited` in a rule set (the lowest tier when none is credited), if any. */
export function nextTierOf(ruleSet: RuleSet, credited: string | null) {
  const rank = credited === null ? -1 : ruleSet.tiers.findIndex((t) => t.id === credited);
  return ruleSet.tiers[rank + 1] ?? null;
}
