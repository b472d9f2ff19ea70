// The audit log: every write records who did it, when, what, and the entity before and
// after. Call recordAudit with the transaction that makes the change, so the change and
// its record commit together or not at all. Secrets (hashes, tokens) never go in.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';
import type { AuditAction } from '../../domain/audit-actions.ts';

/** Who acts: a signed-in user, an API token, or the system (the command line). */
export type Actor =
  | { kind: 'user'; userId: string }
  | { kind: 'token'; tokenId: string }
  | { kind: 'system' };

export const SYSTEM_ACTOR: Actor = { kind: 'system' };

export interface AuditEntry {
  actor: Actor;
  at: Date;
  /** A verb on the entity, one of AUDIT_ACTIONS: 'user.create', 'session.revoke' ... */
  action: AuditAction;
  entity: string;
  entityId: string;
  partnerId?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at: entry.at,
    actorKind: entry.actor.kind,
    actorUserId: entry.actor.kind === 'user' ? entry.actor.userId : null,
    actorTokenId: entry.actor.kind === 'token' ? entry.actor.tokenId : null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    partnerId: entry.partnerId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  partnerId?: string;
  limit?: number;
}

/** The newest audit rows first. */
export async function listAudit(db: Queryable, query: AuditQuery = {}) {
  const where: SQL[] = [];
  if (query.entity) where.push(eq(auditLog.entity, query.entity));
  if (query.entityId) where.push(eq(auditLog.entityId, query.entityId));
  if (query.partnerId) where.push(eq(auditLog.partnerId, query.partnerId));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit ?? 100);
}
