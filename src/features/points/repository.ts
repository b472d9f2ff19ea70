// SQL of the derived state: loading a batch of partners' facts (the writes are in
// derived-writes.ts). Partner ids come first; every query is scoped to them.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { rows } from '../../db/client.ts';
import type {
  CertificationFact,
  ClientFact,
  DealFact,
  ManagementFact,
  MrrChangeFact,
  PartnerFacts,
  RenewalFact,
  UsageFact,
} from '../../domain/facts.ts';
import { formatDecimal, parseDecimal } from '../../domain/money.ts';

export function toScaled(text: string): number {
  const v = parseDecimal(text);
  if (typeof v !== 'number') throw new Error(`stored numeric ${text}: ${v.error}`);
  return v;
}
const _money = (v: number) => formatDecimal(v, 4);
const _points = (v: number) => formatDecimal(v, 2);

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}

/** Partners whose derived state depends on these clients: their managers and deal holders. */
export async function partnersOfClients(db: Queryable, clientIds: readonly string[]): Promise<string[]> {
  if (clientIds.length === 0) return [];
  const ids = [...clientIds];
  const found = await rows<{ partner_id: string }>(
    db,
    sql`select partner_id from managements where client_id = any(${sql.param(ids)})
        union select partner_id from deals where client_id = any(${sql.param(ids)})`,
  );
  return found.map((r) => r.partner_id);
}

export async function allPartnerIds(db: Queryable): Promise<string[]> {
  const found = await rows<{ partner_id: string }>(
    db,
    sql`select partner_id from partners order by partner_id`,
  );
  return found.map((r) => r.partner_id);
}

/** A partner's stored standing (partner_state), as text figures. */
export interface StoredStanding {
  sold: string;
  managed: string;
  total: string;
  performance: string | null;
  credited: string | null;
}

/**
 * The engine's facts for a batch of partners, in two queries (the partners' links,
 * certifications and standing; then their clients' facts), each answered as one JSON
 * document: built by PostgreSQL while the engine works, parsed natively instead of row by
 * row, and free of the per-row protocol overhead.
 */
export async function loadPartnerFacts(
  db: Queryable,
  partnerIds: readonly string[],
): Promise<Map<string, PartnerFacts>> {
  return (await loadPartnerBatch(db, partnerIds, false)).facts;
}

type Tuple = (string | number | null)[];

/** A batch of partners' facts as PostgreSQL sends them: per kind, one JSON array per row. */
export interface BatchDocument {
  links: [string, string][] | null;
  clients: Tuple[] | null;
  changes: Tuple[] | null;
  deals: Tuple[] | null;
  managements: Tuple[] | null;
  certifications: Tuple[] | null;
  renewals: Tuple[] | null;
  usage: Tuple[] | null;
  standings: Tuple[] | null;
}

/**
 * The columns of each kind, in the order factsFromDocument reads them, and the table they
 * come from. Partner kinds are found by partner_id, client kinds by client_id.
 */
export const PARTNER_KINDS = {
  certifications: ['certifications', 'partner_id, name, valid_from::text, valid_until::text'],
  standings: ['partner_state', 'partner_id, sold::text, managed::text, total::text, performance, credited'],
} as const;
export const CLIENT_KINDS = {
  clients: ['clients', 'client_id, name, country, currency'],
  changes: ['mrr_changes', 'change_id, client_id, product, date::text, mrr_after::text, deal_id, reason'],
  deals: [
    'deals',
    'deal_id, partner_id, client_id, type, stage, created_on::text, closed_on::text, amount::text, currency',
  ],
  managements: ['managements', 'partner_id, client_id, start_date::text, end_date::text'],
  renewals: ['renewals', 'client_id, product, renewal_date::text, status'],
  usage: ['usage', 'client_id, month, tools_used, engagement_score'],
} as const;

const agg = (columns: string, from: string) => `(select json_agg(json_build_array(${columns})) from ${from})`;

const PARTNER_QUERY = (withStandings: boolean) => `select json_build_object(
  'links', ${agg(
    'partner_id, client_id',
    `(select partner_id, client_id from managements where partner_id = any(:ids)
     union select partner_id, client_id from deals where partner_id = any(:ids)) l`,
  )},
  'certifications', ${agg(PARTNER_KINDS.certifications[1], 'certifications where partner_id = any(:ids)')},
  'standings', ${withStandings ? agg(PARTNER_KINDS.standings[1], 'partner_state where partner_id = any(:ids)') : 'null'}
)::text as doc`;

// The client ids travel as one array constant: the planner looks a few clients up by index
// and scans a table once (hashing the array) for many.
const CLIENT_QUERY = `select json_build_object(${Object.entries(CLIENT_KINDS)
  .map(([kind, [table, columns]]) => `'${kind}', ${agg(columns, `${table} where client_id = any(:ids)`)}`)
  .join(', ')})::text as doc`;

/** Queries split around their id-array parameter (`:ids`). */
const QUERIES = {
  partners: PARTNER_QUERY(false).split(':ids'),
  partnersWithStandings: PARTNER_QUERY(true).split(':ids'),
  clients: CLIENT_QUERY.split(':ids'),
};

async function document<T>(db: Queryable, parts: string[], ids: string[]): Promise<T> {
  const [row] = await rows<{ doc: string }>(
    db,
    sql.join(
      parts.map((part, i) => (i === 0 ? sql.raw(part) : sql`${sql.param(ids)}::text[]${sql.raw(part)}`)),
    ),
  );
  return JSON.parse(row!.doc) as T;
}

/** Partner facts and stored standings, per partner. */
export interface PartnerBatch {
  facts: Map<string, PartnerFacts>;
  standings: Map<string, StoredStanding>;
}

/** loadPartnerFacts, and with `withStandings` the partners' stored standings (partner_state). */
export async function loadPartnerBatch(
  db: Queryable,
  partnerIds: readonly string[],
  withStandings: boolean,
): Promise<PartnerBatch> {
  const ids = [...partnerIds];
  if (ids.length === 0) return { facts: new Map(), standings: new Map() };
  const partnerDoc = await document<Pick<BatchDocument, 'links' | 'certifications' | 'standings'>>(
    db,
    withStandings ? QUERIES.partnersWithStandings : QUERIES.partners,
    ids,
  );
  const clientIds = [...new Set((partnerDoc.links ?? []).map((l) => l[1]))];
  const doc: Partial<BatchDocument> =
    clientIds.length === 0
      ? partnerDoc
      : { ...partnerDoc, ...(await document<BatchDocument>(db, QUERIES.clients, clientIds)) };
  return factsFromDocument(ids, doc);
}

/** The engine's facts of each partner (every one of `ids`, with or without facts) from a batch document. */
export function factsFromDocument(ids: readonly string[], doc: Partial<BatchDocument>): PartnerBatch {
  const out = new Map<string, PartnerFacts>();
  const standings = new Map<string, StoredStanding>();
  const s = (v: unknown) => v as string;
  const n = (v: unknown) => v as string | null;
  const byClient = {
    clients: group(
      (doc.clients ?? []).map(
        (c): ClientFact => ({ clientId: s(c[0]), name: s(c[1]), country: s(c[2]), currency: s(c[3]) }),
      ),
      (c) => c.clientId,
    ),
    changes: group(
      (doc.changes ?? []).map(
        (c): MrrChangeFact => ({
          changeId: s(c[0]),
          clientId: s(c[1]),
          product: s(c[2]),
          date: s(c[3]),
          mrrAfter: toScaled(s(c[4])),
          dealId: n(c[5]),
          reason: n(c[6]) as MrrChangeFact['reason'],
        }),
      ),
      (c) => c.clientId,
    ),
    deals: group(
      (doc.deals ?? []).map(
        (d): DealFact => ({
          dealId: s(d[0]),
          partnerId: s(d[1]),
          clientId: s(d[2]),
          type: d[3] as DealFact['type'],
          stage: d[4] as DealFact['stage'],
          createdOn: s(d[5]),
          closedOn: n(d[6]),
          amount: toScaled(s(d[7])),
          currency: s(d[8]),
        }),
      ),
      (d) => d.clientId,
    ),
    managements: group(
      (doc.managements ?? []).map(
        (m): ManagementFact => ({
          partnerId: s(m[0]),
          clientId: s(m[1]),
          startDate: s(m[2]),
          endDate: n(m[3]),
        }),
      ),
      (m) => m.clientId,
    ),
    renewals: group(
      (doc.renewals ?? []).map(
        (r): RenewalFact => ({
          clientId: s(r[0]),
          product: s(r[1]),
          renewalDate: s(r[2]),
          status: r[3] as RenewalFact['status'],
        }),
      ),
      (r) => r.clientId,
    ),
    usage: group(
      (doc.usage ?? []).map(
        (u): UsageFact => ({
          clientId: s(u[0]),
          month: s(u[1]),
          toolsUsed: u[2] as number,
          engagementScore: u[3] as number | null,
        }),
      ),
      (u) => u.clientId,
    ),
  };
  const certsByPartner = group(
    (doc.certifications ?? []).map(
      (c): CertificationFact => ({
        partnerId: s(c[0]),
        name: s(c[1]),
        validFrom: s(c[2]),
        validUntil: s(c[3]),
      }),
    ),
    (c) => c.partnerId,
  );
  const clientsByPartner = group(doc.links ?? [], (l) => l[0]);
  for (const partnerId of ids) {
    const mine = [...new Set((clientsByPartner.get(partnerId) ?? []).map((l) => l[1]))];
    const pick = <T>(m: Map<string, T[]>) => mine.flatMap((id) => m.get(id) ?? []);
    out.set(partnerId, {
      partnerId,
      clients: pick(byClient.clients),
      changes: pick(byClient.changes),
      deals: pick(byClient.deals),
      managements: pick(byClient.managements),
      certifications: certsByPartner.get(partnerId) ?? [],
      renewals: pick(byClient.renewals),
      usage: pick(byClient.usage),
    });
  }
  for (const t of doc.standings ?? [])
    standings.set(s(t[0]), {
      sold: s(t[1]),
      managed: s(t[2]),
      total: s(t[3]),
      performance: n(t[4]),
      credited: n(t[5]),
    });
  return { facts: out, standings };
}

export { summaryJson, writeDerivations } from './derived-writes.ts';
