// Sign-in rate limiting and lockout, kept in PostgreSQL (login_attempts) so every instance
// sees the same counts.
//
// - Per email: failures form a streak until a success or a quiet gap of 15 minutes. From
//   the 5th failure of a streak the email is locked from its latest failure for 30 s,
//   doubling with each further failure, capped at 15 minutes. Refused attempts are recorded
//   as 'blocked' and never counted, so an attacker cannot extend a lock by hammering it:
//   15 minutes after the last counted failure every lock has ended, and as that gap also
//   ends the streak, the count starts over.
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
  /** How far back a streak is looked for (longer than any streak that can still lock). */
  lookbackMs: 24 * 3_600_000,
} as const;

/** How long `failures` failures lock, given the threshold: 0, then 30 s, 60 s, ... at most 15 min. */
export function lockDurationMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  const doublings = Math.min(failures - threshold, 20);
  return Math.min(LOGIN_LIMIT.maxLockMs, LOGIN_LIMIT.firstLockMs * 2 ** doublings);
}

interface Streak {
  /** Failures in the current streak. */
  n: number;
  /** When the newest of them happened (ms). */
  lastMs: number;
}

function lockedUntil(streak: Streak, threshold: number): number {
  return streak.n < threshold ? 0 : streak.lastMs + lockDurationMs(streak.n, threshold);
}

/**
 * The current streak of failures, newest first: it ends at a success (for an email; an
 * address's streak is not ended by signing in to some account of one's own) or at a quiet
 * gap of a whole window between two failures. Refused ('blocked') attempts do not count.
 */
async function failureStreak(
  db: Queryable,
  filter: { email?: string; ip?: string },
  now: Date,
): Promise<Streak> {
  const conditions = [
    ...(filter.email !== undefined ? [sql`email = ${filter.email}`] : []),
    ...(filter.ip !== undefined ? [sql`ip = ${filter.ip}`] : []),
  ];
  const recent = await rows<{ outcome: string; at_ms: number }>(
    db,
    sql`select outcome, (extract(epoch from at) * 1000)::float8 as at_ms
        from login_attempts
        where ${sql.join(conditions, sql` and `)} and outcome <> 'blocked'
          and at > ${new Date(now.getTime() - LOGIN_LIMIT.lookbackMs)}
        order by at desc, id desc
        limit 100`,
  );
  let n = 0;
  let lastMs = 0;
  let previous: number | undefined;
  for (const attempt of recent) {
    if (attempt.outcome === 'success') {
      if (filter.email !== undefined) break;
      continue;
    }
    if (previous !== undefined && previous - attempt.at_ms >= LOGIN_LIMIT.windowMs) break;
    if (n === 0) lastMs = attempt.at_ms;
    n += 1;
    previous = attempt.at_ms;
  }
  return { n, lastMs };
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
    const emailStreak = await failureStreak(tx, known?.known ? { email, ip } : { email }, now);
    const ipStreak = await failureStreak(tx, { ip }, now);
    const until = Math.max(
      lockedUntil(emailStreak, LOGIN_LIMIT.emailThreshold),
      lockedUntil(ipStreak, LOGIN_LIMIT.ipThreshold),
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
