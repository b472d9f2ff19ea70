// Creating and listing users. A new user gets a one-time set-password link, or (from the
// command line) a password directly. Operators belong to no partner; partner admins and
// partner users to exactly one.
import { randomUUID } from 'node:crypto';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError, validationError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { partners, passwordTokens, sessions, users } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import type { Locale, Role } from '../auth/access.ts';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password.ts';
import { createPasswordLink } from '../auth/password-links.ts';
import { normalizeEmail } from '../auth/service.ts';

export interface UserInfo {
  id: string;
  email: string;
  role: Role;
  partnerId: string | null;
  locale: Locale;
  disabled: boolean;
  hasPassword: boolean;
  /** No password yet and a set-password link that still works. */
  invitationPending: boolean;
  /** The user's latest sign-in (their newest session), if any. */
  lastSignInAt: string | null;
  createdAt: string;
}

type Row = typeof users.$inferSelect;

function info(row: Row, extra: { invitationPending: boolean; lastSignInAt: string | null }): UserInfo {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    partnerId: row.partnerId,
    locale: row.locale as Locale,
    disabled: row.disabled,
    hasPassword: row.passwordHash !== null,
    ...extra,
    createdAt: row.createdAt.toISOString(),
  };
}

function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value as string | Date).toISOString();
}

/** Every column of users plus what the users pages show, at `now`. */
function userColumns(now: Date) {
  // A select from one table names its columns unqualified: the subqueries spell theirs out.
  return {
    row: users,
    invitationPending: sql<boolean>`("users"."password_hash" is null and exists (select 1 from ${passwordTokens} pt where pt.user_id = "users"."id" and pt.purpose = 'set' and pt.used_at is null and pt.expires_at > ${now.toISOString()}::timestamptz))`,
    lastSignInAt: sql<unknown>`(select max(s.created_at) from ${sessions} s where s.user_id = "users"."id")`,
  };
}

/** Users (all, or those matching `where`) with what the users pages show. */
export async function readUsers(db: Queryable, now: Date, where?: SQL): Promise<UserInfo[]> {
  const query = db.select(userColumns(now)).from(users);
  const list = await (where ? query.where(where) : query).orderBy(asc(users.email));
  return list.map((r) =>
    info(r.row, { invitationPending: r.invitationPending === true, lastSignInAt: isoOrNull(r.lastSignInAt) }),
  );
}

export interface CreateUserOptions {
  email: string;
  role: Role;
  partnerId?: string | null | undefined;
  locale?: Locale | undefined;
  /** Set the password now (the command line's --password-stdin) instead of sending a link. */
  password?: string | undefined;
  actor: Actor;
}

export interface CreatedUser {
  user: UserInfo;
  /** The one-time set-password link, when no password was given. */
  setPasswordLink: { url: string; expiresAt: string } | null;
}

export async function createUser(deps: AppDeps, options: CreateUserOptions): Promise<CreatedUser> {
  const email = normalizeEmail(options.email);
  const partnerId = options.partnerId ?? null;
  if (options.role === 'operator' && partnerId !== null)
    throw validationError([{ path: 'partnerId', message: 'an operator belongs to no partner' }]);
  if (options.role !== 'operator' && partnerId === null)
    throw validationError([{ path: 'partnerId', message: `a ${options.role} needs a partner` }]);
  if (
    options.password !== undefined &&
    (options.password.length < PASSWORD_MIN_LENGTH || options.password.length > PASSWORD_MAX_LENGTH)
  ) {
    throw validationError([
      { path: 'password', message: `must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters` },
    ]);
  }
  const passwordHash = options.password === undefined ? null : await hashPassword(options.password);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (partnerId !== null) {
      const [partner] = await tx
        .select({ id: partners.partnerId })
        .from(partners)
        .where(eq(partners.partnerId, partnerId));
      if (!partner) throw validationError([{ path: 'partnerId', message: `no partner ${partnerId}` }]);
    }
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (taken) throw new AppError('conflict', `A user with the email ${email} exists already`);
    const [row] = await tx
      .insert(users)
      .values({
        id: randomUUID(),
        email,
        role: options.role,
        partnerId,
        passwordHash,
        locale: options.locale ?? 'en',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const user = info(row!, { invitationPending: passwordHash === null, lastSignInAt: null });
    const { hasPassword, invitationPending: _pending, lastSignInAt: _last, ...audited } = user;
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      partnerId,
      before: null,
      after: { ...audited, hasPassword },
    });
    if (passwordHash) return { user, setPasswordLink: null };
    const link = await createPasswordLink(tx, {
      userId: user.id,
      purpose: 'set',
      now,
      baseUrl: deps.config.baseUrl,
    });
    return { user, setPasswordLink: { url: link.url, expiresAt: link.expiresAt.toISOString() } };
  });
}

/** The users of one partner (partner id first: tenant-scoped). */
export async function listPartnerUsers(db: Queryable, partnerId: string, now: Date): Promise<UserInfo[]> {
  return readUsers(db, now, eq(users.partnerId, partnerId));
}

export async function listAllUsers(db: Queryable, now: Date): Promise<UserInfo[]> {
  return readUsers(db, now);
}
