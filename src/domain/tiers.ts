// Tier performance and the credited tier (PROGRAM_RULES §5).
import { addMonths, type IsoDate, monthEndsBetween, parts } from './dates.ts';
import type { CertificationFact } from './facts.ts';
import { firstActivity, type Ledger, type PointsSummary, pointsOn } from './ledger.ts';
import type { Points } from './money.ts';
import { type Program, type RuleSet, ruleSetOn, type Tier, tierRank } from './program.ts';
import { lowerBound, pointsColumns } from './series.ts';

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
  return tierOf(ruleSet, points.total, sellerTrackOf(ruleSet, points), points.managed, certified);
}

function tierOf(
  ruleSet: RuleSet,
  total: Points,
  sellerTrack: Points,
  managed: Points,
  certified: boolean,
): string | null {
  if (ruleSet.certificationRequired && !certified) return null;
  let best: string | null = null;
  for (const t of ruleSet.tiers) if (meetsTier(t, total, sellerTrack, managed)) best = t.id;
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

/**
 * Performance on many dates (sorted ascending) as columns: what derivePartner needs for
 * the whole history without an object per date.
 */
export interface PerformanceColumns {
  dates: readonly IsoDate[];
  sourced: Points[];
  assisted: Points[];
  managed: Points[];
  sellerTrack: Points[];
  certified: boolean[];
  tiers: (string | null)[];
}

export function performanceColumns(ledger: Ledger, dates: readonly IsoDate[]): PerformanceColumns {
  const { sourced, assisted, managed } = pointsColumns(ledger, dates);
  const n = dates.length;
  const sellerTrack = new Array<Points>(n);
  const certified = new Array<boolean>(n);
  const tiers = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    const ruleSet = ruleSetOn(ledger.program, dates[i]!);
    const sold = sourced[i]! + assisted[i]!;
    sellerTrack[i] = ruleSet.sellerMinimumCounts === 'sold' ? sold : sourced[i]!;
    certified[i] = certifiedOn(ledger.certifications, dates[i]!);
    tiers[i] = tierOf(ruleSet, sold + managed[i]!, sellerTrack[i]!, managed[i]!, certified[i]!);
  }
  return { dates, sourced, assisted, managed, sellerTrack, certified, tiers };
}

/**
 * The performance tier on any date: from the columns when the date is one of theirs, else
 * computed (and kept) on demand, as review windows may reach before the columns' first date.
 */
export function tierLookup(ledger: Ledger, c: PerformanceColumns): (date: IsoDate) => string | null {
  let others: Map<IsoDate, string | null> | undefined;
  return (date) => {
    const i = lowerBound(c.dates, date);
    if (c.dates[i] === date) return c.tiers[i]!;
    others ??= new Map();
    let tier = others.get(date);
    if (tier === undefined) {
      tier = performanceOn(ledger, date).tier;
      others.set(date, tier);
    }
    return tier;
  };
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

/** A date the credited tier is evaluated on: a month end (upgrades), a review day (downgrades), or both. */
export type TierEvent = { date: IsoDate; review: boolean; monthEnd: boolean };

/** Month ends and review days in [from, to], in date order. */
export function tierEvents(program: Program, from: IsoDate, to: IsoDate): TierEvent[] {
  const byDate = new Map<IsoDate, TierEvent>();
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
  const start = firstActivity(ledger);
  if (start === undefined || start > asOf) return [];
  return creditedTierHistoryOver(
    ledger,
    start,
    tierEvents(ledger.program, start, asOf),
    (d) => performance(d).tier,
  );
}

/**
 * creditedTierHistory over given events (tierEvents from the partner's first activity
 * through asOf), with the performance tier of any date from `perf`.
 */
export function creditedTierHistoryOver(
  ledger: Ledger,
  start: IsoDate,
  events: readonly TierEvent[],
  perf: (date: IsoDate) => string | null,
): CreditedTierChange[] {
  const program = ledger.program;

  const history: CreditedTierChange[] = [];
  let credited: string | null = null;
  let grantedOn: IsoDate = start;
  const set = (date: IsoDate, to: string | null, reason: CreditReason, performance: string | null) => {
    history.push({ date, from: credited, to, reason, performance });
    credited = to;
    grantedOn = date;
  };

  const { windowMonths, protectionMonths } = program.tierReview;
  for (const ev of events) {
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
