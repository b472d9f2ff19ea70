// SQL of point changes over a date range (rules §6), read from the derived tables: sold
// entries earned or expiring in the range, and losses to decreases dated in it. Partner id
// first. An expiring entry counts the points it still held, which the derivation stored as
// its remaining points (decreases only consume active entries, so nothing changes them
// after expiry).
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { ChangeCategory } from '../../domain/changes.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { EntryExplanation } from '../../domain/sold.ts';

export type SoldCategory = Exclude<ChangeCategory, 'newManaged' | 'lostManaged'>;
export const SOLD_CATEGORIES: readonly SoldCategory[] = [
  'newSold',
  'increasedSold',
  'expiredSold',
  'decreasedSold',
  'declinedSold',
];

export interface SoldSum {
  category: SoldCategory;
  /** 'YYYY-MM', when grouped by month. */
  month: string | null;
  clientId: string | null;
  /** numeric text */
  points: string;
  items: number;
}

/** Sums of the sold categories in [from, to], grouped by category and optionally month and client. */
export async function soldSums(
  db: Queryable,
  partnerId: string,
  range: { from: IsoDate; to: IsoDate },
  by: { month?: boolean; client?: boolean; clientIds?: readonly string[] } = {},
): Promise<SoldSum[]> {
  const { from, to } = range;
  const month = (column: SQL) => (by.month ? sql`to_char(${column}, 'YYYY-MM')` : sql`null::text`);
  const client = by.client ? sql`client_id` : sql`null::text`;
  const only = by.clientIds ? sql`and client_id = any(${sql.param([...by.clientIds])})` : sql``;
  return rows<SoldSum>(
    db,
    sql`select category, month, "clientId", sum(points)::text as points, sum(items)::int as items from (
          select case kind when 'new' then 'newSold' else 'increasedSold' end as category,
                 ${month(sql`earned_on`)} as month, ${client} as "clientId", points, 1 as items
          from sold_entries
          where partner_id = ${partnerId} and earned_on >= ${from} and earned_on <= ${to} ${only}
          union all
          select 'expiredSold', ${month(sql`expires_on`)}, ${client}, remaining_points, 1
          from sold_entries
          where partner_id = ${partnerId} and expires_on >= ${from} and expires_on <= ${to}
            and remaining_points > 0 ${only}
          union all
          select case kind when 'declined' then 'declinedSold' else 'decreasedSold' end,
                 ${month(sql`date`)}, ${client}, points, 1
          from point_losses
          where partner_id = ${partnerId} and date >= ${from} and date <= ${to} and points > 0 ${only}
        ) x group by category, month, "clientId"`,
  );
}

export interface SoldItemRow {
  clientId: string;
  clientName: string;
  date: string;
  points: string;
  product: string;
  entryId: string;
  changeId: string | null;
  dealId: string | null;
  dealType: 'sourced' | 'assisted';
  explanation: EntryExplanation;
}

/** The entries (or losses) behind one sold category in [from, to], with client names. */
export async function soldItems(
  db: Queryable,
  partnerId: string,
  range: { from: IsoDate; to: IsoDate },
  category: SoldCategory,
): Promise<SoldItemRow[]> {
  const { from, to } = range;
  const columns = sql`e.client_id as "clientId", c.name as "clientName", e.product, e.entry_id as "entryId",
    e.deal_id as "dealId", e.deal_type as "dealType", e.explanation`;
  let query: SQL;
  if (category === 'newSold' || category === 'increasedSold') {
    query = sql`select ${columns}, e.earned_on::text as date, e.points::text as points, e.change_id as "changeId"
      from sold_entries e join clients c on c.client_id = e.client_id
      where e.partner_id = ${partnerId} and e.earned_on >= ${from} and e.earned_on <= ${to}
        and e.kind = ${category === 'newSold' ? 'new' : 'increased'} and e.points > 0`;
  } else if (category === 'expiredSold') {
    query = sql`select ${columns}, e.expires_on::text as date, e.remaining_points::text as points, null as "changeId"
      from sold_entries e join clients c on c.client_id = e.client_id
      where e.partner_id = ${partnerId} and e.expires_on >= ${from} and e.expires_on <= ${to}
        and e.remaining_points > 0`;
  } else {
    query = sql`select ${columns}, l.date::text as date, l.points::text as points, l.change_id as "changeId"
      from point_losses l
      join sold_entries e on e.partner_id = l.partner_id and e.entry_id = l.entry_id
      join clients c on c.client_id = e.client_id
      where l.partner_id = ${partnerId} and l.date >= ${from} and l.date <= ${to} and l.points > 0
        and l.kind = ${category === 'declinedSold' ? 'declined' : 'decreased'}`;
  }
  return rows<SoldItemRow>(db, query);
}

export interface ManagedClientRef {
  clientId: string;
  name: string;
  country: string;
  currency: string;
}

/** The clients the partner manages on a day. */
export async function managedClientsOn(
  db: Queryable,
  partnerId: string,
  on: IsoDate,
): Promise<ManagedClientRef[]> {
  return rows<ManagedClientRef>(
    db,
    sql`select c.client_id as "clientId", c.name, c.country, c.currency from clients c
        where c.client_id in (
          select client_id from managements
          where partner_id = ${partnerId} and start_date <= ${on} and (end_date is null or end_date > ${on}))`,
  );
}
