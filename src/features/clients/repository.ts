// SQL of a partner's clients. Partner id first; every query is scoped to the partner's
// clients. Dates, numerics and counts are cast to text/int so both drivers return the same.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';

/** Is this a client of the partner: one it manages or managed, or has a deal with? */
export async function isPartnerClient(db: Queryable, partnerId: string, clientId: string): Promise<boolean> {
  return (await partnerClientIds(db, partnerId, [clientId])).size > 0;
}

/** Which of these ids are clients of the partner (managed now or before, or a deal with it). */
export async function partnerClientIds(
  db: Queryable,
  partnerId: string,
  clientIds: readonly string[],
): Promise<Set<string>> {
  if (clientIds.length === 0) return new Set();
  const ids = sql.param([...new Set(clientIds)]);
  const found = await rows<{ clientId: string }>(
    db,
    sql`select client_id as "clientId" from managements where partner_id = ${partnerId} and client_id = any(${ids})
        union
        select client_id from deals where partner_id = ${partnerId} and client_id = any(${ids})`,
  );
  return new Set(found.map((r) => r.clientId));
}

export interface CurrentClientRow {
  clientId: string;
  name: string;
  country: string;
  currency: string;
  /** The vendor's links for the client (the row menu's "Go to client's account", "Company in CRM"). */
  accountUrl: string | null;
  crmUrl: string | null;
  managed: boolean;
  sold: boolean;
  /** Remaining points of the active entries (as of the derivation date), numeric text. */
  sourced: string;
  assisted: string;
  /** The growth multiplier applied to one of the active entries. */
  soldGrowth: boolean;
}

export interface CurrentClientFilter {
  /** Part of the client's name or id, case-insensitive. */
  q?: string | undefined;
  dealType?: 'sourced' | 'assisted' | undefined;
  /** Only these clients. */
  clientIds?: readonly string[] | undefined;
  /** Whether to read the growth mark of the entries (a jsonb field: it costs a third of the query). */
  growth?: boolean;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The clients attributed to the partner on `on` (rules §7: managed on that day, or with an
 * active sold entry of the partner), with the relationship and the sold points per client.
 * With a deal type, only clients with an active entry of that type, and only its points.
 */
export async function currentClients(
  db: Queryable,
  partnerId: string,
  on: IsoDate,
  filter: CurrentClientFilter = {},
): Promise<CurrentClientRow[]> {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(sql`(c.name ilike ${pattern} or c.client_id ilike ${pattern})`);
  }
  if (filter.clientIds) conditions.push(sql`c.client_id = any(${sql.param([...filter.clientIds])})`);
  const typeFilter = filter.dealType ? sql`and deal_type = ${filter.dealType}` : sql``;
  const ids = filter.dealType
    ? sql`select client_id from sold`
    : sql`select client_id from managed union select client_id from sold`;
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  return rows<CurrentClientRow>(
    db,
    sql`with managed as (
          select distinct client_id from managements
          where partner_id = ${partnerId} and start_date <= ${on} and (end_date is null or end_date > ${on})
        ), sold as (
          select client_id,
                 coalesce(sum(remaining_points) filter (where deal_type = 'sourced'), 0) as sourced,
                 coalesce(sum(remaining_points) filter (where deal_type = 'assisted'), 0) as assisted,
                 ${filter.growth ? sql`bool_or((explanation->>'growthMarket')::boolean)` : sql`false`} as growth
          from sold_entries
          where partner_id = ${partnerId} and earned_on <= ${on} and expires_on > ${on} ${typeFilter}
          group by client_id
        ), ids as (${ids})
        select c.client_id as "clientId", c.name, c.country, c.currency,
               c.account_url as "accountUrl", c.crm_url as "crmUrl",
               (m.client_id is not null) as managed, (s.client_id is not null) as sold,
               coalesce(s.sourced, 0)::text as sourced, coalesce(s.assisted, 0)::text as assisted,
               coalesce(s.growth, false) as "soldGrowth"
        from ids join clients c on c.client_id = ids.client_id
        left join managed m on m.client_id = c.client_id
        left join sold s on s.client_id = c.client_id
        ${where}`,
  );
}

export interface LineLevel {
  clientId: string;
  product: string;
  /** numeric text */
  mrr: string;
}

/** Each product line's MRR on `on` (its latest change on or before it; same-date changes in change-id code-point order), where above zero. */
export async function lineLevels(
  db: Queryable,
  clientIds: readonly string[],
  on: IsoDate,
): Promise<LineLevel[]> {
  if (clientIds.length === 0) return [];
  return rows<LineLevel>(
    db,
    sql`select "clientId", product, mrr from (
          select distinct on (client_id, product) client_id as "clientId", product, mrr_after::text as mrr, mrr_after
          from mrr_changes
          where client_id = any(${sql.param([...clientIds])}) and date <= ${on}
          order by client_id, product, date desc, change_id collate "C" desc
        ) l where mrr_after > 0`,
  );
}

export interface ManagerCount {
  clientId: string;
  managers: number;
  includesPartner: boolean;
}

/** How many distinct partners manage each client on `on`, and whether the partner is one. */
export async function managerCounts(
  db: Queryable,
  partnerId: string,
  clientIds: readonly string[],
  on: IsoDate,
): Promise<ManagerCount[]> {
  if (clientIds.length === 0) return [];
  return rows<ManagerCount>(
    db,
    sql`select client_id as "clientId", count(distinct partner_id)::int as managers,
               bool_or(partner_id = ${partnerId}) as "includesPartner"
        from managements
        where client_id = any(${sql.param([...clientIds])}) and start_date <= ${on}
          and (end_date is null or end_date > ${on})
        group by client_id`,
  );
}

export interface UsageRow {
  clientId: string;
  month: string;
  toolsUsed: number;
  engagementScore: number | null;
  productsUsed: string[];
  appsUsed: string[];
  lastActiveUser: string | null;
  lastActiveOn: string | null;
}

const usageColumns = sql`client_id as "clientId", month, tools_used as "toolsUsed",
  engagement_score as "engagementScore", products_used as "productsUsed", apps_used as "appsUsed",
  last_active_user as "lastActiveUser", last_active_on::text as "lastActiveOn"`;

/** Each client's latest usage month up to `month` (YYYY-MM). */
export async function latestUsage(
  db: Queryable,
  clientIds: readonly string[],
  month: string,
): Promise<UsageRow[]> {
  if (clientIds.length === 0) return [];
  return rows<UsageRow>(
    db,
    sql`select distinct on (client_id) ${usageColumns} from usage
        where client_id = any(${sql.param([...clientIds])}) and month <= ${month}
        order by client_id, month desc`,
  );
}

/** One client's usage months, newest first. */
export async function usageHistory(db: Queryable, clientId: string, limit: number): Promise<UsageRow[]> {
  return rows<UsageRow>(
    db,
    sql`select ${usageColumns} from usage where client_id = ${clientId} order by month desc limit ${limit}`,
  );
}
