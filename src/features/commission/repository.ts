// SQL of commission: the facts the schedule needs (the clients of the partner's
// commissionable closed-won deals, their MRR changes and deals) and recorded payments.
// Partner id first. Managements, usage and renewals are not loaded: commission does not
// read them, and a large partner's usage alone costs more than everything else.
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { ClientFact, DealFact, MrrChangeFact, PartnerFacts } from '../../domain/facts.ts';
import { scaledOf } from '../portal/json.ts';

export async function commissionFacts(
  db: Queryable,
  partnerId: string,
  dealTypes: readonly string[],
): Promise<PartnerFacts> {
  const ids = sql`select distinct client_id from deals
    where partner_id = ${partnerId} and stage = 'closed_won' and type = any(${sql.param([...dealTypes])})`;
  const [clients, changes, deals] = await Promise.all([
    rows<ClientFact>(
      db,
      sql`select client_id as "clientId", name, country, currency from clients where client_id in (${ids})`,
    ),
    rows<{
      changeId: string;
      clientId: string;
      product: string;
      date: string;
      mrrAfter: string;
      dealId: string | null;
    }>(
      db,
      sql`select change_id as "changeId", client_id as "clientId", product, date::text as date,
                 mrr_after::text as "mrrAfter", deal_id as "dealId"
          from mrr_changes where client_id in (${ids})`,
    ),
    rows<Omit<DealFact, 'amount'> & { amount: string }>(
      db,
      sql`select deal_id as "dealId", partner_id as "partnerId", client_id as "clientId", type, stage,
                 created_on::text as "createdOn", closed_on::text as "closedOn", amount::text as amount, currency
          from deals where client_id in (${ids})`,
    ),
  ]);
  return {
    partnerId,
    clients,
    changes: changes.map((c): MrrChangeFact => ({ ...c, mrrAfter: scaledOf(c.mrrAfter) })),
    deals: deals.map((d): DealFact => ({ ...d, amount: scaledOf(d.amount) })),
    managements: [],
    certifications: [],
  };
}

export interface PaymentRow {
  paidOn: string;
  amount: string;
  currency: string;
  reference: string;
}

export async function partnerPayments(db: Queryable, partnerId: string): Promise<PaymentRow[]> {
  return rows<PaymentRow>(
    db,
    sql`select paid_on::text as "paidOn", amount::text as amount, currency, reference
        from payments where partner_id = ${partnerId} order by paid_on desc, reference`,
  );
}

/**
 * The version of the partner's derived state: the transaction id that wrote its
 * partner_state row (rewritten whenever any fact the partner depends on changes, or the
 * program does). Null for a partner never derived.
 */
export async function derivedStateVersion(db: Queryable, partnerId: string): Promise<string | null> {
  const [row] = await rows<{ version: string }>(
    db,
    sql`select xmin::text as version from partner_state where partner_id = ${partnerId}`,
  );
  return row?.version ?? null;
}
