// Writing a batch of partners' derived rows (sold entries, losses, snapshots, tier history,
// partner_state with the dashboard's figures): one delete and one insert statement.
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { attributedClients } from '../../domain/metrics.ts';
import { formatDecimal, pointsToNumber, scaledToNumber } from '../../domain/money.ts';
import type { PartnerDerivation } from '../../domain/partner.ts';
import type { TierTarget } from '../../domain/projection.ts';
import { renewalAlerts } from '../../domain/renewals.ts';
import { entryStateOn } from '../../domain/sold.ts';

const money = (v: number) => formatDecimal(v, 4);
const points = (v: number) => formatDecimal(v, 2);

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
