// The Tier page's forecast (issue 14): the projection of PROGRAM_RULES §5 "Insights" run to
// the next review day as two lines.
// - baseline: "if nothing else happens": sold entries expire on schedule, managed points stay
//   at today's level, and the renewals at risk end their line on its renewal date: a
//   cancellation requested, or a renewal still pending past its decision deadline (renewal
//   date minus renewals.decisionLeadDays, §10).
// - pipeline: the baseline plus the weighted open pipeline: approved registrations and open
//   deals, each counted as a sold entry of its expected MRR earned on its expected close date
//   (§3.1 with the rule set in force that day), times the program's stage probability.
// Dates: today, every month end before the next review day, and the review day. Pure: the
// caller gathers the inputs (from the ledger: forecast-input.ts, or the derived tables).
import { addDays, addMonths, type IsoDate, nextMonthEnds } from './dates.ts';
import type { CertificationFact, RenewalFact } from './facts.ts';
import type { PointsSummary } from './ledger.ts';
import { mulDivRound, type Points, type Scaled } from './money.ts';
import { type DealType, type Program, ruleSetOn } from './program.ts';
import { certifiedOn, reviewDaysBetween, tierFor } from './tiers.ts';
import { EngineError, managedPointsFor, rateFor, soldPointsFor } from './units.ts';

/** A sold entry active on the forecast's day, with its remaining points that day. */
export interface ForecastEntry {
  clientId: string;
  product: string;
  dealType: DealType;
  points: Points;
  expiresOn: IsoDate;
}

/** A client the partner manages on the day: its lines' MRR and the number of managers. */
export interface ForecastManagedClient {
  clientId: string;
  currency: string;
  country: string;
  /** Partners managing it on the day (the partner included), >= 1. */
  managers: number;
  lines: readonly { product: string; mrr: Scaled }[];
}

/** An approved registration or an open deal of the partner. */
export interface PipelineCandidate {
  kind: 'registration' | 'deal';
  /** The registration's or the deal's id. */
  id: string;
  name: string;
  clientId: string | null;
  clientName?: string | null;
  country: string;
  currency: string;
  /** Expected MRR. */
  mrr: Scaled;
  /** null: not known (an open deal without one), counted as closing the day after `on`. */
  expectedCloseDate: IsoDate | null;
  dealType: DealType;
  /** The stage whose probability weights it: 'approved' (registrations), 'open' (deals). */
  stage: string;
  /** A registration's vendor deal: that open deal is the same opportunity, counted once. */
  dealId?: string | null;
}

export interface ForecastInput {
  program: Program;
  on: IsoDate;
  entries: readonly ForecastEntry[];
  managed: readonly ForecastManagedClient[];
  /**
   * The partner's managed points on `on`. When given, `managed` may list only some clients
   * (those with renewals at risk): the others keep their points of `on` on every date, which
   * holds while no rule set starts after `on` and by the review day (the caller checks).
   */
  managedOn?: Points;
  renewals: readonly RenewalFact[];
  pipeline: readonly PipelineCandidate[];
  certifications: readonly CertificationFact[];
}

export interface ForecastPoint extends PointsSummary {
  date: IsoDate;
}

export interface ForecastLine {
  points: ForecastPoint[];
  /** The performance tier these points reach on the review day. */
  reviewDayTier: string | null;
}

export interface AtRiskItem {
  clientId: string;
  /** Filled in by the caller that knows it (the derivation stores it). */
  clientName?: string;
  product: string;
  renewalDate: IsoDate;
  status: 'cancellation_requested' | 'pending';
  decisionDeadline: IsoDate;
  /** Points the line would take away on the review day: its sold entries and managed share. */
  sold: Points;
  managed: Points;
  points: Points;
}

export interface PipelineItem {
  kind: 'registration' | 'deal';
  id: string;
  name: string;
  clientId: string | null;
  clientName: string | null;
  dealType: DealType;
  stage: string;
  probability: number;
  mrr: Scaled;
  currency: string;
  /** The day it is counted from (the expected close date, or the day after `on`). */
  closeDate: IsoDate;
  /** Sold points if it closes (§3.1), and times the probability. */
  points: Points;
  weightedPoints: Points;
}

export interface Forecast {
  on: IsoDate;
  reviewDay: IsoDate;
  dates: IsoDate[];
  lines: { baseline: ForecastLine; pipeline: ForecastLine };
  atRisk: AtRiskItem[];
  pipeline: PipelineItem[];
}

/** The first review day strictly after `on`. */
export function nextReviewDay(program: Program, on: IsoDate): IsoDate | null {
  return reviewDaysBetween(program, addDays(on, 1), addMonths(on, 12))[0] ?? null;
}

/** `on`, every month end after it and before the review day, the review day. */
export function forecastDates(on: IsoDate, reviewDay: IsoDate): IsoDate[] {
  const dates = [on];
  for (let k = 1; ; k++) {
    const me = nextMonthEnds(on, k)[k - 1]!;
    if (me >= reviewDay) break;
    dates.push(me);
  }
  dates.push(reviewDay);
  return dates;
}

const AT_RISK = (r: RenewalFact, on: IsoDate, lead: number): boolean =>
  r.status === 'cancellation_requested' || (r.status === 'pending' && addDays(r.renewalDate, -lead) < on);

/** probability × points, in hundredths of a point (the probability to 4 decimals). */
function weighted(points: Points, probability: number): Points {
  return mulDivRound([points, Math.round(probability * 10_000)], [10_000]);
}

/** The baseline line and the renewals at risk: facts only (what a derivation stores). */
export interface BaselineForecast {
  on: IsoDate;
  reviewDay: IsoDate;
  dates: IsoDate[];
  baseline: ForecastPoint[];
  /** A certification valid on the review day (for the tiers of both lines). */
  reviewDayCertified: boolean;
  atRisk: AtRiskItem[];
}

export function forecast(input: ForecastInput): Forecast | null {
  const b = baselineForecast(input);
  return b && withPipeline(input.program, b, input.pipeline);
}

export function baselineForecast(input: Omit<ForecastInput, 'pipeline'>): BaselineForecast | null {
  const { program, on } = input;
  const reviewDay = nextReviewDay(program, on);
  if (!reviewDay) return null;
  const dates = forecastDates(on, reviewDay);
  const lead = program.renewals.decisionLeadDays;

  // The renewals at risk before the review day: each line ends on its earliest one.
  const ends = new Map<string, Map<string, RenewalFact>>();
  for (const r of input.renewals) {
    if (r.renewalDate <= on || r.renewalDate > reviewDay || !AT_RISK(r, on, lead)) continue;
    let products = ends.get(r.clientId);
    if (!products) ends.set(r.clientId, (products = new Map()));
    const prev = products.get(r.product);
    if (!prev || r.renewalDate < prev.renewalDate) products.set(r.product, r);
  }
  const endOf = (clientId: string, product: string) => ends.get(clientId)?.get(product)?.renewalDate;

  const n = dates.length;
  const zero = () => new Array<Points>(n).fill(0);
  const sourced = zero();
  const assisted = zero();
  const managed = zero();
  const lostSold = new Map<RenewalFact, Points>();
  for (const e of input.entries) {
    const end = endOf(e.clientId, e.product);
    for (let k = 0; k < n; k++) {
      const date = dates[k]!;
      if (e.expiresOn <= date || (end !== undefined && end <= date)) continue;
      if (e.dealType === 'sourced') sourced[k]! += e.points;
      else assisted[k]! += e.points;
    }
    if (end !== undefined && e.expiresOn > reviewDay) {
      const r = ends.get(e.clientId)!.get(e.product)!;
      lostSold.set(r, (lostSold.get(r) ?? 0) + e.points);
    }
  }
  const lostManaged = new Map<RenewalFact, Points>();
  const reviewRules = ruleSetOn(program, reviewDay);
  let listedOn = 0;
  for (const c of input.managed) {
    const points = (mrr: Scaled, date: IsoDate, ruleSet = ruleSetOn(program, date)) =>
      mrr <= 0
        ? 0
        : managedPointsFor({ mrr, currency: c.currency, country: c.country, ruleSet, managers: c.managers });
    const full = c.lines.reduce((s, l) => s + l.mrr, 0);
    if (input.managedOn !== undefined) listedOn += points(full, on);
    for (let k = 0; k < n; k++) {
      let mrr = full;
      for (const l of c.lines) {
        const end = endOf(c.clientId, l.product);
        if (end !== undefined && end <= dates[k]!) mrr -= l.mrr;
      }
      managed[k]! += points(mrr, dates[k]!);
    }
    // Each at-risk line's share of the managed points lost by the review day, in renewal order.
    const risky = c.lines
      .map((l) => ({ l, r: ends.get(c.clientId)?.get(l.product) }))
      .filter((x): x is { l: (typeof c.lines)[number]; r: RenewalFact } => x.r !== undefined)
      .sort((a, b) => (a.r.renewalDate < b.r.renewalDate ? -1 : a.r.renewalDate > b.r.renewalDate ? 1 : 0));
    let mrr = full;
    for (const { l, r } of risky) {
      const before = points(mrr, reviewDay, reviewRules);
      mrr -= l.mrr;
      lostManaged.set(r, before - points(mrr, reviewDay, reviewRules));
    }
  }
  if (input.managedOn !== undefined) for (let k = 0; k < n; k++) managed[k]! += input.managedOn - listedOn;
  const baseline = dates.map(
    (date, k): ForecastPoint => ({
      date,
      sourced: sourced[k]!,
      assisted: assisted[k]!,
      sold: sourced[k]! + assisted[k]!,
      managed: managed[k]!,
      total: sourced[k]! + assisted[k]! + managed[k]!,
    }),
  );

  const atRisk: AtRiskItem[] = [];
  for (const products of ends.values()) {
    for (const r of products.values()) {
      const sold = lostSold.get(r) ?? 0;
      const man = lostManaged.get(r) ?? 0;
      if (sold === 0 && man === 0) continue;
      atRisk.push({
        clientId: r.clientId,
        product: r.product,
        renewalDate: r.renewalDate,
        status: r.status as AtRiskItem['status'],
        decisionDeadline: addDays(r.renewalDate, -lead),
        sold,
        managed: man,
        points: sold + man,
      });
    }
  }
  atRisk.sort(
    (a, b) => b.points - a.points || cmp(a.renewalDate, b.renewalDate) || cmp(a.clientId, b.clientId),
  );

  return {
    on,
    reviewDay,
    dates,
    baseline,
    reviewDayCertified: certifiedOn(input.certifications, reviewDay),
    atRisk,
  };
}

/** The pipeline line on a baseline: each candidate closing by the review day, weighted. */
export function withPipeline(
  program: Program,
  b: BaselineForecast,
  candidates: readonly PipelineCandidate[],
): Forecast {
  const { on, reviewDay, dates } = b;
  const reviewRules = ruleSetOn(program, reviewDay);
  const line = (points: ForecastPoint[]): ForecastLine => ({
    points,
    reviewDayTier: tierFor(reviewRules, points.at(-1)!, b.reviewDayCertified),
  });
  const pipeline = pipelineItems(program, on, candidates, reviewDay);
  const withExtra = (p: ForecastPoint): ForecastPoint => {
    let s = p.sourced;
    let a = p.assisted;
    for (const x of pipeline) {
      if (x.closeDate > p.date) continue;
      if (x.dealType === 'sourced') s += x.weightedPoints;
      else a += x.weightedPoints;
    }
    return {
      date: p.date,
      sourced: s,
      assisted: a,
      sold: s + a,
      managed: p.managed,
      total: s + a + p.managed,
    };
  };
  return {
    on,
    reviewDay,
    dates,
    lines: { baseline: line(b.baseline), pipeline: line(b.baseline.map(withExtra)) },
    atRisk: b.atRisk,
    pipeline,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The pipeline closing by the review day, weighted; most weighted points first. */
function pipelineItems(
  program: Program,
  on: IsoDate,
  candidates: readonly PipelineCandidate[],
  reviewDay: IsoDate,
): PipelineItem[] {
  const probabilities = program.dealRegistration.stageProbabilities;
  const registered = new Set(
    candidates.filter((p) => p.kind === 'registration' && p.dealId).map((p) => p.dealId!),
  );
  const out: PipelineItem[] = [];
  for (const p of candidates) {
    if (p.kind === 'deal' && registered.has(p.id)) continue;
    const probability = probabilities[p.stage] ?? 0;
    const closeDate = p.expectedCloseDate && p.expectedCloseDate > on ? p.expectedCloseDate : addDays(on, 1);
    if (probability <= 0 || p.mrr <= 0 || closeDate > reviewDay) continue;
    const ruleSet = ruleSetOn(program, closeDate);
    // An entry earned that day lives soldPointsLifetimeMonths: past the review day, always.
    if (addMonths(closeDate, ruleSet.soldPointsLifetimeMonths) <= reviewDay) continue;
    let points: Points;
    try {
      points = soldPointsFor({
        amount: p.mrr,
        currency: p.currency,
        country: p.country,
        ruleSet,
        rate: rateFor(ruleSet, p.dealType),
      });
    } catch (e) {
      if (e instanceof EngineError) continue; // a currency the program has no value for
      throw e;
    }
    out.push({
      kind: p.kind,
      id: p.id,
      name: p.name,
      clientId: p.clientId,
      clientName: p.clientName ?? null,
      dealType: p.dealType,
      stage: p.stage,
      probability,
      mrr: p.mrr,
      currency: p.currency,
      closeDate,
      points,
      weightedPoints: weighted(points, probability),
    });
  }
  return out.sort(
    (a, b) => b.weightedPoints - a.weightedPoints || cmp(a.closeDate, b.closeDate) || cmp(a.id, b.id),
  );
}
