// Writing a batch of partners' derived rows (sold entries, losses, snapshots, tier history,
// partner_state with the dashboard's figures): one delete statement, then one COPY per table
// (sent together).
import { type SQL, sql } from 'drizzle-orm';
import { copyField, copyRows, type Tx } from '../../db/client.ts';
import { baselineForecast } from '../../domain/forecast.ts';
import { forecastInputFromLedger } from '../../domain/forecast-input.ts';
import { attributedClients } from '../../domain/metrics.ts';
import { formatDecimal, pointsToNumber, scaledToNumber } from '../../domain/money.ts';
import type { PartnerDerivation } from '../../domain/partner.ts';
import type { TierTarget } from '../../domain/projection.ts';
import { renewalAlerts } from '../../domain/renewals.ts';
import { entryStateOn } from '../../domain/sold.ts';
import { baselineJson } from './forecast-json.ts';

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
      forecast: baselineJson(
        baselineForecast(forecastInputFromLedger(d.ledger, d.asOf)),
        (id) => d.ledger.clients.get(id)?.name,
      ),
    },
  };
}

const DERIVED_TABLES = ['sold_entries', 'point_losses', 'partner_snapshots', 'tier_history', 'partner_state'];

/**
 * Planner statistics of the derived tables, after a recompute rewrote many partners' rows
 * (a first import: none yet, nor until autovacuum sees the commit), so the reads after it
 * (an export's range scan by partner, the portal's lookups) are planned by real sizes.
 */
export async function analyzeDerived(tx: Tx): Promise<void> {
  await tx.execute(sql.raw(`analyze ${DERIVED_TABLES.join(', ')}`));
}

/** A derived row as COPY fields, in its table's column order (see the *_COLUMNS lists). */
type Fields = (string | null)[];

/** Rows of one table as COPY text (fields escaped, tab-separated, one line each). */
class CopyText {
  private readonly lines: string[] = [];
  add(fields: Fields): void {
    let line = copyField(fields[0]!);
    for (let i = 1; i < fields.length; i++) line += `\t${copyField(fields[i]!)}`;
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }
}

const SOLD_ENTRY_COLUMNS = [
  'partner_id',
  'entry_id',
  'client_id',
  'product',
  'change_id',
  'deal_id',
  'credited_via',
  'deal_type',
  'kind',
  'delta',
  'points',
  'remaining_backing',
  'remaining_points',
  'earned_on',
  'expires_on',
  'origin_date',
  'explanation',
];
const LOSS_COLUMNS = [
  'partner_id',
  'entry_id',
  'change_id',
  'client_id',
  'product',
  'date',
  'kind',
  'deal_type',
  'points',
  'backing',
];
/** The standing columns shared by snapshots and partner_state, after partner_id and the date. */
const STANDING_COLUMNS = [
  'sourced',
  'assisted',
  'sold',
  'managed',
  'total',
  'certified',
  'performance',
  'credited',
];
const SNAPSHOT_COLUMNS = ['partner_id', 'month_end', ...STANDING_COLUMNS];
const HISTORY_COLUMNS = ['partner_id', 'date', 'from_tier', 'to_tier', 'reason', 'performance'];
const STATE_COLUMNS = ['partner_id', 'as_of', ...STANDING_COLUMNS, 'metrics', 'insights'];

function standingFields(p: PartnerDerivation['snapshots'][number]): Fields {
  return [
    points(p.sourced),
    points(p.assisted),
    points(p.sold),
    points(p.managed),
    points(p.total),
    p.certified ? 't' : 'f',
    p.tier,
    p.credited,
  ];
}

/**
 * Deletes the derived rows of the partners (`partners`: SQL selecting their ids, or their
 * ids as an array), in one statement: a data-modifying CTE per table.
 */
export async function clearDerived(tx: Tx, partners: SQL): Promise<void> {
  await tx.execute(
    sql`with ${sql.join(
      DERIVED_TABLES.map(
        (t, i) => sql`${sql.raw(`d${i}`)} as (delete from ${sql.raw(t)} where partner_id in (${partners}))`,
      ),
      sql`, `,
    )} select 1`,
  );
}

/**
 * Replaces the derived rows of the partners in `derivations` (and clears partners without
 * facts). `cleared`: their rows were deleted already (a bulk recompute clears all at once).
 */
export async function writeDerivations(
  tx: Tx,
  partnerIds: readonly string[],
  derivations: readonly PartnerDerivation[],
  options: { cleared?: boolean } = {},
) {
  if (!options.cleared) {
    await clearDerived(tx, sql`select unnest(${sql.param([...partnerIds])}::text[])`);
  }
  const entries = new CopyText();
  const losses = new CopyText();
  const snapshots = new CopyText();
  const history = new CopyText();
  const states = new CopyText();
  for (const d of derivations) {
    const partnerId = d.ledger.partnerId;
    for (const e of d.ledger.entries) {
      const now = entryStateOn(e, d.asOf);
      entries.add([
        partnerId,
        e.entryId,
        e.clientId,
        e.product,
        e.changeId,
        e.dealId,
        e.creditedVia,
        e.dealType,
        e.kind,
        money(e.delta),
        points(e.points),
        money(now.backing),
        points(now.points),
        e.earnedOn,
        e.expiresOn,
        e.originDate,
        JSON.stringify(e.explanation),
      ]);
    }
    for (const l of d.ledger.losses) {
      losses.add([
        partnerId,
        l.entryId,
        l.changeId,
        l.clientId,
        l.product,
        l.date,
        l.kind,
        l.dealType,
        points(l.points),
        money(l.backing),
      ]);
    }
    for (const p of d.snapshots) snapshots.add([partnerId, p.date, ...standingFields(p)]);
    for (const h of d.tierHistory) history.add([partnerId, h.date, h.from, h.to, h.reason, h.performance]);
    const summary = summaryJson(d);
    states.add([
      partnerId,
      d.asOf,
      ...standingFields(d.current),
      JSON.stringify(summary.metrics),
      JSON.stringify(summary.insights),
    ]);
  }
  // After the deletes (a statement of their own: rows of the same keys come back).
  await copyRows(tx, [
    { table: 'sold_entries', columns: SOLD_ENTRY_COLUMNS, data: entries.text },
    { table: 'point_losses', columns: LOSS_COLUMNS, data: losses.text },
    { table: 'partner_snapshots', columns: SNAPSHOT_COLUMNS, data: snapshots.text },
    { table: 'tier_history', columns: HISTORY_COLUMNS, data: history.text },
    { table: 'partner_state', columns: STATE_COLUMNS, data: states.text },
  ]);
}
