// SQL of the dashboard summary: one round trip reads the partner, its derived state (as of
// the last derivation) and the program version. Partner id first.
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';

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

export async function summaryRow(db: Queryable, partnerId: string): Promise<SummaryRow | undefined> {
  const [row] = await rows<SummaryRow>(
    db,
    sql`select p.partner_id as "partnerId", p.name, p.country, p.currency,
               (select max(version) from program_versions) as "programVersion",
               s.as_of::text as "asOf", s.sourced::text as sourced, s.assisted::text as assisted,
               s.managed::text as managed, s.certified, s.performance, s.credited, s.metrics, s.insights
        from partners p left join partner_state s on s.partner_id = p.partner_id
        where p.partner_id = ${partnerId}`,
  );
  return row;
}

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
