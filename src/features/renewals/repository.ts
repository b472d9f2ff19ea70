// SQL of upcoming renewals: the renewals of the clients attributed to the partner on a day
// (managed, or with an active sold entry), dated in [on, on + horizon]. Partner id first.
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';

export interface RenewalRow {
  clientId: string;
  clientName: string;
  currency: string;
  product: string;
  renewalDate: string;
  status: 'pending' | 'confirmed' | 'renewed' | 'cancellation_requested';
  projectedMrrChange: string | null;
  renewalManager: string | null;
  communicationOwner: string | null;
  lastActiveUser: string | null;
  lastActiveOn: string | null;
}

export async function upcomingRenewalRows(
  db: Queryable,
  partnerId: string,
  on: IsoDate,
  horizonDays: number,
): Promise<RenewalRow[]> {
  return rows<RenewalRow>(
    db,
    sql`with attributed as (
          select client_id from managements
          where partner_id = ${partnerId} and start_date <= ${on} and (end_date is null or end_date > ${on})
          union
          select client_id from sold_entries
          where partner_id = ${partnerId} and earned_on <= ${on} and expires_on > ${on}
        )
        select r.client_id as "clientId", c.name as "clientName", c.currency, r.product,
               r.renewal_date::text as "renewalDate", r.status, r.projected_mrr_change::text as "projectedMrrChange",
               r.renewal_manager as "renewalManager", r.communication_owner as "communicationOwner",
               u.last_active_user as "lastActiveUser", u.last_active_on as "lastActiveOn"
        from renewals r
        join attributed a on a.client_id = r.client_id
        join clients c on c.client_id = r.client_id
        left join lateral (
          select last_active_user, last_active_on::text from usage
          where usage.client_id = r.client_id and last_active_user is not null
          order by month desc limit 1
        ) u on true
        where r.renewal_date >= ${on}::date and r.renewal_date <= ${on}::date + ${horizonDays}::int`,
  );
}
