// Reading the audit log for the console: filters (actor by user id or email, action exact
// or by prefix, partner, days), newest first, paged by an opaque cursor on the id.
import { and, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.ts';
import { apiTokens, auditLog, users } from '../../db/schema.ts';
import type { AuditEntryView, AuditFilter } from './schemas.ts';

const targetUser = alias(users, 'target_user');
const targetToken = alias(apiTokens, 'target_token');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function nextDay(day: string): Date {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

function conditions(filter: AuditFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.actor) {
    const actor = filter.actor;
    if (UUID.test(actor)) where.push(eq(auditLog.actorUserId, actor));
    else where.push(sql`lower(${users.email}) = lower(${actor})`);
  }
  if (filter.action) {
    if (filter.action.endsWith('.') || filter.action.endsWith('*')) {
      const prefix = filter.action.replace(/\*$/, '').replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(like(auditLog.action, `${prefix}%`));
    } else where.push(eq(auditLog.action, filter.action));
  }
  if (filter.partnerId) where.push(eq(auditLog.partnerId, filter.partnerId));
  if (filter.from) where.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00.000Z`)));
  if (filter.to) where.push(lt(auditLog.at, nextDay(filter.to)));
  return where;
}

async function select(db: Queryable, where: SQL[], limit: number | null) {
  const query = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorKind: auditLog.actorKind,
      actorUserId: auditLog.actorUserId,
      email: users.email,
      actorTokenId: auditLog.actorTokenId,
      tokenName: apiTokens.name,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      targetEmail: targetUser.email,
      targetTokenName: targetToken.name,
      partnerId: auditLog.partnerId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditLog.actorTokenId))
    .leftJoin(
      targetUser,
      and(eq(auditLog.entity, 'user'), sql`${targetUser.id}::text = ${auditLog.entityId}`),
    )
    .leftJoin(
      targetToken,
      and(eq(auditLog.entity, 'api_token'), sql`${targetToken.id}::text = ${auditLog.entityId}`),
    )
    .where(and(...where))
    .orderBy(desc(auditLog.id));
  const rows = limit === null ? await query : await query.limit(limit);
  return rows.map(
    (r): AuditEntryView => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: {
        kind: r.actorKind,
        userId: r.actorUserId,
        email: r.email,
        tokenId: r.actorTokenId,
        tokenName: r.tokenName,
      },
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      entityName: r.targetEmail ?? r.targetTokenName ?? null,
      partnerId: r.partnerId,
      before: r.before ?? null,
      after: r.after ?? null,
    }),
  );
}

/** One page, newest first; nextCursor is null on the last page. */
export async function auditPage(
  db: Queryable,
  filter: AuditFilter & { cursor?: string; limit: number },
): Promise<{ entries: AuditEntryView[]; nextCursor: string | null }> {
  const where = conditions(filter);
  if (filter.cursor) where.push(lt(auditLog.id, Number(filter.cursor)));
  const rows = await select(db, where, filter.limit + 1);
  const entries = rows.slice(0, filter.limit);
  const last = entries.at(-1);
  return { entries, nextCursor: rows.length > filter.limit && last ? last.id : null };
}

/** Every matching entry (the CSV export). */
export async function auditAll(db: Queryable, filter: AuditFilter): Promise<AuditEntryView[]> {
  return select(db, conditions(filter), null);
}
