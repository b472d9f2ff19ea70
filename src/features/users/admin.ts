// Managing existing users: change role or partner, deactivate and reactivate, resend an
// invitation; and inviting (create + email). Operators may manage anyone; a partner admin
// only the users of their own partner (`scope`), never an operator, and never themselves
// out of their admin rights, so a partner always keeps an admin.
import { and, eq, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError, validationError } from '../../core/errors.ts';
import type { Tx } from '../../db/client.ts';
import { partners, passwordTokens, users } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import type { Locale, Role } from '../auth/access.ts';
import { createPasswordLink } from '../auth/password-links.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import { type EmailOutcome, sendLinkMail } from '../mail/mailer.ts';
import { type CreatedUser, type CreateUserOptions, createUser, readUsers, type UserInfo } from './service.ts';

/** Who is acting: the actor, and for a partner admin their partner and own user id. */
export interface Manager {
  actor: Actor;
  /** Set for a partner admin: only this partner's users exist for them. */
  partnerId?: string | undefined;
  /** The acting user's id (they may not deactivate or demote themselves). */
  selfId?: string | undefined;
}

export interface UserChanges {
  role?: Role | undefined;
  disabled?: boolean | undefined;
  /** Only operators: the partner for a partner role, null for an operator. */
  partnerId?: string | null | undefined;
}

function noSuchUser(): AppError {
  return new AppError('not_found', 'No such user');
}

type Row = typeof users.$inferSelect;

/** The user row, locked for the change; 404 when it is out of the manager's reach. */
async function reachableUser(tx: Tx, manager: Manager, userId: string): Promise<Row> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!row) throw noSuchUser();
  if (manager.partnerId !== undefined && row.partnerId !== manager.partnerId) throw noSuchUser();
  return row;
}

async function infoOf(deps: AppDeps, userId: string): Promise<UserInfo> {
  const [user] = await readUsers(deps.db, deps.clock.now(), eq(users.id, userId));
  return user!;
}

function audited(row: Row) {
  return {
    email: row.email,
    role: row.role,
    partnerId: row.partnerId,
    disabled: row.disabled,
  };
}

export async function updateUser(
  deps: AppDeps,
  options: { userId: string; changes: UserChanges; manager: Manager },
): Promise<UserInfo> {
  const { changes, manager } = options;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await reachableUser(tx, manager, options.userId);
    const role = changes.role ?? (before.role as Role);
    const partnerId = changes.partnerId !== undefined ? changes.partnerId : before.partnerId;
    const disabled = changes.disabled ?? before.disabled;
    if (manager.partnerId !== undefined && changes.partnerId !== undefined)
      throw validationError([
        { path: 'partnerId', message: 'a partner admin cannot move users to another partner' },
      ]);
    if (role === 'operator' && partnerId !== null) {
      throw validationError([
        {
          path: 'partnerId',
          message: `an operator belongs to no partner: to make ${before.email} an operator, also send "partnerId": null`,
        },
      ]);
    }
    if (role !== 'operator' && partnerId === null) {
      throw validationError([
        {
          path: 'partnerId',
          message: `a ${role} needs a partner: send the partnerId of ${before.email}'s partner`,
        },
      ]);
    }
    if (partnerId !== null && partnerId !== before.partnerId) {
      const [partner] = await tx
        .select({ id: partners.partnerId })
        .from(partners)
        .where(eq(partners.partnerId, partnerId));
      if (!partner) throw validationError([{ path: 'partnerId', message: `no partner ${partnerId}` }]);
    }
    if (manager.selfId === before.id) {
      if (disabled && !before.disabled)
        throw new AppError('conflict', 'You cannot deactivate yourself; ask another admin to do it');
      if (role !== before.role)
        throw new AppError('conflict', 'You cannot change your own role; ask another admin to do it');
    }
    if (role === before.role && partnerId === before.partnerId && disabled === before.disabled) return;
    const [after] = await tx
      .update(users)
      .set({ role, partnerId, disabled, updatedAt: now })
      .where(eq(users.id, before.id))
      .returning();
    // Deactivating signs the user out everywhere at once; their API tokens stop working
    // because every token check asks whether its creator is still active.
    const sessionsRevoked = disabled && !before.disabled ? await revokeUserSessions(tx, before.id, now) : 0;
    await recordAudit(tx, {
      actor: manager.actor,
      at: now,
      action: 'user.update',
      entity: 'user',
      entityId: before.id,
      partnerId: after!.partnerId ?? before.partnerId,
      before: audited(before),
      after: { ...audited(after!), ...(sessionsRevoked > 0 ? { sessionsRevoked } : {}) },
    });
  });
  return infoOf(deps, options.userId);
}

export interface Invitation extends EmailOutcome {
  user: UserInfo;
  setPasswordLink: { url: string; expiresAt: string };
}

async function mailInvitation(
  deps: AppDeps,
  user: { email: string; locale: Locale },
  link: { url: string; expiresAt: string },
): Promise<EmailOutcome> {
  return sendLinkMail(deps.config, {
    kind: 'invitation',
    to: user.email,
    locale: user.locale,
    link: { url: link.url, expiresAt: new Date(link.expiresAt) },
  });
}

/** A fresh one-time set-password link for a user who has no password; older links stop working. */
export async function resendInvitation(
  deps: AppDeps,
  options: { userId: string; manager: Manager },
): Promise<Invitation> {
  const now = deps.clock.now();
  const { row, link } = await deps.db.transaction(async (tx) => {
    const row = await reachableUser(tx, options.manager, options.userId);
    if (row.passwordHash !== null)
      throw new AppError(
        'conflict',
        `${row.email} has set a password already: there is no invitation to resend`,
      );
    if (row.disabled)
      throw new AppError(
        'conflict',
        `${row.email} is deactivated: reactivate the user before resending the invitation`,
      );
    const voided = await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.userId, row.id), isNull(passwordTokens.usedAt)))
      .returning({ id: passwordTokens.id });
    const link = await createPasswordLink(tx, {
      userId: row.id,
      purpose: 'set',
      now,
      baseUrl: deps.config.baseUrl,
    });
    await recordAudit(tx, {
      actor: options.manager.actor,
      at: now,
      action: 'user.invite',
      entity: 'user',
      entityId: row.id,
      partnerId: row.partnerId,
      before: { openLinks: voided.length },
      after: { openLinks: 1, expiresAt: link.expiresAt.toISOString() },
    });
    return { row, link };
  });
  const setPasswordLink = { url: link.url, expiresAt: link.expiresAt.toISOString() };
  const email = await mailInvitation(
    deps,
    { email: row.email, locale: row.locale as Locale },
    setPasswordLink,
  );
  return { user: await infoOf(deps, row.id), setPasswordLink, ...email };
}

/** Creates a user with a set-password link, then emails it when SMTP is configured. */
export async function inviteUser(
  deps: AppDeps,
  options: Omit<CreateUserOptions, 'password'>,
): Promise<CreatedUser & EmailOutcome> {
  const created = await createUser(deps, options);
  const link = created.setPasswordLink!;
  const email = await mailInvitation(deps, created.user, link);
  return { ...created, ...email };
}
