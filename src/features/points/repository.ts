// SQL of the derived state: loading a batch of partners' facts and rewriting their
// derived rows. Partner ids come first; every query is scoped to them.
import { inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.ts';
import { rows } from '../../db/client.ts';
import * as s from '../../db/schema.ts';
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

/** The engine's facts for a batch of partners, loaded with a handful of queries. */
export async function loadPartnerFacts(
  db: Queryable,
  partnerIds: readonly string[],
): Promise<Map<string, PartnerFacts>> {
  const ids = [...partnerIds];
  const out = new Map<string, PartnerFacts>();
  if (ids.length === 0) return out;
  const links = await rows<{ partner_id: string; client_id: string }>(
    db,
    sql`select partner_id, client_id from managements where partner_id = any(${sql.param(ids)})
        union select partner_id, client_id from deals where partner_id = any(${sql.param(ids)})`,
  );
  const clientIds = [...new Set(links.map((l) => l.client_id))];
  // Raw SQL with one array parameter each (not one parameter per id), one after the
  // other: inside a transaction they share one connection.
  const cids = sql.param(clientIds);
  const clients = await rows<{ clientId: string; name: string; country: string; currency: string }>(
    db,
    sql`select client_id as "clientId", name, country, currency from clients where client_id = any(${cids})`,
  );
  const changes = await rows<{
    changeId: string;
    clientId: string;
    product: string;
    date: string;
    mrrAfter: string;
    dealId: string | null;
    reason: string | null;
  }>(
    db,
    sql`select change_id as "changeId", client_id as "clientId", product, date::text as date,
               mrr_after::text as "mrrAfter", deal_id as "dealId", reason
        from mrr_changes where client_id = any(${cids})`,
  );
  const deals = await rows<{
    dealId: string;
    partnerId: string;
    clientId: string;
    type: string;
    stage: string;
    createdOn: string;
    closedOn: string | null;
    amount: string;
    currency: string;
  }>(
    db,
    sql`select deal_id as "dealId", partner_id as "partnerId", client_id as "clientId", type, stage,
               created_on::text as "createdOn", closed_on::text as "closedOn", amount::text as amount, currency
        from deals where client_id = any(${cids})`,
  );
  const managements = await rows<{
    partnerId: string;
    clientId: string;
    startDate: string;
    endDate: string | null;
  }>(
    db,
    sql`select partner_id as "partnerId", client_id as "clientId", start_date::text as "startDate",
               end_date::text as "endDate"
        from managements where client_id = any(${cids})`,
  );
  const certifications = await rows<{
    partnerId: string;
    name: string;
    validFrom: string;
    validUntil: string;
  }>(
    db,
    sql`select partner_id as "partnerId", name, valid_from::text as "validFrom", valid_until::text as "validUntil"
        from certifications where partner_id = any(${sql.param(ids)})`,
  );
  const renewals = await rows<{ clientId: string; product: string; renewalDate: string; status: string }>(
    db,
    sql`select client_id as "clientId", product, renewal_date::text as "renewalDate", status
        from renewals where client_id = any(${cids})`,
  );
  const usage = await rows<{
    clientId: string;
    month: string;
    toolsUsed: number;
    engagementScore: number | null;
  }>(
    db,
    sql`select client_id as "clientId", month, tools_used as "toolsUsed", engagement_score as "engagementScore"
        from usage where client_id = any(${cids})`,
  );
  const byClient = {
    clients: group(
      clients.map(
        (c): ClientFact => ({ clientId: c.clientId, name: c.name, country: c.country, currency: c.currency }),
      ),
      (c) => c.clientId,
    ),
    changes: group(
      changes.map(
        (c): MrrChangeFact => ({
          changeId: c.changeId,
          clientId: c.clientId,
          product: c.product,
          date: c.date,
          mrrAfter: toScaled(c.mrrAfter),
          dealId: c.dealId,
          reason: c.reason as MrrChangeFact['reason'],
        }),
      ),
      (c) => c.clientId,
    ),
    deals: group(
      deals.map(
        (d): DealFact => ({
          dealId: d.dealId,
          partnerId: d.partnerId,
          clientId: d.clientId,
          type: d.type as DealFact['type'],
          stage: d.stage as DealFact['stage'],
          createdOn: d.createdOn,
          closedOn: d.closedOn,
          amount: toScaled(d.amount),
          currency: d.currency,
        }),
      ),
      (d) => d.clientId,
    ),
    managements: group(
      managements.map(
        (m): ManagementFact => ({
          partnerId: m.partnerId,
          clientId: m.clientId,
          startDate: m.startDate,
          endDate: m.endDate,
        }),
      ),
      (m) => m.clientId,
    ),
    renewals: group(
      renewals.map(
        (r): RenewalFact => ({
          clientId: r.clientId,
          product: r.product,
          renewalDate: r.renewalDate,
          status: r.status as RenewalFact['status'],
        }),
      ),
      (r) => r.clientId,
    ),
    usage: group(
      usage.map(
        (u): UsageFact => ({
          clientId: u.clientId,
          month: u.month,
          toolsUsed: u.toolsUsed,
          engagementScore: u.engagementScore,
        }),
      ),
      (u) => u.clientId,
    ),
  };
  const certsByPartner = group(
    certifications.map(
      (c): CertificationFact => ({
        partnerId: c.partnerId,
        name: c.name,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
      }),
    ),
    (c) => c.partnerId,
  );
  const clientsByPartner = group(links, (l) => l.partner_id);
  for (const partnerId of ids) {
    const mine = [...new Set((clientsByPartner.get(partnerId) ?? []).map((l) => l.client_id))];
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
  return out;
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

const DERIVED_TABLES = [
  s.soldEntries,
  s.pointLosses,
  s.partnerSnapshots,
  s.tierHistory,
  s.partnerState,
] as const;

type SqlType = 'text' | 'date' | 'numeric' | 'boolean' | 'jsonb';

/**
 * Inserts rows sent as one JSON document per chunk and expanded by json_to_recordset:
 * any number of rows per statement (no bind-parameter limit), serialized natively by
 * JSON.stringify instead of per-cell array literals.
 */
async function insertColumns(
  tx: Tx,
  table: string,
  columns: Readonly<Record<string, SqlType>>,
  values: readonly Record<string, unknown>[],
): Promise<void> {
  const names = Object.keys(columns);
  const list = names.map((n) => `"${n}"`).join(', ');
  const record = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
  const size = 20_000;
  for (let i = 0; i < values.length; i += size) {
    const chunk = JSON.stringify(values.slice(i, i + size));
    await tx.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(list)})
          select ${sql.raw(list)} from json_to_recordset(${chunk}::json) as x(${sql.raw(record)})`,
    );
  }
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
  const ids = [...partnerIds];
  for (const table of DERIVED_TABLES) {
    await tx.delete(table).where(inArray((table as typeof s.partnerState).partnerId, ids));
  }
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
  await insertColumns(tx, 'sold_entries', SOLD_ENTRY_COLUMNS, entries);
  await insertColumns(tx, 'point_losses', LOSS_COLUMNS, losses);
  await insertColumns(tx, 'partner_snapshots', SNAPSHOT_COLUMNS, snapshots);
  await insertColumns(tx, 'tier_history', HISTORY_COLUMNS, history);
  await insertColumns(tx, 'partner_state', STATE_COLUMNS, states);
}
