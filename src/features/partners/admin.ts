// A partner's admin page for operators: profile and standing, certifications (add, edit
// validity) and team contacts (add, edit, remove: what the partner's Team tab shows).
// Writes take the fact-writes lock (imports and the ingestion API write these tables too),
// are audited in their transaction, and a certification change re-derives the partner there,
// so its tier performance moves at once.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError, validationError } from '../../core/errors.ts';
import { rows, type Tx } from '../../db/client.ts';
import { certifications, partnerState, partners, teamContacts, users } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { lockFactWrites } from '../import/repository.ts';
import { recomputePartners } from '../points/service.ts';
import { getProgram } from '../program/service.ts';
import { standingEventsHook } from '../webhooks/events.ts';

/** Opaque ids of rows keyed by several columns (base64url of their key). */
export function encodeId(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}
function decodeId(id: string, size: number, what: string): string[] {
  try {
    const parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string'))
      return parts;
  } catch {
    // falls through
  }
  throw new AppError('not_found', `No such ${what}`);
}

async function requirePartner(db: AppDeps['db'] | Tx, partnerId: string) {
  const [found] = await db.select().from(partners).where(eq(partners.partnerId, partnerId));
  if (!found) throw new AppError('not_found', 'No such partner');
  return found;
}

export async function partnerProfile(deps: Pick<AppDeps, 'db'>, partnerId: string) {
  const partner = await requirePartner(deps.db, partnerId);
  const [state] = await deps.db.select().from(partnerState).where(eq(partnerState.partnerId, partnerId));
  const [userCount] = await deps.db.select({ n: count() }).from(users).where(eq(users.partnerId, partnerId));
  const insights = (state?.insights ?? {}) as { keep?: unknown; next?: unknown };
  return {
    partner: {
      partnerId: partner.partnerId,
      name: partner.name,
      country: partner.country,
      currency: partner.currency,
      website: partner.website,
    },
    standing: {
      asOf: state?.asOf ?? null,
      sourced: Number(state?.sourced ?? 0),
      assisted: Number(state?.assisted ?? 0),
      sold: Number(state?.sold ?? 0),
      managed: Number(state?.managed ?? 0),
      total: Number(state?.total ?? 0),
      certified: state?.certified ?? false,
      performance: state?.performance ?? null,
      credited: state?.credited ?? null,
      keep: (insights.keep ?? null) as TierTargetJson | null,
      next: (insights.next ?? null) as TierTargetJson | null,
    },
    users: Number(userCount?.n ?? 0),
  };
}

export interface TierTargetJson {
  tierId: string;
  tierName: string;
  met: boolean;
  missing: { total: number; seller: number; managed: number };
}

// ---- Certifications -----------------------------------------------------------------------

export interface CertificationInput {
  name: string;
  validFrom: string;
  validUntil: string;
}

function certificationView(c: typeof certifications.$inferSelect, today: string) {
  return {
    certificationId: encodeId([c.name, c.validFrom]),
    name: c.name,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    validToday: c.validFrom <= today && today <= c.validUntil,
  };
}

export async function listCertifications(deps: Pick<AppDeps, 'db' | 'clock'>, partnerId: string) {
  await requirePartner(deps.db, partnerId);
  const found = await deps.db
    .select()
    .from(certifications)
    .where(eq(certifications.partnerId, partnerId))
    .orderBy(asc(certifications.validFrom), asc(certifications.name));
  const today = deps.clock.today();
  return found.map((c) => certificationView(c, today));
}

function checkValidity(input: { validFrom: string; validUntil: string }): void {
  if (input.validUntil < input.validFrom)
    throw validationError(
      [{ in: 'body', path: 'validUntil', message: `must be on or after validFrom (${input.validFrom})` }],
      'The certification ends before it starts',
    );
}

/** Re-derives the partner as of today inside the transaction (webhooks hear of a moved standing). */
async function rederive(tx: Tx, deps: Pick<AppDeps, 'clock'>, partnerId: string): Promise<void> {
  const onChanged = await standingEventsHook(tx, deps.clock.now());
  await recomputePartners(tx, {
    program: await getProgram(tx),
    partnerIds: [partnerId],
    asOf: deps.clock.today(),
    ...(onChanged ? { onChanged } : {}),
  });
}

async function standingOf(tx: Tx, partnerId: string) {
  const [s] = await rows<{ performance: string | null; credited: string | null; certified: boolean }>(
    tx,
    sql`select performance, credited, certified from partner_state where partner_id = ${partnerId}`,
  );
  return s ?? null;
}

function duplicate(name: string, validFrom: string): AppError {
  return new AppError('conflict', `The partner already has "${name}" valid from ${validFrom}`, {
    details: {
      issues: [{ in: 'body', path: 'validFrom', message: 'a certification with this name starts that day' }],
    },
  });
}

export async function createCertification(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  partnerId: string,
  input: CertificationInput,
  actor: Actor,
) {
  checkValidity(input);
  return deps.db.transaction(async (tx) => {
    await lockFactWrites(tx);
    await requirePartner(tx, partnerId);
    const [exists] = await tx
      .select()
      .from(certifications)
      .where(
        and(
          eq(certifications.partnerId, partnerId),
          eq(certifications.name, input.name),
          eq(certifications.validFrom, input.validFrom),
        ),
      );
    if (exists) throw duplicate(input.name, input.validFrom);
    const [row] = await tx
      .insert(certifications)
      .values({ partnerId, ...input })
      .returning();
    await rederive(tx, deps, partnerId);
    const view = certificationView(row!, deps.clock.today());
    await recordAudit(tx, {
      actor,
      at: deps.clock.now(),
      action: 'certification.create',
      entity: 'certification',
      entityId: view.certificationId,
      partnerId,
      after: { ...input, standing: await standingOf(tx, partnerId) },
    });
    return view;
  });
}

export async function updateCertification(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  partnerId: string,
  certificationId: string,
  patch: Partial<Pick<CertificationInput, 'validFrom' | 'validUntil'>>,
  actor: Actor,
) {
  const [name, validFrom] = decodeId(certificationId, 2, 'certification') as [string, string];
  return deps.db.transaction(async (tx) => {
    await lockFactWrites(tx);
    const key = and(
      eq(certifications.partnerId, partnerId),
      eq(certifications.name, name),
      eq(certifications.validFrom, validFrom),
    );
    const [before] = await tx.select().from(certifications).where(key);
    if (!before) throw new AppError('not_found', 'No such certification');
    const next = {
      validFrom: patch.validFrom ?? before.validFrom,
      validUntil: patch.validUntil ?? before.validUntil,
    };
    checkValidity(next);
    if (next.validFrom !== before.validFrom) {
      const [clash] = await tx
        .select()
        .from(certifications)
        .where(
          and(
            eq(certifications.partnerId, partnerId),
            eq(certifications.name, name),
            eq(certifications.validFrom, next.validFrom),
          ),
        );
      if (clash) throw duplicate(name, next.validFrom);
    }
    const standingBefore = await standingOf(tx, partnerId);
    const [row] = await tx.update(certifications).set(next).where(key).returning();
    await rederive(tx, deps, partnerId);
    const view = certificationView(row!, deps.clock.today());
    await recordAudit(tx, {
      actor,
      at: deps.clock.now(),
      action: 'certification.update',
      entity: 'certification',
      entityId: certificationId,
      partnerId,
      before: { name, validFrom: before.validFrom, validUntil: before.validUntil, standing: standingBefore },
      after: {
        name,
        ...next,
        certificationId: view.certificationId,
        standing: await standingOf(tx, partnerId),
      },
    });
    return view;
  });
}

// ---- Team contacts ------------------------------------------------------------------------

export interface ContactInput {
  role: string;
  name: string;
  email: string;
  description?: string | null | undefined;
}

export function contactView(c: typeof teamContacts.$inferSelect) {
  return {
    contactId: encodeId([c.email]),
    role: c.role,
    name: c.name,
    email: c.email,
    description: c.description,
  };
}

function duplicateContact(email: string): AppError {
  return new AppError('conflict', `The partner already has a contact with the email ${email}`, {
    details: { issues: [{ in: 'body', path: 'email', message: 'is already a contact of this partner' }] },
  });
}

export async function createContact(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  partnerId: string,
  input: ContactInput,
  actor: Actor,
) {
  return deps.db.transaction(async (tx) => {
    await lockFactWrites(tx);
    await requirePartner(tx, partnerId);
    const email = input.email.toLowerCase();
    const [exists] = await tx
      .select()
      .from(teamContacts)
      .where(and(eq(teamContacts.partnerId, partnerId), sql`lower(${teamContacts.email}) = ${email}`));
    if (exists) throw duplicateContact(input.email);
    const [row] = await tx
      .insert(teamContacts)
      .values({
        partnerId,
        role: input.role,
        name: input.name,
        email,
        description: input.description ?? null,
      })
      .returning();
    const view = contactView(row!);
    await recordAudit(tx, {
      actor,
      at: deps.clock.now(),
      action: 'team_contact.create',
      entity: 'team_contact',
      entityId: view.contactId,
      partnerId,
      after: view,
    });
    return view;
  });
}

async function findContact(tx: Tx, partnerId: string, contactId: string) {
  const [email] = decodeId(contactId, 1, 'team contact') as [string];
  const [found] = await tx
    .select()
    .from(teamContacts)
    .where(and(eq(teamContacts.partnerId, partnerId), eq(teamContacts.email, email)));
  if (!found) throw new AppError('not_found', 'No such team contact');
  return found;
}

export async function updateContact(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  partnerId: string,
  contactId: string,
  patch: Partial<ContactInput>,
  actor: Actor,
) {
  return deps.db.transaction(async (tx) => {
    await lockFactWrites(tx);
    const before = await findContact(tx, partnerId, contactId);
    const email = patch.email?.toLowerCase() ?? before.email;
    if (email !== before.email) {
      const [clash] = await tx
        .select()
        .from(teamContacts)
        .where(and(eq(teamContacts.partnerId, partnerId), sql`lower(${teamContacts.email}) = ${email}`));
      if (clash) throw duplicateContact(email);
    }
    const [row] = await tx
      .update(teamContacts)
      .set({
        role: patch.role ?? before.role,
        name: patch.name ?? before.name,
        email,
        description: patch.description === undefined ? before.description : patch.description,
      })
      .where(and(eq(teamContacts.partnerId, partnerId), eq(teamContacts.email, before.email)))
      .returning();
    const view = contactView(row!);
    await recordAudit(tx, {
      actor,
      at: deps.clock.now(),
      action: 'team_contact.update',
      entity: 'team_contact',
      entityId: contactId,
      partnerId,
      before: contactView(before),
      after: view,
    });
    return view;
  });
}

export async function deleteContact(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  partnerId: string,
  contactId: string,
  actor: Actor,
) {
  await deps.db.transaction(async (tx) => {
    await lockFactWrites(tx);
    const before = await findContact(tx, partnerId, contactId);
    await tx
      .delete(teamContacts)
      .where(and(eq(teamContacts.partnerId, partnerId), eq(teamContacts.email, before.email)));
    await recordAudit(tx, {
      actor,
      at: deps.clock.now(),
      action: 'team_contact.delete',
      entity: 'team_contact',
      entityId: contactId,
      partnerId,
      before: contactView(before),
    });
  });
}
