// SQL of deal registrations: the rows, the other partners' clients and registrations they are
// matched against, and the closed deals that settle them. Dates, numerics as text so both
// drivers return the same.
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import { dealRegistrations } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/dates.ts';

export interface RegistrationRow {
  id: string;
  partnerId: string;
  partnerName: string;
  clientId: string | null;
  clientName: string;
  domain: string | null;
  nameKey: string;
  country: string;
  currency: string;
  products: string[];
  expectedMrr: string;
  expectedCloseDate: string;
  dealType: 'sourced' | 'assisted';
  notes: string | null;
  status: string;
  rejectionReason: string | null;
  submittedBy: string | null;
  submittedByEmail: string | null;
  submittedAt: Date;
  decidedBy: string | null;
  decidedByEmail: string | null;
  decidedAt: Date | null;
  protectionEndsOn: string;
  extensionStatus: string | null;
  extensionReason: string | null;
  dealId: string | null;
  /** Points of the sold entries credited to the partner for the deal (numeric text), when won. */
  points: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = sql`
  select r.id, r.partner_id as "partnerId", p.name as "partnerName", r.client_id as "clientId",
         r.client_name as "clientName", r.domain, r.name_key as "nameKey", r.country, r.currency,
         r.products, r.expected_mrr::text as "expectedMrr", r.expected_close_date::text as "expectedCloseDate",
         r.deal_type as "dealType", r.notes, r.status, r.rejection_reason as "rejectionReason",
         r.submitted_by as "submittedBy", su.email as "submittedByEmail", r.submitted_at as "submittedAt",
         r.decided_by as "decidedBy", du.email as "decidedByEmail", r.decided_at as "decidedAt",
         r.protection_ends_on::text as "protectionEndsOn", r.extension_status as "extensionStatus",
         r.extension_reason as "extensionReason", r.deal_id as "dealId",
         case when r.status = 'won' then
           (select coalesce(sum(e.points), 0)::text from sold_entries e
             where e.partner_id = r.partner_id and e.deal_id = r.deal_id) end as points,
         r.created_at as "createdAt", r.updated_at as "updatedAt"
  from deal_registrations r
  join partners p on p.partner_id = r.partner_id
  left join users su on su.id = r.submitted_by
  left join users du on du.id = r.decided_by`;

function normalise(r: RegistrationRow): RegistrationRow {
  // PGlite returns timestamps as Date, pg too; an array column as an array on both.
  return {
    ...r,
    submittedAt: new Date(r.submittedAt),
    decidedAt: r.decidedAt === null ? null : new Date(r.decidedAt),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
  };
}

export async function findRegistrations(
  db: Queryable,
  filter: {
    partnerId?: string;
    status?: string | undefined;
    extension?: string | undefined;
    ids?: readonly string[];
  },
): Promise<RegistrationRow[]> {
  const where: SQL[] = [];
  if (filter.partnerId !== undefined) where.push(sql`r.partner_id = ${filter.partnerId}`);
  if (filter.status !== undefined) where.push(sql`r.status = ${filter.status}`);
  if (filter.extension !== undefined) where.push(sql`r.extension_status = ${filter.extension}`);
  if (filter.ids !== undefined) where.push(sql`r.id = any(${sql.param([...filter.ids])}::uuid[])`);
  const clause = where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const found = await rows<RegistrationRow>(db, sql`${SELECT} ${clause} order by r.submitted_at desc, r.id`);
  return found.map(normalise);
}

export async function findRegistration(
  db: Queryable,
  id: string,
  partnerId?: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await findRegistrations(db, { ids: [id], ...(partnerId === undefined ? {} : { partnerId }) });
  return row;
}

/** Locks the registration for the transaction; false when there is none (of the partner). */
export async function lockRegistration(db: Queryable, id: string, partnerId?: string): Promise<boolean> {
  const scope = partnerId === undefined ? sql`` : sql`and partner_id = ${partnerId}`;
  const found = await rows<{ id: string }>(
    db,
    sql`select id from deal_registrations where id = ${id}::uuid ${scope} for update`,
  );
  return found.length > 0;
}

/** One create at a time across all instances: the conflict check and the insert are one step. */
export async function lockRegistrationWrites(db: Queryable): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended('tierwise:deal-registrations', 0))`);
}

export type NewRegistration = typeof dealRegistrations.$inferInsert;

export async function insertRegistration(db: Queryable, row: NewRegistration): Promise<void> {
  await db.insert(dealRegistrations).values(row);
}

export async function updateRegistration(
  db: Queryable,
  id: string,
  set: Partial<NewRegistration> & { updatedAt: Date },
): Promise<void> {
  await db.update(dealRegistrations).set(set).where(sql`id = ${id}::uuid`);
}

/** A client that is another partner's on `on`: managed that day, or with an active sold entry. */
export interface OtherClientRow {
  clientId: string;
  name: string;
  domain: string | null;
  partnerIds: string[];
}

export async function otherPartnersClients(
  db: Queryable,
  partnerId: string,
  on: IsoDate,
): Promise<OtherClientRow[]> {
  return rows<OtherClientRow>(
    db,
    sql`with other as (
          select client_id, partner_id from managements
          where partner_id <> ${partnerId} and start_date <= ${on} and (end_date is null or end_date > ${on})
          union
          select client_id, partner_id from sold_entries
          where partner_id <> ${partnerId} and earned_on <= ${on} and expires_on > ${on}
        )
        select c.client_id as "clientId", c.name, c.domain,
               array_agg(distinct o.partner_id order by o.partner_id) as "partnerIds"
        from other o join clients c on c.client_id = o.client_id
        group by c.client_id, c.name, c.domain`,
  );
}

/** A registration that protects its deal on `on`: submitted or approved, window not ended. */
export interface ActiveRegistrationRow {
  id: string;
  partnerId: string;
  clientId: string | null;
  clientName: string;
  domain: string | null;
  nameKey: string;
}

export async function activeRegistrations(db: Queryable, on: IsoDate): Promise<ActiveRegistrationRow[]> {
  return rows<ActiveRegistrationRow>(
    db,
    sql`select id, partner_id as "partnerId", client_id as "clientId", client_name as "clientName",
               domain, name_key as "nameKey"
        from deal_registrations
        where status in ('submitted', 'approved') and protection_ends_on >= ${on}`,
  );
}

/** Registrations whose protection ended before `on` while submitted or approved, locked. */
/** What a registration's change event and its audit record need of it. */
export interface ChangedRegistration {
  id: string;
  partnerId: string;
  status: string;
  protectionEndsOn: string;
  extensionStatus: string | null;
  dealId: string | null;
}

export async function lockDueForExpiry(db: Queryable, on: IsoDate): Promise<ChangedRegistration[]> {
  return rows(
    db,
    sql`select id, partner_id as "partnerId", status, protection_ends_on::text as "protectionEndsOn",
               extension_status as "extensionStatus", deal_id as "dealId"
        from deal_registrations
        where status in ('submitted', 'approved') and protection_ends_on < ${on}
        order by id for update skip locked`,
  );
}

/** A closed deal of a partner holding approved registrations, with its client's domain. */
export interface ClosedDealRow {
  dealId: string;
  partnerId: string;
  clientId: string;
  clientDomain: string | null;
  stage: 'closed_won' | 'closed_lost';
  closedOn: string | null;
}

export async function approvedRegistrationsLocked(db: Queryable) {
  return rows<{
    id: string;
    partnerId: string;
    clientId: string | null;
    domain: string | null;
    dealId: string | null;
    submittedOn: string;
    protectionEndsOn: string;
    extensionStatus: string | null;
  }>(
    db,
    sql`select id, partner_id as "partnerId", client_id as "clientId", domain, deal_id as "dealId",
               protection_ends_on::text as "protectionEndsOn", extension_status as "extensionStatus",
               (submitted_at at time zone 'UTC')::date::text as "submittedOn"
        from deal_registrations where status = 'approved'
        order by submitted_at, id for update skip locked`,
  );
}

/** The partners' closed deals that no registration has settled yet. */
export async function closedDeals(db: Queryable, partnerIds: readonly string[]): Promise<ClosedDealRow[]> {
  if (partnerIds.length === 0) return [];
  return rows<ClosedDealRow>(
    db,
    sql`select d.deal_id as "dealId", d.partner_id as "partnerId", d.client_id as "clientId",
               c.domain as "clientDomain", d.stage, d.closed_on::text as "closedOn"
        from deals d join clients c on c.client_id = d.client_id
        where d.partner_id = any(${sql.param([...new Set(partnerIds)])}::text[])
          and d.stage in ('closed_won', 'closed_lost')
          and not exists (select 1 from deal_registrations r
                          where r.deal_id = d.deal_id and r.status in ('won', 'lost'))
        order by d.closed_on nulls last, d.deal_id collate "C"`,
  );
}

/** The client's name and domain, when it is a client of the partner (managed or a deal). */
export async function partnerClient(
  db: Queryable,
  partnerId: string,
  clientId: string,
): Promise<{ name: string; domain: string | null; country: string; currency: string } | undefined> {
  const [row] = await rows<{ name: string; domain: string | null; country: string; currency: string }>(
    db,
    sql`select name, domain, country, currency from clients c
        where c.client_id = ${clientId}
          and (exists (select 1 from managements m where m.partner_id = ${partnerId} and m.client_id = c.client_id)
               or exists (select 1 from deals d where d.partner_id = ${partnerId} and d.client_id = c.client_id))`,
  );
  return row;
}

/** The names of these partners (the operator's queue names the partners of its evidence). */
export async function partnerNames(tx: Queryable, partnerIds: string[]): Promise<Record<string, string>> {
  if (partnerIds.length === 0) return {};
  const found = await rows<{ id: string; name: string }>(
    tx,
    sql`select partner_id as id, name from partners where partner_id in (${sql.join(
      partnerIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return Object.fromEntries(found.map((p) => [p.id, p.name]));
}
