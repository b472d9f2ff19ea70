// The Tier page's forecast (issue 14): its inputs from the derived tables on the derivation
// day (or from the ledger the engine just derived, another day), the two lines as JSON.
import type { Queryable } from '../../db/client.ts';
import { type Forecast, forecast, nextReviewDay, withPipeline } from '../../domain/forecast.ts';
import { forecastInputFromLedger } from '../../domain/forecast-input.ts';
import type { Standing } from '../dashboard/standing.ts';
import { baselineFromJson } from '../points/forecast-json.ts';
import { money, pts } from '../portal/json.ts';
import { tierRef } from '../portal/program.ts';
import { approvedRegistrations, forecastInput, pipelineCandidates } from './forecast-repository.ts';
import { clientNames } from './repository.ts';

export async function tierForecast(db: Queryable, standing: Standing) {
  const { program, asOf } = standing;
  const partnerId = standing.partner.partnerId;
  const reviewDay = nextReviewDay(program, asOf);
  if (!reviewDay) return null;
  const stored = standing.insights.forecast;
  let f: Forecast | null;
  if (standing.source === 'derived' && stored && stored.on === asOf && stored.reviewDay === reviewDay) {
    // The baseline stored by the derivation; the pipeline read now (registrations change between derivations).
    f = withPipeline(program, baselineFromJson(stored), await pipelineCandidates(db, partnerId));
  } else if (standing.ledger) {
    f = forecast(forecastInputFromLedger(standing.ledger, asOf, await approvedRegistrations(db, partnerId)));
  } else {
    // Derived before the forecast was stored: its inputs from the derived tables and a few facts.
    f = forecast(await forecastInput(db, program, partnerId, asOf, reviewDay, standing.points.managed));
  }
  if (!f) return null;
  // Names stored with the baseline and read with the pipeline; the slow paths look them up.
  const missing = f.atRisk.filter((r) => r.clientName === undefined).map((r) => r.clientId);
  const names = await clientNames(db, missing);
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
      clientName: r.clientName ?? names.get(r.clientId) ?? r.clientId,
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
      clientName: p.clientName,
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
