// Sign-in rate limiting and lockout, kept in PostgreSQL (login_attempts) so every instance
// sees the same counts.
//
// - Per email: from the 5th failure within 15 minutes (since the last success), the email
//   is locked from its latest failure for 30 s, doubling with each further failure, capped
//   at 15 minutes. Refused attempts are recorded as 'blocked' and never counted, so an
//   attacker cannot extend a lock by hammering it: 15 minutes after the last counted
//   failure every lock has ended, and as the window is 15 minutes the count starts over.
// - A known address (one that signed in to this email within 30 days) is judged by its
//   own failures only, so an attacker elsewhere cannot lock the user out of their usual
//   place at all.
// - Per address: from the 20th failure within 15 minutes (any emails), the same growing,
//   capped lock.
// Each attempt is recorded as a failure *before* the password is checked (and turned into
// a success after), under an advisory lock per email, so parallel guesses count each other.
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client.ts';
import { rows } from '../../db/client.ts';
import { loginAttempts } from '../../db/schema.ts';

export const LOGIN_LIMIT = {
  windowMs: 15 * 60_000,
  emailThreshold: 5,
  ipThreshold: 20,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  knownAddressMs: 30 * 24 * 3_600_000,
} as const;

/** How long `failures` failures lock, given the threshold: 0, then 30 s, 60 s, ... at most 15 min. */
export function lockDurationMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  const doublings = Math.min(failures - threshold, 20);
  return Math.min(LOGIN_LIMIT.maxLockMs, LOGIN_LIMIT.firstLockMs * 2 ** doublings);
}

interface Count {
  n: number;
  last_ms: number | null;
}

function lockedUntil(count: Count | undefined, threshold: number): number {
  if (!count || count.n < threshold || count.last_ms === null) return 0;
  return count.last_ms + lockDurationMs(count.n, threshold);
}

async function failuresFor(
  db: Queryable,
  filter: { email?: string; ip?: string },
  now: Date,
): Promise<Count | undefined> {
  const since = new Date(now.getTime() - LOGIN_LIMIT.windowMs);
  const match = (alias: string) =>
    sql.join(
      [
        ...(filter.email !== undefined ? [sql`${sql.raw(alias)}.email = ${filter.email}`] : []),
        ...(filter.ip !== undefined ? [sql`${sql.raw(alias)}.ip = ${filter.ip}`] : []),
      ],
      sql` and `,
    );
  // Failures within the window; for an email, only those after its last success (an
  // address's count is not reset by signing in to some account of one's own).
  const sinceSuccess =
    filter.email === undefined
      ? sql``
      : sql`and not exists (select 1 from login_attempts s
                            where ${match('s')} and s.outcome = 'success' and s.at >= f.at)`;
  const [count] = await rows<Count>(
    db,
    sql`select count(*)::int as n, (extract(epoch from max(f.at)) * 1000)::float8 as last_ms
        from login_attempts f
        where ${match('f')} and f.outcome = 'failure' and f.at > ${since} ${sinceSuccess}`,
  );
  return count;
}

export type LimitDecision =
  | { allowed: true; attemptId: number }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Decides whether a sign-in attempt may proceed and records it: as a pending failure when
 * allowed (settle it with recordSuccess), as 'blocked' when not.
 */
export async function beginLoginAttempt(
  db: Db,
  attempt: { email: string; ip: string; now: Date },
): Promise<LimitDecision> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login:${attempt.email}`}, 0))`);
    const { email, ip, now } = attempt;
    const [known] = await rows<{ known: boolean }>(
      tx,
      sql`select exists (select 1 from login_attempts where email = ${email} and ip = ${ip}
            and outcome = 'success' and at > ${new Date(now.getTime() - LOGIN_LIMIT.knownAddressMs)}) as known`,
    );
    const emailCount = await failuresFor(tx, known?.known ? { email, ip } : { email }, now);
    const ipCount = await failuresFor(tx, { ip }, now);
    const until = Math.max(
      lockedUntil(emailCount, LOGIN_LIMIT.emailThreshold),
      lockedUntil(ipCount, LOGIN_LIMIT.ipThreshold),
    );
    const blocked = until > now.getTime();
    const [row] = await tx
      .insert(loginAttempts)
      .values({ at: now, email, ip, outcome: blocked ? 'blocked' : 'failure' })
      .returning({ id: loginAttempts.id });
    if (blocked) return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
    return { allowed: true, attemptId: row!.id };
  });
}

export async function recordLoginSuccess(db: Queryable, attemptId: number): Promise<void> {
  await db.execute(sql`update login_attempts set outcome = 'success' where id = ${attemptId}`);
}
