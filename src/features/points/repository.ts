// SQL of the derived state: loading a batch of partners' facts and rewriting their
// derived rows. Partner ids come first; every query is scoped to them.
import { type SQL, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.ts';
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
import { attributedClients } from '../../domain/metrics.ts';
import { formatDecimal, parseDecimal, pointsToNumber, scaledToNumber } from '../../domain/money.ts';
import type { PartnerDerivation } from '../../domain/partner.ts';
import type { TierTarget } from '../../domain/projection.ts';
import { renewalAlerts } from '../../domain/renewals.ts';
import { entryStateOn } from '../../domain/sold.ts';

export function toScaled(text: string): number {
  const v = parseDecimal(text);
  if (typeof v !== 'number') throw new Error(`stored numeric ${text}: ${v.error}`);
  return v;
}
const money = (v: number) => formatDecimal(v, 4);
const points = (v: number) => formatDecimal(v, 2);

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

interface BatchDocument {
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

const agg = (columns: string, from: string) => `(select json_agg(json_build_array(${columns})) from ${from})`;

const PARTNER_QUERY = (withStandings: boolean) => `select json_build_object(
  'links', ${agg(
    'partner_id, client_id',
    `(select partner_id, client_id from managements where partner_id = any(:ids)
     union select partner_id, client_id from deals where partner_id = any(:ids)) l`,
  )},
  'certifications', ${agg('partner_id, name, valid_from::text, valid_until::text', 'certifications where partner_id = any(:ids)')},
  'standings', ${
    withStandings
      ? agg(
          'partner_id, sold::text, managed::text, total::text, performance, credited',
          'partner_state where partner_id = any(:ids)',
        )
      : 'null'
  }
)::text as doc`;

// The client ids travel as one array constant: the planner looks a few clients up by index
// and scans a table once (hashing the array) for many.
const CLIENT_QUERY = `select json_build_object(
  'clients', ${agg('client_id, name, country, currency', 'clients where client_id = any(:ids)')},
  'changes', ${agg('change_id, client_id, product, date::text, mrr_after::text, deal_id, reason', 'mrr_changes where client_id = any(:ids)')},
  'deals', ${agg('deal_id, partner_id, client_id, type, stage, created_on::text, closed_on::text, amount::text, currency', 'deals where client_id = any(:ids)')},
  'managements', ${agg('partner_id, client_id, start_date::text, end_date::text', 'managements where client_id = any(:ids)')},
  'renewals', ${agg('client_id, product, renewal_date::text, status', 'renewals where client_id = any(:ids)')},
  'usage', ${agg('client_id, month, tools_used, engagement_score', 'usage where client_id = any(:ids)')}
)::text as doc`;

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

/** loadPartnerFacts, and with `withStandings` the partners' stored standings (partner_state). */
export async function loadPartnerBatch(
  db: Queryable,
  partnerIds: readonly string[],
  withStandings: boolean,
): Promise<{ facts: Map<string, PartnerFacts>; standings: Map<string, StoredStanding> }> {
  const ids = [...partnerIds];
  const out = new Map<string, PartnerFacts>();
  const standings = new Map<string, StoredStanding>();
  if (ids.length === 0) return { facts: out, standings };
  const partnerDoc = await document<Pick<BatchDocument, 'links' | 'certifications' | 'standings'>>(
    db,
    withStandings ? QUERIES.partnersWithStandings : QUERIES.partners,
    ids,
  );
  const clientIds = [...new Set((partnerDoc.links ?? []).map((l) => l[1]))];
  const doc: BatchDocument =
    clientIds.length === 0
      ? {
          ...partnerDoc,
          links: [],
          clients: [],
          changes: [],
          deals: [],
          managements: [],
          renewals: [],
          usage: [],
        }
      : { ...partnerDoc, ...(await document<BatchDocument>(db, QUERIES.clients, clientIds)) };
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

const pts = pointsToNumber;
const amount = scaledToNumber;

/** The dashboard's precomputed figures, in JSON numbers (points 2 decimals, money at 4). */
export function summaryJson(d: PartnerDerivation) {
  const m = d.metrics;
  const target = (t: TierTarget | null) =>
    t && {
      tierId: t.tierId,
      tierName: t.tierName,
      met: t.met,
      missing: {
        total: pts(t.missing.total),
        seller: pts(t.missing.seller),
        managed: pts(t.missing.managed),
      },
    };
  // The dashboard's alerts (rules §10) over the clients attributed on asOf, counted here so
  // the summary reads one row instead of joining renewals with the partner's clients.
  const attributed = attributedClients(d.ledger, d.asOf);
  const alerts = renewalAlerts(
    d.ledger.program,
    d.ledger.renewals.filter((r) => attributed.has(r.clientId)),
    d.asOf,
  );
  return {
    metrics: {
      currency: m.currency,
      renewalAlerts: alerts,
      sourcedDollars12m: amount(m.sourcedDollars12m),
      sourcedMrrRolling12m: amount(m.sourcedMrrRolling12m),
      customerDollarRetention12m:
        m.customerDollarRetention12m === null ? null : amount(m.customerDollarRetention12m),
      revenueRetentionAnnualized:
        m.revenueRetentionAnnualized === null ? null : Number(m.revenueRetentionAnnualized),
      medianToolUsage: d.medianToolUsage && {
        month: d.medianToolUsage.month,
        median: amount(d.medianToolUsage.median),
      },
    },
    insights: {
      keep: target(d.insights.keep),
      next: target(d.insights.next),
      expirations: d.insights.expirations.map((e) => ({
        monthEnd: e.monthEnd,
        sourced: pts(e.sourced),
        assisted: pts(e.assisted),
        total: pts(e.total),
      })),
      projection: d.insights.projection.map((p) => ({
        date: p.date,
        sourced: pts(p.sourced),
        assisted: pts(p.assisted),
        sold: pts(p.sold),
        managed: pts(p.managed),
        total: pts(p.total),
        tier: p.tier,
      })),
    },
  };
}

const DERIVED_TABLES = ['sold_entries', 'point_losses', 'partner_snapshots', 'tier_history', 'partner_state'];

type SqlType = 'text' | 'date' | 'numeric' | 'boolean' | 'jsonb';

/**
 * One CTE inserting rows sent as one JSON document and expanded by json_to_recordset: any
 * number of rows per statement (no bind-parameter limit), serialized natively by
 * JSON.stringify instead of per-cell array literals.
 */
function insertPart(
  name: string,
  table: string,
  columns: Readonly<Record<string, SqlType>>,
  values: readonly Record<string, unknown>[],
): SQL {
  const names = Object.keys(columns);
  const list = names.map((n) => `"${n}"`).join(', ');
  const record = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
  return sql`${sql.raw(name)} as (insert into ${sql.raw(table)} (${sql.raw(list)})
    select ${sql.raw(list)} from json_to_recordset(${JSON.stringify(values)}::json) as x(${sql.raw(record)}))`;
}

const SOLD_ENTRY_COLUMNS = {
  partner_id: 'text',
  entry_id: 'text',
  client_id: 'text',
  product: 'text',
  change_id: 'text',
  deal_id: 'text',
  credited_via: 'text',
  deal_type: 'text',
  kind: 'text',
  delta: 'numeric',
  points: 'numeric',
  remaining_backing: 'numeric',
  remaining_points: 'numeric',
  earned_on: 'date',
  expires_on: 'date',
  origin_date: 'date',
  explanation: 'jsonb',
} as const;
const LOSS_COLUMNS = {
  partner_id: 'text',
  entry_id: 'text',
  change_id: 'text',
  client_id: 'text',
  product: 'text',
  date: 'date',
  kind: 'text',
  deal_type: 'text',
  points: 'numeric',
  backing: 'numeric',
} as const;
const SNAPSHOT_COLUMNS = {
  partner_id: 'text',
  month_end: 'date',
  sourced: 'numeric',
  assisted: 'numeric',
  sold: 'numeric',
  managed: 'numeric',
  total: 'numeric',
  certified: 'boolean',
  performance: 'text',
  credited: 'text',
} as const;
const HISTORY_COLUMNS = {
  partner_id: 'text',
  date: 'date',
  from_tier: 'text',
  to_tier: 'text',
  reason: 'text',
  performance: 'text',
} as const;
const STATE_COLUMNS = {
  partner_id: 'text',
  as_of: 'date',
  sourced: 'numeric',
  assisted: 'numeric',
  sold: 'numeric',
  managed: 'numeric',
  total: 'numeric',
  certified: 'boolean',
  performance: 'text',
  credited: 'text',
  metrics: 'jsonb',
  insights: 'jsonb',
} as const;

/** Replaces the derived rows of the partners in `derivations` (and clears partners without facts). */
export async function writeDerivations(
  tx: Tx,
  partnerIds: readonly string[],
  derivations: readonly PartnerDerivation[],
) {
  const ids = sql.param([...partnerIds]);
  // One statement: a data-modifying CTE per table (each table's rows of these partners).
  await tx.execute(
    sql`with ${sql.join(
      DERIVED_TABLES.map(
        (t, i) =>
          sql`${sql.raw(`d${i}`)} as (delete from ${sql.raw(t)} where partner_id = any(${ids}::text[]))`,
      ),
      sql`, `,
    )} select 1`,
  );
  const entries: Record<string, unknown>[] = [];
  const losses: Record<string, unknown>[] = [];
  const snapshots: Record<string, unknown>[] = [];
  const history: Record<string, unknown>[] = [];
  const states: Record<string, unknown>[] = [];
  for (const d of derivations) {
    const partner_id = d.ledger.partnerId;
    for (const e of d.ledger.entries) {
      const now = entryStateOn(e, d.asOf);
      entries.push({
        partner_id,
        entry_id: e.entryId,
        client_id: e.clientId,
        product: e.product,
        change_id: e.changeId,
        deal_id: e.dealId,
        credited_via: e.creditedVia,
        deal_type: e.dealType,
        kind: e.kind,
        delta: money(e.delta),
        points: points(e.points),
        remaining_backing: money(now.backing),
        remaining_points: points(now.points),
        earned_on: e.earnedOn,
        expires_on: e.expiresOn,
        origin_date: e.originDate,
        explanation: e.explanation,
      });
    }
    for (const l of d.ledger.losses) {
      losses.push({
        partner_id,
        entry_id: l.entryId,
        change_id: l.changeId,
        client_id: l.clientId,
        product: l.product,
        date: l.date,
        kind: l.kind,
        deal_type: l.dealType,
        points: points(l.points),
        backing: money(l.backing),
      });
    }
    const snap = (p: PartnerDerivation['snapshots'][number]) => ({
      sourced: points(p.sourced),
      assisted: points(p.assisted),
      sold: points(p.sold),
      managed: points(p.managed),
      total: points(p.total),
      certified: p.certified,
      performance: p.tier,
      credited: p.credited,
    });
    for (const p of d.snapshots) snapshots.push({ partner_id, month_end: p.date, ...snap(p) });
    for (const h of d.tierHistory) {
      history.push({
        partner_id,
        date: h.date,
        from_tier: h.from,
        to_tier: h.to,
        reason: h.reason,
        performance: h.performance,
      });
    }
    states.push({ partner_id, as_of: d.asOf, ...snap(d.current), ...summaryJson(d) });
  }
  // The inserts in one statement too (after the deletes, a statement of their own: the
  // parts of one statement see the same snapshot and would collide on the keys).
  await tx.execute(
    sql`with ${sql.join(
      [
        insertPart('i0', 'sold_entries', SOLD_ENTRY_COLUMNS, entries),
        insertPart('i1', 'point_losses', LOSS_COLUMNS, losses),
        insertPart('i2', 'partner_snapshots', SNAPSHOT_COLUMNS, snapshots),
        insertPart('i3', 'tier_history', HISTORY_COLUMNS, history),
        insertPart('i4', 'partner_state', STATE_COLUMNS, states),
      ],
      sql`, `,
    )} select 1`,
  );
}
