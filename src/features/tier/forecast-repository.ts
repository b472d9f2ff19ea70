// SQL of the Tier page's forecast: its inputs read from the derived tables (sold entries as of
// the derivation) and the few facts it needs (managed clients' lines, renewals, open deals,
// approved registrations, certifications), never the whole ledger. Partner id first.
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import type { RenewalStatus } from '../../domain/facts.ts';
import type {
  ForecastEntry,
  ForecastInput,
  ForecastManagedClient,
  PipelineCandidate,
} from '../../domain/forecast.ts';
import type { Points } from '../../domain/money.ts';
import type { DealType, Program } from '../../domain/program.ts';
import { pointsOf, scaledOf } from '../portal/json.ts';

const AT_RISK_STATUSES = ['cancellation_requested', 'pending'];

async function activeEntries(db: Queryable, partnerId: string, on: IsoDate): Promise<ForecastEntry[]> {
  const found = await rows<{ c: string; p: string; t: DealType; pts: string; x: string }>(
    db,
    sql`select client_id as c, product as p, deal_type as t, remaining_points::text as pts, expires_on::text as x
        from sold_entries
        where partner_id = ${partnerId} and earned_on <= ${on} and expires_on > ${on} and remaining_points <> 0`,
  );
  return found.map((r) => ({
    clientId: r.c,
    product: r.p,
    dealType: r.t,
    points: pointsOf(r.pts),
    expiresOn: r.x,
  }));
}

/**
 * The clients the partner manages on the day (all, or only `only`), their managers and their
 * lines' MRR that day.
 */
async function managedClients(
  db: Queryable,
  partnerId: string,
  on: IsoDate,
  only?: readonly string[],
): Promise<ForecastManagedClient[]> {
  if (only?.length === 0) return [];
  const restrict = only ? sql`and client_id = any(${sql.param([...only])})` : sql``;
  const found = await rows<{
    clientId: string;
    currency: string;
    country: string;
    managers: number;
    product: string | null;
    mrr: string | null;
  }>(
    db,
    sql`with mine as (
          select distinct client_id from managements
          where partner_id = ${partnerId} and start_date <= ${on} and (end_date is null or end_date > ${on})
            ${restrict}
        ), n as (
          select client_id, count(distinct partner_id)::int as managers from managements
          where client_id in (select client_id from mine)
            and start_date <= ${on} and (end_date is null or end_date > ${on})
          group by client_id
        ), lines as (
          select distinct on (client_id, product) client_id, product, mrr_after from mrr_changes
          where client_id in (select client_id from mine) and date <= ${on}
          order by client_id, product, date desc, change_id collate "C" desc
        )
        select c.client_id as "clientId", c.currency, c.country, n.managers,
               l.product, l.mrr_after::text as mrr
        from mine join clients c on c.client_id = mine.client_id
        join n on n.client_id = mine.client_id
        left join lines l on l.client_id = mine.client_id and l.mrr_after <> 0
        order by c.client_id`,
  );
  const out: ForecastManagedClient[] = [];
  let current: (ForecastManagedClient & { lines: { product: string; mrr: number }[] }) | undefined;
  for (const r of found) {
    if (current?.clientId !== r.clientId) {
      current = {
        clientId: r.clientId,
        currency: r.currency,
        country: r.country,
        managers: r.managers,
        lines: [],
      };
      out.push(current);
    }
    if (r.product !== null) current.lines.push({ product: r.product, mrr: scaledOf(r.mrr) });
  }
  return out;
}

/** Renewals awaiting a decision in (on, until] of the partner's clients (sold or managed). */
async function renewalsAtRisk(db: Queryable, partnerId: string, on: IsoDate, until: IsoDate) {
  const found = await rows<{ clientId: string; product: string; renewalDate: string; status: RenewalStatus }>(
    db,
    sql`select r.client_id as "clientId", r.product, r.renewal_date::text as "renewalDate", r.status
        from renewals r
        where r.renewal_date > ${on} and r.renewal_date <= ${until}
          and r.status = any(${sql.param(AT_RISK_STATUSES)})
          and (exists (select 1 from sold_entries e where e.partner_id = ${partnerId}
                         and e.client_id = r.client_id and e.product = r.product and e.expires_on > ${on})
               or exists (select 1 from managements m where m.partner_id = ${partnerId}
                         and m.client_id = r.client_id and m.start_date <= ${on}
                         and (m.end_date is null or m.end_date > ${on})))`,
  );
  return found;
}

/** The partner's open deals and approved registrations. */
export async function pipelineCandidates(db: Queryable, partnerId: string): Promise<PipelineCandidate[]> {
  const [deals, registrations] = await Promise.all([
    rows<{
      id: string;
      name: string | null;
      clientId: string;
      clientName: string | null;
      country: string | null;
      currency: string;
      mrr: string;
      close: string | null;
      type: DealType;
    }>(
      db,
      sql`select d.deal_id as id, d.name, d.client_id as "clientId", c.name as "clientName", c.country, d.currency,
                 d.amount::text as mrr, d.closed_on::text as close, d.type
          from deals d left join clients c on c.client_id = d.client_id
          where d.partner_id = ${partnerId} and d.stage = 'open'`,
    ),
    approvedRegistrations(db, partnerId),
  ]);
  return [
    ...registrations,
    ...deals.map(
      (d): PipelineCandidate => ({
        kind: 'deal',
        id: d.id,
        name: d.name ?? d.id,
        clientId: d.clientId,
        clientName: d.clientName,
        country: d.country ?? '',
        currency: d.currency,
        mrr: scaledOf(d.mrr),
        expectedCloseDate: d.close,
        dealType: d.type,
        stage: 'open',
      }),
    ),
  ];
}

export async function approvedRegistrations(db: Queryable, partnerId: string): Promise<PipelineCandidate[]> {
  const found = await rows<{
    id: string;
    name: string;
    clientId: string | null;
    clientName: string | null;
    country: string;
    currency: string;
    mrr: string;
    close: string;
    type: DealType;
    dealId: string | null;
  }>(
    db,
    sql`select r.id::text as id, r.client_name as name, r.client_id as "clientId", c.name as "clientName",
               r.country, r.currency,
               r.expected_mrr::text as mrr, r.expected_close_date::text as close, r.deal_type as type, r.deal_id as "dealId"
        from deal_registrations r left join clients c on c.client_id = r.client_id
        where r.partner_id = ${partnerId} and r.status = 'approved'`,
  );
  return found.map((r) => ({
    kind: 'registration',
    id: r.id,
    name: r.name,
    clientId: r.clientId,
    clientName: r.clientName,
    country: r.country,
    currency: r.currency,
    mrr: scaledOf(r.mrr),
    expectedCloseDate: r.close,
    dealType: r.type,
    stage: 'approved',
    dealId: r.dealId,
  }));
}

/**
 * The forecast's inputs on the derivation day, from the derived tables and a few facts.
 * `managedOn`: the partner's managed points that day (partner_state): only the clients with
 * renewals at risk are read line by line, unless a rule set starts before the review day
 * (its currency table and rates change every client's managed points: all are read).
 */
export async function forecastInput(
  db: Queryable,
  program: Program,
  partnerId: string,
  on: IsoDate,
  reviewDay: IsoDate,
  managedOn: Points,
): Promise<ForecastInput> {
  const ruleSetStarts = program.ruleSets.some((r) => r.effectiveFrom > on && r.effectiveFrom <= reviewDay);
  const [entries, all, renewals, pipeline, certifications] = await Promise.all([
    activeEntries(db, partnerId, on),
    ruleSetStarts ? managedClients(db, partnerId, on) : undefined,
    renewalsAtRisk(db, partnerId, on, reviewDay),
    pipelineCandidates(db, partnerId),
    rows<{ name: string; validFrom: string; validUntil: string }>(
      db,
      sql`select name, valid_from::text as "validFrom", valid_until::text as "validUntil"
          from certifications where partner_id = ${partnerId}`,
    ),
  ]);
  const managed =
    all ?? (await managedClients(db, partnerId, on, [...new Set(renewals.map((r) => r.clientId))]));
  return {
    program,
    on,
    entries,
    managed,
    ...(all ? {} : { managedOn }),
    renewals,
    pipeline,
    certifications: certifications.map((c) => ({ partnerId, ...c })),
  };
}
