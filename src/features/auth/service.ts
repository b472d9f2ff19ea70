// Sign-in, sign-out, the signed-in user's settings, and password reset requests.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { passwordTokens, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/service.ts';
import type { Locale, Role, SessionUser } from './access.ts';
import { beginLoginAttempt, recordLoginSuccess } from './login-limit.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { createPasswordLink } from './password-links.ts';
import {
  createSession,
  getMe,
  type Me,
  type NewSession,
  revokeSession,
  revokeSessionByToken,
} from './sessions.ts';

const RESET_REQUEST_INTERVAL_MS = 60_000;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function findUserByEmail(db: Queryable, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .limit(1);
  return user;
}

function sessionUser(row: typeof users.$inferSelect): SessionUser {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    partnerId: row.partnerId,
    locale: row.locale as Locale,
  };
}

export interface SignInOptions {
  email: string;
  password: string;
  ip: string;
  /** The session token the browser already had: revoked, as sign-in always starts a new session. */
  previousToken?: string | undefined;
}

export async function signIn(
  deps: AppDeps,
  options: SignInOptions,
): Promise<{ session: NewSession; me: Me }> {
  const email = normalizeEmail(options.email);
  const decision = await beginLoginAttempt(deps.db, { email, ip: options.ip, now: deps.clock.now() });
  if (!decision.allowed) {
    throw new AppError('rate_limited', 'Too many sign-in attempts; try again later', {
      headers: { 'retry-after': String(decision.retryAfterSeconds) },
      details: { retryAfterSeconds: decision.retryAfterSeconds },
    });
  }
  const user = await findUserByEmail(deps.db, email);
  // Unknown emails and users without a password cost the same hash as a wrong password.
  const usable = user && !user.disabled && user.passwordHash;
  const ok = await verifyPassword(options.password, usable ? user.passwordHash! : await decoyHash());
  if (!usable || !ok) throw new AppError('unauthorized', 'The email or password is wrong');

  const session = await openSession(deps, user, {
    ip: options.ip,
    previousToken: options.previousToken,
    before: (tx) => recordLoginSuccess(tx, decision.attemptId),
  });
  return { session, me: await getMe(deps.db, sessionUser(user)) };
}

/**
 * A signed-in user's new session, however they proved who they are (password or single
 * sign-on): the previous session of this browser revoked, the session made and audited, in
 * one transaction. `via` marks a sign-in other than the password one in the audit entry.
 */
export async function openSession(
  deps: AppDeps,
  user: { id: string; partnerId: string | null },
  options: {
    ip: string;
    previousToken?: string | undefined;
    via?: 'sso';
    before?: (tx: Queryable) => Promise<unknown>;
  },
): Promise<NewSession> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await options.before?.(tx);
    if (options.previousToken) await revokeSessionByToken(tx, options.previousToken, now);
    const created = await createSession(tx, {
      userId: user.id,
      now,
      ttlMs: deps.config.sessionDays * 24 * 3_600_000,
    });
    await recordAudit(tx, {
      actor: { kind: 'user', userId: user.id },
      at: now,
      action: 'session.create',
      entity: 'session',
      entityId: created.id,
      partnerId: user.partnerId,
      before: null,
      after: {
        userId: user.id,
        ip: options.ip,
        ...(options.via ? { via: options.via } : {}),
        expiresAt: created.expiresAt.toISOString(),
      },
    });
    return created;
  });
}

export async function signOut(
  deps: AppDeps,
  options: { sessionId: string; user: SessionUser },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, options.sessionId, now);
    await recordAudit(tx, {
      actor: { kind: 'user', userId: options.user.id },
      at: now,
      action: 'session.revoke',
      entity: 'session',
      entityId: options.sessionId,
      partnerId: options.user.partnerId,
      before: { revoked: false },
      after: { revoked: true },
    });
  });
}

export async function updateMyLocale(
  deps: AppDeps,
  options: { user: SessionUser; locale: Locale },
): Promise<Me> {
  const now = deps.clock.now();
  const updated = await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, options.user.id));
    const [row] = await tx
      .update(users)
      .set({ locale: options.locale, updatedAt: now })
      .where(eq(users.id, options.user.id))
      .returning();
    await recordAudit(tx, {
      actor: { kind: 'user', userId: options.user.id },
      at: now,
      action: 'user.update',
      entity: 'user',
      entityId: options.user.id,
      partnerId: options.user.partnerId,
      before: { locale: before?.locale },
      after: { locale: row!.locale },
    });
    return row!;
  });
  return getMe(deps.db, sessionUser(updated));
}

/**
 * Starts a password reset. The answer is the same whether or not the email has a user;
 * without SMTP the link is written to the server log for the operator to pass on.
 */
export async function requestPasswordReset(
  deps: AppDeps,
  options: { email: string; log: (link: { email: string; url: string; expiresAt: Date }) => void },
): Promise<{ email: string; locale: Locale; url: string; expiresAt: Date } | null> {
  const user = await findUserByEmail(deps.db, options.email);
  if (!user || user.disabled) return null;
  const now = deps.clock.now();
  // One open reset link a minute is enough: repeated requests add no rows or log lines.
  const [recent] = await deps.db
    .select({ id: passwordTokens.id })
    .from(passwordTokens)
    .where(
      and(
        eq(passwordTokens.userId, user.id),
        eq(passwordTokens.purpose, 'reset'),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.createdAt, new Date(now.getTime() - RESET_REQUEST_INTERVAL_MS)),
      ),
    )
    .limit(1);
  if (recent) return null;
  const link = await deps.db.transaction(async (tx) => {
    const created = await createPasswordLink(tx, {
      userId: user.id,
      purpose: 'reset',
      now,
      baseUrl: deps.config.baseUrl,
    });
    await recordAudit(tx, {
      actor: { kind: 'system' },
      at: now,
      action: 'user.password_reset_requested',
      entity: 'user',
      entityId: user.id,
      partnerId: user.partnerId,
      before: null,
      after: { expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  options.log({ email: user.email, ...link });
  return { email: user.email, locale: user.locale as Locale, ...link };
}
