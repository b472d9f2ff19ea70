// SQL of shared sales: the partner's deals created in a range, its open sourced deals (in
// flight), and its deals closed-won in a range. Partner id first.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';

export const SALES_CATEGORIES = ['created', 'inFlight', 'closedWon'] as const;
export type SalesCategory = (typeof SALES_CATEGORIES)[number];

function condition(category: SalesCategory, from: IsoDate, to: IsoDate): SQL {
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
  const parts = ['created', 'inFlight', 'closedWon'].map(
    (c) => sql`select ${c} as category, d.currency, count(*)::int as deals, sum(d.amount)::text as amount
      from deals d where d.partner_id = ${partnerId} and ${condition(c as SalesCategory, range.from, range.to)}
      group by d.currency`,
  );
  return rows<SalesSum>(db, sql.join(parts, sql` union all `));
}

export interface DealRow {
  dealId: string;
  name: string | null;
  clientId: string;
  clientName: string;
  type: 'sourced' | 'assisted';
  stage: 'open' | 'closed_won' | 'closed_lost';
  createdOn: string;
  closedOn: string | null;
  amount: string;
  currency: string;
  products: string[];
}

export async function salesDeals(
  db: Queryable,
  partnerId: string,
  range: { from: IsoDate; to: IsoDate },
  category: SalesCategory,
): Promise<DealRow[]> {
  return rows<DealRow>(
    db,
    sql`select d.deal_id as "dealId", d.name, d.client_id as "clientId", c.name as "clientName", d.type, d.stage,
               d.created_on::text as "createdOn", d.closed_on::text as "closedOn", d.amount::text as amount,
               d.currency, d.products
        from deals d join clients c on c.client_id = d.client_id
        where d.partner_id = ${partnerId} and ${condition(category, range.from, range.to)}`,
  );
}
