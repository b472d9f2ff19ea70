// The Tier page's forecast (issue 14): its inputs from the derived tables on the derivation
// day (or from the ledger the engine just derived, another day), the two lines as JSON.
import type { Queryable } from '../../db/client.ts';
import { forecast, forecastInputFromLedger, nextReviewDay } from '../../domain/forecast.ts';
import type { Standing } from '../dashboard/standing.ts';
import { money, pts } from '../portal/json.ts';
import { tierRef } from '../portal/program.ts';
import { approvedRegistrations, forecastInput } from './forecast-repository.ts';
import { clientNames } from './repository.ts';

export async function tierForecast(db: Queryable, standing: Standing) {
  const { program, asOf } = standing;
  const partnerId = standing.partner.partnerId;
  const reviewDay = nextReviewDay(program, asOf);
  if (!reviewDay) return null;
  const input = standing.ledger
    ? forecastInputFromLedger(standing.ledger, asOf, await approvedRegistrations(db, partnerId))
    : await forecastInput(db, program, partnerId, asOf, reviewDay);
  const f = forecast(input);
  if (!f) return null;
  const ids = new Set<string>();
  for (const r of f.atRisk) ids.add(r.clientId);
  for (const p of f.pipeline) if (p.clientId) ids.add(p.clientId);
  const names = await clientNames(db, [...ids]);
  const line = (l: typeof f.lines.baseline) => ({
    points: l.points.map((p) => ({
      date: p.date,
      sourced: pts(p.sourced),
      assisted: pts(p.assisted),
      sold: pts(p.sold),
      managed: pts(p.managed),
      total: pts(p.total),
    })),
    reviewDayTier: tierRef(program, f.reviewDay, l.reviewDayTier),
  });
  return {
    reviewDay: f.reviewDay,
    dates: f.dates,
    lines: { baseline: line(f.lines.baseline), pipeline: line(f.lines.pipeline) },
    atRisk: f.atRisk.map((r) => ({
      clientId: r.clientId,
      clientName: names.get(r.clientId) ?? r.clientId,
      product: r.product,
      status: r.status,
      renewalDate: r.renewalDate,
      decisionDeadline: r.decisionDeadline,
      sold: pts(r.sold),
      managed: pts(r.managed),
      points: pts(r.points),
    })),
    pipeline: f.pipeline.map((p) => ({
      kind: p.kind,
      id: p.id,
      name: p.name,
      clientId: p.clientId,
      clientName: p.clientId ? (names.get(p.clientId) ?? null) : null,
      dealType: p.dealType,
      stage: p.stage,
      probability: p.probability,
      expectedMrr: money(p.mrr, p.currency),
      closeDate: p.closeDate,
      points: pts(p.points),
      weightedPoints: pts(p.weightedPoints),
    })),
  };
}
