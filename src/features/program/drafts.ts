// Drafts of the program: started from a version (or a pasted document), saved as they are,
// valid or not, shared by every operator, deleted when published or no longer wanted.
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { programDrafts, users } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import type { DraftView, ProgramProblem } from './api-schemas.ts';
import { currentProgramDocument } from './service.ts';
import { getVersion, validate } from './versions.ts';

const creator = alias(users, 'draft_creator');
const updater = alias(users, 'draft_updater');

function select(db: Queryable) {
  return db
    .select({
      draft: programDrafts,
      createdEmail: creator.email,
      updatedEmail: updater.email,
    })
    .from(programDrafts)
    .leftJoin(creator, eq(creator.id, programDrafts.createdBy))
    .leftJoin(updater, eq(updater.id, programDrafts.updatedBy));
}

type Row = Awaited<ReturnType<typeof select>>[number];

function view(r: Row): DraftView {
  const d = r.draft;
  const problems = validate(d.document);
  return {
    draftId: d.id,
    name: d.name,
    basedOn: d.basedOn,
    createdBy: { userId: d.createdBy, email: r.createdEmail },
    createdAt: d.createdAt.toISOString(),
    updatedBy: { userId: d.updatedBy, email: r.updatedEmail },
    updatedAt: d.updatedAt.toISOString(),
    valid: problems.length === 0,
    problemCount: problems.length,
    document: d.document,
    problems,
  };
}

const userOf = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

export async function listDrafts(db: Queryable) {
  const found = await select(db).orderBy(desc(programDrafts.updatedAt));
  return found.map((r) => {
    const { document: _d, problems: _p, ...rest } = view(r);
    return rest;
  });
}

export async function getDraft(db: Queryable, draftId: string): Promise<DraftView> {
  const [row] = await select(db).where(eq(programDrafts.id, draftId));
  if (!row)
    throw new AppError(
      'not_found',
      `There is no program draft ${draftId}: it may have been published or deleted`,
    );
  return view(row);
}

export async function createDraft(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { name: string; basedOn?: number; document?: unknown; actor: Actor },
): Promise<DraftView> {
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    let basedOn: number | null = null;
    let document = options.document;
    if (document === undefined) {
      if (options.basedOn === undefined) {
        const current = await currentProgramDocument(tx);
        basedOn = current.version;
        document = current.document;
      } else {
        basedOn = options.basedOn;
        document = (await getVersion(tx, options.basedOn)).document;
      }
    }
    await tx.insert(programDrafts).values({
      id,
      name: options.name,
      document,
      basedOn,
      createdBy: userOf(options.actor),
      createdAt: now,
      updatedBy: userOf(options.actor),
      updatedAt: now,
    });
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'program_draft.create',
      entity: 'program_draft',
      entityId: id,
      after: { name: options.name, basedOn },
    });
  });
  return getDraft(deps.db, id);
}

export async function updateDraft(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { draftId: string; name?: string; document?: unknown; actor: Actor },
): Promise<DraftView> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await getDraft(tx, options.draftId);
    await tx
      .update(programDrafts)
      .set({
        ...(options.name === undefined ? {} : { name: options.name }),
        ...(options.document === undefined ? {} : { document: options.document }),
        updatedBy: userOf(options.actor),
        updatedAt: now,
      })
      .where(eq(programDrafts.id, options.draftId));
    const after = { ...before, ...(options.name === undefined ? {} : { name: options.name }) };
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'program_draft.update',
      entity: 'program_draft',
      entityId: options.draftId,
      before: { name: before.name, problems: before.problemCount },
      after: {
        name: after.name,
        problems: options.document === undefined ? before.problemCount : validate(options.document).length,
      },
    });
  });
  return getDraft(deps.db, options.draftId);
}

export async function deleteDraft(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  options: { draftId: string; actor: Actor },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await getDraft(tx, options.draftId);
    await tx.delete(programDrafts).where(eq(programDrafts.id, options.draftId));
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'program_draft.delete',
      entity: 'program_draft',
      entityId: options.draftId,
      before: { name: before.name, basedOn: before.basedOn },
    });
  });
}

/** A draft's program, or 400 with every problem (what-if and publish need a valid one). */
export function requireValid(draft: DraftView, what: string): void {
  if (draft.problems.length === 0) return;
  const problems: ProgramProblem[] = draft.problems;
  throw new AppError(
    'validation_failed',
    `The draft "${draft.name}" is not a valid program (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}); correct it before ${what}`,
    { details: { problems } },
  );
}
