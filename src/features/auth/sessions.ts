// Browser sessions: a random token in an httpOnly cookie, stored as its SHA-256. Each
// sign-in creates a new session (the old one, if any, is revoked: rotation), sessions
// expire and can be revoked; everything is in the database, so any instance accepts them.
// The CSRF token is derived from the session token: a page on another origin can neither
// read the cookie nor compute it, and there is nothing more to store.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { batchedQuery, batchKeys } from '../../db/batched.ts';
import type { Queryable } from '../../db/client.ts';
import { partners, sessions, users } from '../../db/schema.ts';
import type { Locale, Role, SessionUser } from './access.ts';
import { newToken, sha256 } from './secrets.ts';

export const SESSION_COOKIE = 'tw_session';
/** last_seen_at is written at most this often per session (no write on every request). */
const TOUCH_INTERVAL_MS = 60_000;

export function csrfTokenFor(sessionToken: string): string {
  return Buffer.from(sha256(`csrf\u0000${sessionToken}`), 'hex').toString('base64url');
}

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Queryable,
  options: { userId: string; now: Date; ttlMs: number },
): Promise<NewSession> {
  const token = newToken('tws_');
  const id = randomUUID();
  const expiresAt = new Date(options.now.getTime() + options.ttlMs);
  await db.insert(sessions).values({
    id,
    tokenHash: sha256(token),
    userId: options.userId,
    createdAt: options.now,
    lastSeenAt: options.now,
    expiresAt,
  });
  return { id, token, csrfToken: csrfTokenFor(token), expiresAt };
}

/** What a session lookup reads: the session and its user (see liveSession). */
export const sessionColumns = {
  sessionId: sessions.id,
  lastSeenAt: sessions.lastSeenAt,
  userId: users.id,
  email: users.email,
  role: users.role,
  userPartnerId: users.partnerId,
  locale: users.locale,
};

/** The keys of a batch of session lookups (batchKeys): one per request. */
export const sessionKeys = batchKeys('k', 'token_hash text, now timestamptz, partner_id text');

/** One session lookup of a batch: the cookie token's hash, the request's time, the URL's partner. */
export function sessionKey(args: SessionLookupArgs) {
  return { token_hash: args.tokenHash, now: args.now, partner_id: args.partnerId };
}

/** The session of a key's token (joined to sessionKeys). */
export const sessionOfKey = eq(sessions.tokenHash, sql`k.token_hash`);

/**
 * The condition of a live session, over sessionKeys joined with sessions (sessionOfKey) and
 * users: not revoked, not expired at the request's time, its user enabled.
 */
export const liveSession = and(
  isNull(sessions.revokedAt),
  gt(sessions.expiresAt, sql`k.now`),
  eq(users.disabled, false),
);

export interface SessionRow {
  sessionId: string;
  lastSeenAt: Date;
  userId: string;
  email: string;
  role: string;
  userPartnerId: string | null;
  locale: string;
  /** Whether the partner of the lookup's partnerId exists. */
  partnerExists: boolean;
}

export type SessionLookupArgs = {
  tokenHash: string;
  now: string;
  partnerId: string | null;
};

/**
 * A route's data read in the session lookup's query (one round trip instead of two on the
 * hottest routes): `lookup` selects sessionColumns and partnerExists under liveSession, plus
 * `preload`. The hook hands the preload to the handler only once every check has passed.
 */
export interface SessionPreload<T = unknown> {
  lookup(db: Queryable, args: SessionLookupArgs): Promise<(SessionRow & { preload: T }) | undefined>;
}

export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  user: SessionUser;
  /** Whether the partner asked about (`partnerId` of resolveSession) exists. */
  partnerExists: boolean;
  /** The route's preload (when resolveSession was given one). */
  preload?: unknown;
}

// The session check runs on every signed-in request: a prepared statement (parsed and
// planned once per connection), shared by the requests that arrive together (batchedQuery),
// that also answers whether the URL's partner exists, so the tenancy check of an operator
// costs no second round trip.
const sessionLookup = batchedQuery<ReturnType<typeof sessionKey>, SessionRow & { i: number }>(
  'auth_session',
  (db) =>
    db
      .select({
        i: sql<number>`k.i`,
        ...sessionColumns,
        partnerExists: sql<boolean>`exists (select 1 from ${partners} where ${partners.partnerId} = k.partner_id)`,
      })
      .from(sessionKeys)
      .innerJoin(sessions, sessionOfKey)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(liveSession),
);

async function lookupSession(db: Queryable, args: SessionLookupArgs): Promise<SessionRow | undefined> {
  return sessionLookup(db)(sessionKey(args));
}

/**
 * The live session of a cookie token: not revoked, not expired, its user not disabled.
 * `partnerId`: a partner whose existence to report (partnerExists) in the same query;
 * `preload`: the route's data to read in that query too.
 */
export async function resolveSession(
  db: Queryable,
  token: string,
  now: Date,
  partnerId?: string,
  preload?: SessionPreload,
): Promise<ActiveSession | null> {
  const args = { tokenHash: sha256(token), now: now.toISOString(), partnerId: partnerId ?? null };
  const row: (SessionRow & { preload?: unknown }) | undefined = preload
    ? await preload.lookup(db, args)
    : await lookupSession(db, args);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId));
  }
  return {
    sessionId: row.sessionId,
    csrfToken: csrfTokenFor(token),
    user: {
      id: row.userId,
      email: row.email,
      role: row.role as Role,
      partnerId: row.userPartnerId,
      locale: row.locale as Locale,
    },
    partnerExists: row.partnerExists === true,
    preload: row.preload,
  };
}

/** Revokes a session by its token (sign-in rotation); true when one was live. */
export async function revokeSessionByToken(db: Queryable, token: string, now: Date): Promise<boolean> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, sha256(token)), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

export async function revokeSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Signs a user out everywhere (after a password change). */
export async function revokeUserSessions(db: Queryable, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

/** What GET /api/v1/me answers. */
export interface Me {
  user: SessionUser;
  partner: { partnerId: string; name: string } | null;
}

export async function getMe(db: Queryable, user: SessionUser): Promise<Me> {
  if (!user.partnerId) return { user, partner: null };
  const [partner] = await db
    .select({ partnerId: partners.partnerId, name: partners.name })
    .from(partners)
    .where(eq(partners.partnerId, user.partnerId));
  return { user, partner: partner ?? null };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** What the route's preload read with the session, once the caller passed the checks. */
    preloaded: { by: SessionPreload; value: unknown } | null;
  }
  interface FastifyContextConfig {
    /** Route data to read in the session lookup's query (see SessionPreload). */
    preload?: SessionPreload;
  }
}
