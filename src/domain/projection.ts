// Tier insights (PROGRAM_RULES §5 "Insights"): points missing per track for a tier,
// upcoming expirations, and the three-month projection if nothing new is sold.
import { type IsoDate, nextMonthEnds } from './dates.ts';
import { lineKey } from './facts.ts';
import { clientMrrOn, type Ledger, managerCount, type PointsSummary } from './ledger.ts';
import type { Points, Scaled } from './money.ts';
import { type RuleSet, ruleSetOn, tierRank } from './program.ts';
import { entryStateOn, isActive, lineMrrOn } from './sold.ts';
import { certifiedOn, type Performance, performanceOn, sellerTrackOf, tierFor } from './tiers.ts';
import { managedPointsFor } from './units.ts';

export interface TierTarget {
  tierId: string;
  tierName: string;
  /** Points still missing on each track: max(0, threshold - current). */
  missing: { total: Points; seller: Points; managed: Points };
  /** Whether the current figures meet it (certification aside). */
  met: boolean;
}

export function tierTarget(ruleSet: RuleSet, points: PointsSummary, tierId: string): TierTarget | null {
  const tier = ruleSet.tiers.find((t) => t.id === tierId);
  if (!tier) return null;
  const seller = sellerTrackOf(ruleSet, points);
  const missing = {
    total: Math.max(0, tier.total - points.total),
    seller: Math.max(0, tier.sellerMinimum - seller),
    managed: Math.max(0, tier.managedMinimum - points.managed),
  };
  return {
    tierId,
    tierName: tier.name,
    missing,
    met: missing.total === 0 && missing.seller === 0 && missing.managed === 0,
  };
}

export interface ExpirationBucket {
  /** Points whose entries expire in (previous month end, monthEnd]. */
  monthEnd: IsoDate;
  sourced: Points;
  assisted: Points;
  total: Points;
}

export interface ProjectedMonth extends PointsSummary {
  date: IsoDate;
  tier: string | null;
}

export interface TierInsights {
  on: IsoDate;
  credited: string | null;
  performance: Performance;
  /** The credited tier (to keep) and the next tier up (to reach), when they exist. */
  keep: TierTarget | null;
  next: TierTarget | null;
  expirations: ExpirationBucket[];
  projection: ProjectedMonth[];
}

/** Lines with a cancellation requested, ending on their renewal date (after `on`). */
function cancellations(ledger: Ledger, on: IsoDate): Map<string, IsoDate> {
  const out = new Map<string, IsoDate>();
  for (const r of ledger.renewals) {
    if (r.status !== 'cancellation_requested' || r.renewalDate <= on) continue;
    const key = lineKey(r.clientId, r.product);
    const prev = out.get(key);
    if (!prev || r.renewalDate < prev) out.set(key, r.renewalDate);
  }
  return out;
}

/** The partner's points at a future date if nothing new is sold after `on`. */
export function projectedPoints(
  ledger: Ledger,
  on: IsoDate,
  date: IsoDate,
  cancelled: ReadonlyMap<string, IsoDate> = cancellations(ledger, on),
): PointsSummary {
  const endOf = (clientId: string, product: string) =>
    cancelled.size === 0 ? undefined : cancelled.get(lineKey(clientId, product));
  return projectedSeries(ledger, on, [date], endOf)[0]!;
}

/** cancellations as a look-up by client then product, without building a line key per look-up. */
function cancellationLookup(
  ledger: Ledger,
  on: IsoDate,
): (clientId: string, product: string) => IsoDate | undefined {
  const byClient = new Map<string, Map<string, IsoDate>>();
  for (const r of ledger.renewals) {
    if (r.status !== 'cancellation_requested' || r.renewalDate <= on) continue;
    let products = byClient.get(r.clientId);
    if (!products) byClient.set(r.clientId, (products = new Map()));
    const prev = products.get(r.product);
    if (!prev || r.renewalDate < prev) products.set(r.product, r.renewalDate);
  }
  return (clientId, product) => byClient.get(clientId)?.get(product);
}

/**
 * projectedPoints for several dates at once: each entry's remaining points, each line's
 * cancellation and each managed client's MRR and managers are looked up once, not once
 * per date. Managed points are still summed date by date, client by client, as before.
 */
function projectedSeries(
  ledger: Ledger,
  on: IsoDate,
  dates: readonly IsoDate[],
  /** The date a line ends by cancellation, if it does. */
  endOf: (clientId: string, product: string) => IsoDate | undefined,
): PointsSummary[] {
  const n = dates.length;
  const sourced = new Array<Points>(n).fill(0);
  const assisted = new Array<Points>(n).fill(0);
  for (const e of ledger.entries) {
    if (e.earnedOn > on) break;
    const end = endOf(e.clientId, e.product);
    let points: Points | undefined;
    for (let k = 0; k < n; k++) {
      const date = dates[k]!;
      if (!isActive(e, date) || (end !== undefined && end <= date)) continue;
      points ??= entryStateOn(e, on).points;
      if (e.dealType === 'sourced') sourced[k]! += points;
      else assisted[k]! += points;
    }
  }
  // Each managed client's managers and MRR on `on`, less its lines cancelled by each date.
  const ids = ledger.managedClientIds;
  const managers = new Array<number>(ids.length);
  const mrr = new Array<Scaled>(ids.length * n);
  for (let c = 0; c < ids.length; c++) {
    const clientId = ids[c]!;
    // The number of managers, or 0 when the partner is not one of them on `on`.
    managers[c] = managerCount(ledger, clientId, on, ledger.partnerId);
    if (managers[c] === 0) continue;
    const level = clientMrrOn(ledger, clientId, on);
    for (let k = 0; k < n; k++) mrr[c * n + k] = level;
    for (const line of ledger.linesByClient.get(clientId) ?? []) {
      const end = endOf(clientId, line.product);
      if (end === undefined) continue;
      const lineMrr = lineMrrOn(line, on);
      for (let k = 0; k < n; k++) if (end <= dates[k]!) mrr[c * n + k]! -= lineMrr;
    }
  }
  return dates.map((date, k) => {
    const ruleSet = ruleSetOn(ledger.program, date);
    let managed = 0;
    for (let c = 0; c < ids.length; c++) {
      if (managers[c] === 0 || mrr[c * n + k]! <= 0) continue;
      const client = ledger.clients.get(ids[c]!)!;
      managed += managedPointsFor({
        mrr: mrr[c * n + k]!,
        currency: client.currency,
        country: client.country,
        ruleSet,
        managers: managers[c]!,
      });
    }
    const sold = sourced[k]! + assisted[k]!;
    return { sourced: sourced[k]!, assisted: assisted[k]!, sold, managed, total: sold + managed };
  });
}

export function tierInsights(
  ledger: Ledger,
  on: IsoDate,
  credited: string | null,
  performance: Performance = performanceOn(ledger, on),
): TierInsights {
  const ruleSet = ruleSetOn(ledger.program, on);
  const keep = credited ? tierTarget(ruleSet, performance, credited) : null;
  const rank = tierRank(ruleSet, credited);
  const nextTier = ruleSet.tiers[rank + 1];
  const next = nextTier ? tierTarget(ruleSet, performance, nextTier.id) : null;

  const monthEnds = nextMonthEnds(on, 3);
  const expirations: ExpirationBucket[] = monthEnds.map((monthEnd) => ({
    monthEnd,
    sourced: 0,
    assisted: 0,
    total: 0,
  }));
  for (const e of ledger.entries) {
    if (e.earnedOn > on) break;
    if (!isActive(e, on)) continue;
    let lower = on;
    for (const bucket of expirations) {
      if (e.expiresOn > lower && e.expiresOn <= bucket.monthEnd) {
        const { points } = entryStateOn(e, on);
        if (e.dealType === 'sourced') bucket.sourced += points;
        else bucket.assisted += points;
        bucket.total += points;
        break;
      }
      lower = bucket.monthEnd;
    }
  }

  const projected = projectedSeries(ledger, on, monthEnds, cancellationLookup(ledger, on));
  const projection = monthEnds.map((date, k) => {
    const points = projected[k]!;
    const rs = ruleSetOn(ledger.program, date);
    return { date, ...points, tier: tierFor(rs, points, certifiedOn(ledger.certifications, date)) };
  });
  return { on, credited, performance, keep, next, expirations, projection };
}
