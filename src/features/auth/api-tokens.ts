// API tokens for integrations: created by operators, shown once ('tw_' + 256 random bits),
// stored as a SHA-256, scoped (read, ingest, admin), revocable, with the last use recorded
// (at most once a minute, so a busy integration does not write on every request).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError, validationError } from '../../core/errors.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { apiTokens, partners, users } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import type { Principal, Scope } from './access.ts';
import { newToken, sha256 } from './secrets.ts';

export const API_TOKEN_PREFIX = 'tw_';
const TOUCH_INTERVAL_MS = 60_000;

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  scopes: Scope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  /** The email of the user who created it; null when made from the command line. */
  createdByEmail: string | null;
}

type Row = typeof apiTokens.$inferSelect;

function info(row: Row, createdByEmail: string | null = null): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as Scope[],
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    createdByEmail,
  };
}

/** The stored form without secrets, for the audit log. */
function audited(row: Row) {
  const { tokenHash: _hash, ...rest } = row;
  return rest;
}

export async function createApiToken(
  deps: AppDeps,
  options: { name: string; scopes: Scope[]; expiresAt?: string | null; actor: Actor },
): Promise<ApiTokenInfo & { token: string }> {
  const token = newToken(API_TOKEN_PREFIX);
  const now = deps.clock.now();
  const expiresAt = options.expiresAt ? new Date(options.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) {
    throw validationError([
      {
        in: 'body',
        path: 'expiresAt',
        message: `The expiry ${options.expiresAt} is in the past; choose a later time or none`,
      },
    ]);
  }
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        id: randomUUID(),
        name: options.name,
        prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        tokenHash: sha256(token),
        scopes: [...new Set(options.scopes)].sort(),
        createdBy: options.actor.kind === 'user' ? options.actor.userId : null,
        createdAt: now,
        expiresAt,
      })
      .returning();
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'api_token.create',
      entity: 'api_token',
      entityId: created!.id,
      before: null,
      after: audited(created!),
    });
    return created!;
  });
  return { ...info(row), token };
}

export async function listApiTokens(deps: AppDeps): Promise<ApiTokenInfo[]> {
  const list = await deps.db
    .select({ row: apiTokens, email: users.email })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .orderBy(asc(apiTokens.createdAt), asc(apiTokens.id));
  return list.map((r) => info(r.row, r.email));
}

export async function revokeApiToken(deps: AppDeps, options: { id: string; actor: Actor }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(apiTokens).where(eq(apiTokens.id, options.id));
    if (!before) throw new AppError('not_found', 'No such API token');
    if (before.revokedAt) return;
    const [after] = await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(eq(apiTokens.id, options.id))
      .returning();
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'api_token.revoke',
      entity: 'api_token',
      entityId: options.id,
      before: audited(before),
      after: audited(after!),
    });
  });
}

// Checked on every request of an integration: a named prepared statement that also answers
// whether the URL's partner exists (the tenancy check, in the same round trip).
const tokenLookup = preparedQuery('auth_api_token', (db) =>
  db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      lastUsedAt: apiTokens.lastUsedAt,
      partnerExists: sql<boolean>`exists (select 1 from ${partners} where ${partners.partnerId} = ${sql.placeholder('partnerId')})`,
    })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
        isNull(apiTokens.revokedAt),
        // An expired token stops working at its expiry.
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
        // A token stops working at once when the user who created it is deactivated.
        sql`not exists (select 1 from ${users} where ${users.id} = ${apiTokens.createdBy} and ${users.disabled})`,
      ),
    )
    .limit(1),
);

/**
 * The principal of a bearer token, or null when it is unknown or revoked; `partnerId`: a
 * partner whose existence to report (partnerExists) in the same query.
 */
export async function resolveApiToken(
  deps: AppDeps,
  token: string,
  partnerId?: string,
): Promise<{ principal: Extract<Principal, { kind: 'token' }>; partnerExists: boolean } | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await tokenLookup(deps.db).execute({
    tokenHash: sha256(token),
    partnerId: partnerId ?? null,
    now: deps.clock.now(),
  });
  if (!row) return null;
  const now = deps.clock.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return {
    principal: { kind: 'token', token: { id: row.id, name: row.name, scopes: row.scopes as Scope[] } },
    partnerExists: row.partnerExists === true,
  };
}
