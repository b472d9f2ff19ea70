// SQL of the dashboard summary: one round trip reads the partner, its derived state (as of
// the last derivation) and the program version; for a signed-in browser, the session check
// is in that round trip too (summaryPreload). Partner id first.
import { eq, sql } from 'drizzle-orm';
import { batchedQuery } from '../../db/batched.ts';
import { type Queryable, rows } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { partnerState, partners, sessions, users } from '../../db/schema.ts';
import {
  liveSession,
  type SessionPreload,
  type SessionRow,
  sessionColumns,
  sessionKey,
  sessionKeys,
  sessionOfKey,
} from '../auth/sessions.ts';

export interface SummaryRow {
  partnerId: string;
  name: string;
  country: string;
  currency: string;
  programVersion: number | null;
  /** Null when the partner was never derived. */
  asOf: string | null;
  sourced: string | null;
  assisted: string | null;
  managed: string | null;
  certified: boolean | null;
  performance: string | null;
  credited: string | null;
  metrics: Record<string, unknown> | null;
  insights: Record<string, unknown> | null;
}

const summaryColumns = {
  partnerId: partners.partnerId,
  name: partners.name,
  country: partners.country,
  currency: partners.currency,
  programVersion: sql<number | null>`(select max(version) from program_versions)`,
  asOf: partnerState.asOf,
  sourced: partnerState.sourced,
  assisted: partnerState.assisted,
  managed: partnerState.managed,
  certified: partnerState.certified,
  performance: partnerState.performance,
  credited: partnerState.credited,
  metrics: partnerState.metrics,
  insights: partnerState.insights,
};

// The summary is the hottest query of the API: a named prepared statement (parsed and
// planned once per connection) answers about twice as many requests per second as the
// same text sent unnamed.
const summaryQuery = preparedQuery('portal_dashboard_summary', (db) =>
  db
    .select(summaryColumns)
    .from(partners)
    .leftJoin(partnerState, eq(partnerState.partnerId, partners.partnerId))
    .where(eq(partners.partnerId, sql.placeholder('partnerId'))),
);

export async function summaryRow(db: Queryable, partnerId: string): Promise<SummaryRow | undefined> {
  const [row] = await summaryQuery(db).execute({ partnerId });
  return row as SummaryRow | undefined;
}

// A browser's request for the summary: the session lookup and the summary in one query,
// shared by the requests that arrive together (batchedQuery).
type SessionAndSummary = SessionRow & { i: number; summary: SummaryRow };
const sessionAndSummaryQuery = batchedQuery<ReturnType<typeof sessionKey>, SessionAndSummary>(
  'auth_session_dashboard_summary',
  (db) =>
    db
      .select({
        i: sql<number>`k.i`,
        ...sessionColumns,
        partnerExists: sql<boolean>`${partners.partnerId} is not null`,
        summary: summaryColumns,
      })
      .from(sessionKeys)
      .innerJoin(sessions, sessionOfKey)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(partners, eq(partners.partnerId, sql`k.partner_id`))
      .leftJoin(partnerState, eq(partnerState.partnerId, partners.partnerId))
      .where(liveSession),
);

/** The summary row, read with the session (the authentication hook's preload). */
export const summaryPreload: SessionPreload<SummaryRow | undefined> = {
  async lookup(db, args) {
    const row = await sessionAndSummaryQuery(db)(sessionKey(args));
    if (!row) return undefined;
    const { summary, i: _, ...session } = row;
    return { ...session, preload: session.partnerExists ? summary : undefined };
  },
};

/**
 * Renewals awaiting a decision whose deadline is within the horizon (rules §10), over the
 * clients attributed to the partner on `on`. Only for derived rows written before the
 * derivation counted them itself (metrics.renewalAlerts).
 */
export async function countRenewalAlerts(
  db: Queryable,
  partnerId: string,
  on: string,
  horizonDays: number,
  leadDays: number,
): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`with attributed as (
          select client_id from managements
          where partner_id = ${partnerId} and start_date <= ${on} and (end_date is null or end_date > ${on})
          union
          select client_id from sold_entries
          where partner_id = ${partnerId} and earned_on <= ${on} and expires_on > ${on}
        )
        select count(*)::int as n from renewals r join attributed a on a.client_id = r.client_id
        where r.status in ('pending', 'cancellation_requested') and r.renewal_date >= ${on}::date
          and r.renewal_date - ${leadDays}::int <= ${on}::date + ${horizonDays}::int`,
  );
  return row?.n ?? 0;
}
