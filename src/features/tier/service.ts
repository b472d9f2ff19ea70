// Use cases of the Tier page's summary, tier performance, insights, account performance
// and progress chart: derived state (partner_state, partner_snapshots, tier_history) with
// tier names and thresholds from the program.
import type { Queryable } from '../../db/client.ts';
import { addMonths, type IsoDate, monthEnd } from '../../domain/dates.ts';
import type { PointsSummary } from '../../domain/ledger.ts';
import { type Program, ruleSetOn } from '../../domain/program.ts';
import { tierTarget } from '../../domain/projection.ts';
import { sellerTrackOf } from '../../domain/tiers.ts';
import { pointsJson, sellerTrackJson, thresholdsOf } from '../dashboard/service.ts';
import { partnerStanding } from '../dashboard/standing.ts';
import { pointsOf, pts } from '../portal/json.ts';
import { nextTierOf, tierRef } from '../portal/program.ts';
import { tierForecast } from './forecast.ts';
import { certification, lastTierChange, snapshots } from './repository.ts';

function targetJson(program: Program, on: IsoDate, points: PointsSummary, tierId: string) {
  const t = tierTarget(ruleSetOn(program, on), points, tierId);
  return (
    t && {
      tierId: t.tierId,
      tierName: t.tierName,
      met: t.met,
      missing: {
        total: pts(t.missing.total),
        seller: pts(t.missing.seller),
        managed: pts(t.missing.managed),
      },
    }
  );
}

export async function getTier(
  db: Queryable,
  request: { partnerId: string; on?: IsoDate | undefined; today: IsoDate },
) {
  const standing = await partnerStanding(db, request.partnerId, request);
  const { program, asOf, points, insights, metrics } = standing;
  const [change, cert, forecast] = await Promise.all([
    lastTierChange(db, request.partnerId, asOf),
    certification(db, request.partnerId, asOf),
    tierForecast(db, standing),
  ]);
  const ruleSet = ruleSetOn(program, asOf);
  const tiers = thresholdsOf(program, asOf).map((t) => ({
    ...t,
    ...targetJson(program, asOf, points, t.id)!,
  }));
  const shown = standing.credited ?? standing.performance;
  return {
    asOf,
    partner: standing.partner,
    credited: tierRef(program, asOf, standing.credited),
    creditedSince: standing.credited && change?.toTier === standing.credited ? change.date : null,
    performance: tierRef(program, asOf, standing.performance),
    certified: standing.certified,
    points: pointsJson(points),
    sellerTrack: sellerTrackJson(program, standing),
    tierPerformance: {
      tier: shown ? (tiers.find((t) => t.id === shown) ?? null) : null,
      seller: pts(sellerTrackOf(ruleSet, points)),
      managed: pts(points.managed),
      total: pts(points.total),
    },
    tiers,
    insights: {
      keep: insights.keep ?? null,
      next: insights.next ?? null,
      expirations: insights.expirations ?? [],
      projection: (insights.projection ?? []).map((p) => ({ ...p, tier: tierRef(program, p.date, p.tier) })),
    },
    accountPerformance: {
      medianToolUsage: metrics.medianToolUsage ?? null,
      certification: cert ?? null,
    },
    forecast,
  };
}

/** Monthly points per track with the next tier's thresholds in force each month. */
export async function getProgressChart(
  db: Queryable,
  request: { partnerId: string; from?: IsoDate | undefined; to?: IsoDate | undefined; today: IsoDate },
) {
  const standing = await partnerStanding(db, request.partnerId, { today: request.today });
  const { program } = standing;
  const to = request.to ?? request.today;
  const from = request.from ?? monthEnd(addMonths(to, -23));
  const rows = await snapshots(db, request.partnerId, { from, to });
  return {
    from,
    to,
    months: rows.map((r) => {
      const sourced = pointsOf(r.sourced);
      const assisted = pointsOf(r.assisted);
      const managed = pointsOf(r.managed);
      const p = { sourced, assisted, sold: sourced + assisted, managed, total: sourced + assisted + managed };
      const ruleSet = ruleSetOn(program, r.monthEnd);
      const next = nextTierOf(ruleSet, r.credited);
      return {
        monthEnd: r.monthEnd,
        ...pointsJson(p),
        sellerTrack: { counts: ruleSet.sellerMinimumCounts, points: pts(sellerTrackOf(ruleSet, p)) },
        performance: tierRef(program, r.monthEnd, r.performance),
        credited: tierRef(program, r.monthEnd, r.credited),
        next: next && {
          id: next.id,
          name: next.name,
          total: pts(next.total),
          sellerMinimum: pts(next.sellerMinimum),
          managedMinimum: pts(next.managedMinimum),
        },
      };
    }),
  };
}
