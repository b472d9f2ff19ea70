// SQL of sold point changes over a date range for every partner at once, per partner and
// client: the same sources and conditions as the per-partner drill-down
// (point-changes/repository.ts soldItems), so the sums agree with it.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { SoldCategory } from '../point-changes/repository.ts';
import type { DateRange } from '../portal/dates.ts';

export interface PartnerClientSum {
  partnerId: string;
  clientId: string;
  category: SoldCategory;
  /** numeric text */
  points: string;
}

/** Per partner, client and category: the points of the sold categories in the range. */
export async function soldSumsByPartner(
  db: Queryable,
  range: DateRange,
  categories: readonly SoldCategory[],
  partnerId: string | null,
): Promise<PartnerClientSum[]> {
  const { from, to } = range;
  const only = (column: SQL) => (partnerId === null ? sql`` : sql`and ${column} = ${partnerId}`);
  const parts: SQL[] = [];
  const earned = categories.filter((c) => c === 'newSold' || c === 'increasedSold');
  if (earned.length > 0)
    parts.push(sql`select partner_id, client_id,
        case kind when 'new' then 'newSold' else 'increasedSold' end as category, points
      from sold_entries
      where earned_on >= ${from} and earned_on <= ${to} and points > 0 ${only(sql`partner_id`)}
        and kind = any(${sql.param(earned.map((c) => (c === 'newSold' ? 'new' : 'increased')))})`);
  if (categories.includes('expiredSold'))
    parts.push(sql`select partner_id, client_id, 'expiredSold' as category, remaining_points as points
      from sold_entries
      where expires_on >= ${from} and expires_on <= ${to} and remaining_points > 0 ${only(sql`partner_id`)}`);
  const lost = categories.filter((c) => c === 'decreasedSold' || c === 'declinedSold');
  if (lost.length > 0)
    parts.push(sql`select l.partner_id, e.client_id,
        case l.kind when 'declined' then 'declinedSold' else 'decreasedSold' end as category, l.points
      from point_losses l join sold_entries e on e.partner_id = l.partner_id and e.entry_id = l.entry_id
      where l.date >= ${from} and l.date <= ${to} and l.points > 0 ${only(sql`l.partner_id`)}
        and l.kind = any(${sql.param(lost.map((c) => (c === 'declinedSold' ? 'declined' : 'decreased')))})`);
  if (parts.length === 0) return [];
  return rows<PartnerClientSum>(
    db,
    sql`select partner_id as "partnerId", client_id as "clientId", category, sum(points)::text as points
        from (${sql.join(parts, sql` union all `)}) x
        group by partner_id, client_id, category`,
  );
}

/** Partner names by id: every partner, or the one asked for. */
export async function partnerNames(db: Queryable, partnerId: string | null): Promise<Map<string, string>> {
  const found = await rows<{ partnerId: string; name: string }>(
    db,
    sql`select partner_id as "partnerId", name from partners
        where ${partnerId === null ? sql`true` : sql`partner_id = ${partnerId}`} order by partner_id`,
  );
  return new Map(found.map((r) => [r.partnerId, r.name]));
}
