// SQL of shared sales: the partner's deals created in a range, its open sourced deals (in
// flight), its deals closed-won in a range, and its deal registrations submitted in a range
// (any status: the registration stands for the deal until the vendor's deal exists). Partner
// id first.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { RegistrationStatus } from '../../db/schema-registrations.ts';
import type { IsoDate } from '../../domain/dates.ts';

export const SALES_CATEGORIES = ['created', 'inFlight', 'closedWon', 'registered'] as const;
export type SalesCategory = (typeof SALES_CATEGORIES)[number];

type DealCategory = Exclude<SalesCategory, 'registered'>;

/** The day a registration was submitted (timestamps are kept in UTC). */
const submittedOn = sql`(r.submitted_at at time zone 'UTC')::date`;

function condition(category: DealCategory, from: IsoDate, to: IsoDate): SQL {
  switch (category) {
    case 'created':
      return sql`d.created_on >= ${from} and d.created_on <= ${to}`;
    case 'inFlight':
      return sql`d.type = 'sourced' and d.stage = 'open' and d.created_on <= ${to}`;
    case 'closedWon':
      return sql`d.stage = 'closed_won' and d.closed_on >= ${from} and d.closed_on <= ${to}`;
  }
}

export interface SalesSum {
  category: SalesCategory;
  currency: string;
  deals: number;
  /** numeric text */
  amount: string;
}

export async function salesSums(
  db: Queryable,
  partnerId: string,
  range: { from: IsoDate; to: IsoDate },
): Promise<SalesSum[]> {
  const parts = (['created', 'inFlight', 'closedWon'] as const).map(
    (c) => sql`select ${c} as category, d.currency, count(*)::int as deals, sum(d.amount)::text as amount
      from deals d where d.partner_id = ${partnerId} and ${condition(c, range.from, range.to)}
      group by d.currency`,
  );
  parts.push(sql`select 'registered' as category, r.currency, count(*)::int as deals,
      sum(r.expected_mrr)::text as amount
    from deal_registrations r
    where r.partner_id = ${partnerId} and ${submittedOn} >= ${range.from} and ${submittedOn} <= ${range.to}
    group by r.currency`);
  return rows<SalesSum>(db, sql.join(parts, sql` union all `));
}

export interface DealRow {
  dealId: string;
  name: string | null;
  /** null: a registration of a company that is not yet a client. */
  clientId: string | null;
  clientName: string;
  type: 'sourced' | 'assisted';
  stage: 'open' | 'closed_won' | 'closed_lost';
  createdOn: string;
  closedOn: string | null;
  amount: string;
  currency: string;
  products: string[];
  /** Registrations only. */
  registrationId?: string;
  registrationStatus?: RegistrationStatus;
  expectedCloseDate?: string;
}

export async function salesDeals(
  db: Queryable,
  partnerId: string,
  range: { from: IsoDate; to: IsoDate },
  category: SalesCategory,
): Promise<DealRow[]> {
  if (category === 'registered') return salesRegistrations(db, partnerId, range);
  return rows<DealRow>(
    db,
    sql`select d.deal_id as "dealId", d.name, d.client_id as "clientId", c.name as "clientName", d.type, d.stage,
               d.created_on::text as "createdOn", d.closed_on::text as "closedOn", d.amount::text as amount,
               d.currency, d.products
        from deals d join clients c on c.client_id = d.client_id
        where d.partner_id = ${partnerId} and ${condition(category, range.from, range.to)}`,
  );
}

/** Registrations as shared-sales rows: the vendor's deal id once known, else the registration's. */
function salesRegistrations(
  db: Queryable,
  partnerId: string,
  range: { from: IsoDate; to: IsoDate },
): Promise<DealRow[]> {
  return rows<DealRow>(
    db,
    sql`select coalesce(r.deal_id, r.id::text) as "dealId", null as name, r.client_id as "clientId",
               r.client_name as "clientName", r.deal_type as type,
               case r.status when 'won' then 'closed_won' when 'lost' then 'closed_lost' else 'open' end as stage,
               ${submittedOn}::text as "createdOn", null as "closedOn", r.expected_mrr::text as amount,
               r.currency, r.products, r.id::text as "registrationId", r.status as "registrationStatus",
               r.expected_close_date::text as "expectedCloseDate"
        from deal_registrations r
        where r.partner_id = ${partnerId} and ${submittedOn} >= ${range.from} and ${submittedOn} <= ${range.to}`,
  );
}
