// Tier performance and the credited tier (PROGRAM_RULES §5).
import { addMonths, type IsoDate, monthEndsBetween, parts } from './dates.ts';
import type { CertificationFact } from './facts.ts';
import { firstActivity, type Ledger, type PointsSummary, pointsOn, pointsSeries } from './ledger.ts';
import type { Points } from './money.ts';
import { type Program, type RuleSet, ruleSetOn, type Tier, tierRank } from './program.ts';

export interface Performance extends PointsSummary {
  date: IsoDate;
  /** The track the seller minimum is checked against (sold or sourced, per rule set). */
  sellerTrack: Points;
  certified: boolean;
  /** Highest tier met, or null. */
  tier: string | null;
}

export type CreditReason = 'upgrade' | 'downgrade' | 'certification_lapsed';

export interface CreditedTierChange {
  date: IsoDate;
  from: string | null;
  to: string | null;
  reason: CreditReason;
  /** The performance that day (for downgrades: the best in the window). */
  performance: string | null;
}

export function certifiedOn(certs: readonly CertificationFact[], date: IsoDate): boolean {
  return certs.some((c) => c.validFrom <= date && date <= c.validUntil);
}

export function sellerTrackOf(ruleSet: RuleSet, points: PointsSummary): Points {
  return ruleSet.sellerMinimumCounts === 'sold' ? points.sold : points.sourced;
}

export function meetsTier(t: Tier, total: Points, sellerTrack: Points, managed: Points): boolean {
  return total >= t.total && sellerTrack >= t.sellerMinimum && managed >= t.managedMinimum;
}

/** The highest tier these figures qualify for under a rule set (§5). */
export function tierFor(ruleSet: RuleSet, points: PointsSummary, certified: boolean): string | null {
  if (ruleSet.certificationRequired && !certified) return null;
  const seller = sellerTrackOf(ruleSet, points);
  let best: string | null = null;
  for (const t of ruleSet.tiers) if (meetsTier(t, points.total, seller, points.managed)) best = t.id;
  return best;
}

export function performanceOn(ledger: Ledger, date: IsoDate): Performance {
  return performanceOf(ledger, date, pointsOn(ledger, date));
}

function performanceOf(ledger: Ledger, date: IsoDate, points: PointsSummary): Performance {
  const ruleSet = ruleSetOn(ledger.program, date);
  const certified = certifiedOn(ledger.certifications, date);
  return {
    date,
    ...points,
    sellerTrack: sellerTrackOf(ruleSet, points),
    certified,
    tier: tierFor(ruleSet, points, certified),
  };
}

/** Performance on many dates (sorted ascending) in one sweep of the ledger. */
export function performanceSeries(ledger: Ledger, dates: readonly IsoDate[]): Performance[] {
  const series = pointsSeries(ledger, dates);
  return dates.map((d, i) => performanceOf(ledger, d, series[i]!));
}

/** The dates the credited tier is evaluated on in [from, to]: month ends and review days. */
export function evaluationDates(program: Program, from: IsoDate, to: IsoDate): IsoDate[] {
  return events(program, from, to).map((e) => e.date);
}

/** performanceOn with a cache per date, for walks that revisit dates. */
export function memoizedPerformance(
  ledger: Ledger,
  known: readonly Performance[] = [],
): (date: IsoDate) => Performance {
  const cache = new Map<IsoDate, Performance>(known.map((p) => [p.date, p]));
  return (date) => {
    let p = cache.get(date);
    if (!p) {
      p = performanceOn(ledger, date);
      cache.set(date, p);
    }
    return p;
  };
}

/** Review days (from the program's MM-DD list) in [from, to]. */
export function reviewDaysBetween(program: Program, from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let y = parts(from)[0]; y <= parts(to)[0]; y++) {
    for (const md of program.tierReview.reviewDays) {
      const d = `${String(y).padStart(4, '0')}-${md}`;
      if (d >= from && d <= to) out.push(d);
    }
  }
  return out.sort();
}

type Event = { date: IsoDate; review: boolean; monthEnd: boolean };

function events(program: Program, from: IsoDate, to: IsoDate): Event[] {
  const byDate = new Map<IsoDate, Event>();
  for (const d of monthEndsBetween(from, to)) byDate.set(d, { date: d, review: false, monthEnd: true });
  for (const d of reviewDaysBetween(program, from, to)) {
    const e = byDate.get(d);
    if (e) e.review = true;
    else byDate.set(d, { date: d, review: true, monthEnd: false });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The credited tier's history through `asOf`: upgrades at month ends, downgrades only on
 * review days (window, protection, certification). Performance is memoised per date.
 */
export function creditedTierHistory(
  ledger: Ledger,
  asOf: IsoDate,
  performance: (date: IsoDate) => Performance = memoizedPerformance(ledger),
): CreditedTierChange[] {
  const program = ledger.program;
  const start = firstActivity(ledger);
  if (start === undefined || start > asOf) return [];
  const perf = (d: IsoDate) => performance(d).tier;

  const history: CreditedTierChange[] = [];
  let credited: string | null = null;
  let grantedOn: IsoDate = start;
  const set = (date: IsoDate, to: string | null, reason: CreditReason, performance: string | null) => {
    history.push({ date, from: credited, to, reason, performance });
    credited = to;
    grantedOn = date;
  };

  const { windowMonths, protectionMonths } = program.tierReview;
  for (const ev of events(program, start, asOf)) {
    const ruleSet = ruleSetOn(program, ev.date);
    if (ev.review && credited !== null && addMonths(grantedOn, protectionMonths) <= ev.date) {
      if (ruleSet.certificationRequired && !certifiedOn(ledger.certifications, ev.date)) {
        set(ev.date, null, 'certification_lapsed', perf(ev.date));
      } else {
        const windowStart = addMonths(ev.date, -windowMonths);
        const samples = monthEndsBetween(windowStart, ev.date).filter((d) => d > windowStart);
        if (samples[samples.length - 1] !== ev.date) samples.push(ev.date);
        const rank = tierRank(ruleSet, credited);
        let best: string | null = null;
        let bestRank = -1;
        for (const d of samples) {
          const t = perf(d);
          const r = tierRank(ruleSet, t);
          if (r > bestRank) {
            best = t;
            bestRank = r;
          }
        }
        if (bestRank < rank) set(ev.date, best, 'downgrade', best);
      }
    }
    if (ev.monthEnd) {
      const t = perf(ev.date);
      if (tierRank(ruleSet, t) > tierRank(ruleSet, credited)) set(ev.date, t, 'upgrade', t);
    }
  }
  return history;
}

export function creditedOn(history: readonly CreditedTierChange[], date: IsoDate): string | null {
  let tier: string | null = null;
  for (const h of history) {
    if (h.date > date) break;
    tier = h.to;
  }
  return tier;
}
