// The forecast's baseline as a derivation stores it (partner_state.insights.forecast): the
// baseline line and the renewals at risk on as_of, in JSON numbers. The pipeline line is
// added per request (registrations change between derivations).
import type { BaselineForecast } from '../../domain/forecast.ts';
import { pointsToNumber } from '../../domain/money.ts';
import { pointsFromJson } from '../portal/json.ts';

const pts = pointsToNumber;

export function baselineJson(
  b: BaselineForecast | null,
  clientName: (clientId: string) => string | undefined,
) {
  return (
    b && {
      on: b.on,
      reviewDay: b.reviewDay,
      dates: b.dates,
      reviewDayCertified: b.reviewDayCertified,
      // One [sourced, assisted, managed] per date.
      baseline: b.baseline.map((p) => [pts(p.sourced), pts(p.assisted), pts(p.managed)]),
      atRisk: b.atRisk.map((r) => ({
        ...r,
        clientName: clientName(r.clientId) ?? r.clientId,
        sold: pts(r.sold),
        managed: pts(r.managed),
        points: pts(r.points),
      })),
    }
  );
}

export type StoredBaseline = NonNullable<ReturnType<typeof baselineJson>>;

export function baselineFromJson(j: StoredBaseline): BaselineForecast {
  return {
    on: j.on,
    reviewDay: j.reviewDay,
    dates: j.dates,
    reviewDayCertified: j.reviewDayCertified,
    baseline: j.baseline.map(([s, a, m], k) => {
      const sourced = pointsFromJson(s);
      const assisted = pointsFromJson(a);
      const managed = pointsFromJson(m);
      return {
        date: j.dates[k]!,
        sourced,
        assisted,
        sold: sourced + assisted,
        managed,
        total: sourced + assisted + managed,
      };
    }),
    atRisk: j.atRisk.map((r) => ({
      ...r,
      sold: pointsFromJson(r.sold),
      managed: pointsFromJson(r.managed),
      points: pointsFromJson(r.points),
    })),
  };
}
