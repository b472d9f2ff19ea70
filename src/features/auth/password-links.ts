// One-time password links: 'set' for a new user (valid 7 days) and 'reset' for a forgotten
// password (valid 1 hour). The token travels only in the link; the database keeps its hash.
// Using a link is one conditional UPDATE, so it works once even when used twice at once.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { AppError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import { passwordTokens, users } from '../../db/schema.ts';
import { recordAudit } from '../audit/service.ts';
import { hashPassword } from './password.ts';
import { newToken, sha256 } from './secrets.ts';
import { revokeUserSessions } from './sessions.ts';

export type LinkPurpose = 'set' | 'reset';

export const LINK_TTL_MS: Record<LinkPurpose, number> = {
  set: 7 * 24 * 3_600_000,
  reset: 3_600_000,
};

export interface PasswordLink {
  url: string;
  expiresAt: Date;
}

/** Where the web app's set-password page lives; the token is a query parameter. */
export function passwordLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/set-password?token=${encodeURIComponent(token)}`;
}

export async function createPasswordLink(
  db: Queryable,
  options: { userId: string; purpose: LinkPurpose; now: Date; baseUrl: string },
): Promise<PasswordLink> {
  const token = newToken('twp_');
  const expiresAt = new Date(options.now.getTime() + LINK_TTL_MS[options.purpose]);
  await db.insert(passwordTokens).values({
    id: randomUUID(),
    tokenHash: sha256(token),
    userId: options.userId,
    purpose: options.purpose,
    createdAt: options.now,
    expiresAt,
  });
  return { url: passwordLinkUrl(options.baseUrl, token), expiresAt };
}

function invalidLink(): AppError {
  return new AppError(
    'not_found',
    'This link is not valid: it was used already, has expired, or never existed',
  );
}

/**
 * Sets a password with a one-time link: marks the link used, stores the new hash, voids the
 * user's other open links and signs the user out everywhere, in one transaction.
 */
export async function usePasswordLink(
  deps: AppDeps,
  options: { token: string; password: string },
): Promise<void> {
  const passwordHash = await hashPassword(options.password);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [link] = await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordTokens.tokenHash, sha256(options.token)),
          isNull(passwordTokens.usedAt),
          gt(passwordTokens.expiresAt, now),
        ),
      )
      .returning({ id: passwordTokens.id, userId: passwordTokens.userId, purpose: passwordTokens.purpose });
    if (!link) throw invalidLink();
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(and(eq(users.id, link.userId), eq(users.disabled, false)))
      .returning({ id: users.id, partnerId: users.partnerId });
    if (!user) throw invalidLink();
    await tx
      .update(passwordTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordTokens.userId, user.id), isNull(passwordTokens.usedAt)));
    const signedOut = await revokeUserSessions(tx, user.id, now);
    await recordAudit(tx, {
      actor: { kind: 'user', userId: user.id },
      at: now,
      action: link.purpose === 'set' ? 'user.password_set' : 'user.password_reset',
      entity: 'user',
      entityId: user.id,
      partnerId: user.partnerId,
      before: null,
      after: { passwordChanged: true, sessionsRevoked: signedOut },
    });
  });
}
