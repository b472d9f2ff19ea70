// Use cases of the dashboard summary and the tier-progress panel: read the standing
// (derived state), add tier names and thresholds from the program.

import { validationError } from '../../core/errors.ts';
import type { Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { type Program, ruleSetOn } from '../../domain/program.ts';
import { tierTarget } from '../../domain/projection.ts';
import { sellerTrackOf } from '../../domain/tiers.ts';
import { pts } from '../portal/json.ts';
import { tierRef } from '../portal/program.ts';
import type { SummaryRow } from './repository.ts';
import { partnerStanding, type Standing, storedMoney } from './standing.ts';

export function pointsJson(p: Standing['points']) {
  return {
    sourced: pts(p.sourced),
    assisted: pts(p.assisted),
    sold: pts(p.sold),
    managed: pts(p.managed),
    total: pts(p.total),
  };
}

export function sellerTrackJson(program: Program, standing: Standing) {
  const ruleSet = ruleSetOn(program, standing.asOf);
  return { counts: ruleSet.sellerMinimumCounts, points: pts(sellerTrackOf(ruleSet, standing.points)) };
}

export function thresholdsOf(program: Program, on: IsoDate) {
  return ruleSetOn(program, on).tiers.map((t) => ({
    id: t.id,
    name: t.name,
    total: pts(t.total),
    sellerMinimum: pts(t.sellerMinimum),
    managedMinimum: pts(t.managedMinimum),
  }));
}

export interface StandingRequest {
  partnerId: string;
  on?: IsoDate | undefined;
  today: IsoDate;
  /** The summary row, when read with the session (summaryPreload). */
  row?: SummaryRow | undefined;
}

export async function getDashboardSummary(db: Queryable, request: StandingRequest) {
  const standing = await partnerStanding(db, request.partnerId, request);
  const { program, metrics, asOf } = standing;
  return {
    partner: standing.partner,
    today: request.today,
    asOf,
    source: standing.source,
    credited: tierRef(program, asOf, standing.credited),
    performance: tierRef(program, asOf, standing.performance),
    certified: standing.certified,
    points: pointsJson(standing.points),
    sellerTrack: sellerTrackJson(program, standing),
    nextTier: standing.insights.next ?? null,
    metrics: {
      sourcedDollars12m: storedMoney(metrics.sourcedDollars12m, metrics.currency),
      sourcedMrrRolling12m: storedMoney(metrics.sourcedMrrRolling12m, metrics.currency),
      customerDollarRetention12m: metrics.customerDollarRetention12m ?? null,
      revenueRetentionAnnualized: metrics.revenueRetentionAnnualized ?? null,
    },
    alerts: { renewals: standing.renewalAlerts },
  };
}

export async function getTierProgress(
  db: Queryable,
  request: StandingRequest & { tier?: string | undefined },
) {
  const standing = await partnerStanding(db, request.partnerId, request);
  const { program, asOf } = standing;
  const ruleSet = ruleSetOn(program, asOf);
  const tiers = thresholdsOf(program, asOf);
  const tierId = request.tier ?? standing.insights.next?.tierId ?? standing.credited ?? ruleSet.tiers[0]!.id;
  const target = tierTarget(ruleSet, standing.points, tierId);
  const thresholds = tiers.find((t) => t.id === tierId);
  if (!target || !thresholds) {
    throw validationError([
      {
        in: 'querystring',
        path: 'tier',
        message: `is not a tier in force on ${asOf} (${tiers.map((t) => t.id).join(', ')})`,
      },
    ]);
  }
  return {
    asOf,
    points: pointsJson(standing.points),
    sellerTrack: sellerTrackJson(program, standing),
    credited: tierRef(program, asOf, standing.credited),
    tiers,
    selected: {
      tierId: target.tierId,
      tierName: target.tierName,
      met: target.met,
      missing: {
        total: pts(target.missing.total),
        seller: pts(target.missing.seller),
        managed: pts(target.missing.managed),
      },
      thresholds,
    },
  };
}
