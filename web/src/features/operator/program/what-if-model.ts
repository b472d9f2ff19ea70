// The what-if answer as the page shows it: which partners changed (their tier, their
// performance or their points), whether a tier change is up or down, the tier counts side by
// side in tier order, and the filter of the movers table. Pure functions, tested.
import type { Standing, WhatIfAnswer, WhatIfRow } from '../../../lib/api-types.ts';

export const NO_TIER = 'none';
const TRACKS = ['sourced', 'assisted', 'sold', 'managed', 'total'] as const;
export type Track = (typeof TRACKS)[number];

export function pointsChanged(row: WhatIfRow): boolean {
  return TRACKS.some((k) => row.before[k] !== row.after[k]);
}

export function tierChanged(row: WhatIfRow): boolean {
  return row.before.credited !== row.after.credited;
}

export function changed(row: WhatIfRow): boolean {
  return tierChanged(row) || row.before.performance !== row.after.performance || pointsChanged(row);
}

/** +1 up, -1 down, 0 the same credited tier; `order` lists tier ids lowest first. */
export function direction(row: WhatIfRow, order: readonly string[]): -1 | 0 | 1 {
  const rank = (s: Standing) => (s.credited === null ? -1 : order.indexOf(s.credited));
  const d = rank(row.after) - rank(row.before);
  return d > 0 ? 1 : d < 0 ? -1 : 0;
}

export interface TierCount {
  tierId: string;
  before: number;
  after: number;
}

/** Partners per credited tier, before and after: no tier first, then lowest to highest. */
export function tierCounts(tiers: WhatIfAnswer['tiers'], order: readonly string[]): TierCount[] {
  const ids = [NO_TIER, ...order];
  for (const id of [...Object.keys(tiers.before), ...Object.keys(tiers.after)])
    if (!ids.includes(id)) ids.push(id);
  return ids.map((tierId) => ({
    tierId,
    before: tiers.before[tierId] ?? 0,
    after: tiers.after[tierId] ?? 0,
  }));
}

export type MoverFilter = 'tier' | 'all';

/** The rows the movers table shows: changed ones (or tier changes only) whose id matches. */
export function movers(
  partners: readonly WhatIfRow[],
  filter: MoverFilter,
  search: string,
  order: readonly string[],
): WhatIfRow[] {
  const q = search.trim().toLowerCase();
  return partners
    .filter((row) => (filter === 'tier' ? tierChanged(row) : changed(row)))
    .filter((row) => q === '' || row.partnerId.toLowerCase().includes(q))
    .sort(
      (a, b) =>
        Math.abs(direction(b, order)) - Math.abs(direction(a, order)) ||
        Math.abs(b.after.total - b.before.total) - Math.abs(a.after.total - a.before.total) ||
        a.partnerId.localeCompare(b.partnerId),
    );
}

export interface WhatIfSummary {
  partners: number;
  changed: number;
  tierChanges: number;
  up: number;
  down: number;
}

export function summarize(partners: readonly WhatIfRow[], order: readonly string[]): WhatIfSummary {
  let up = 0;
  let down = 0;
  for (const row of partners) {
    const d = direction(row, order);
    if (d > 0) up++;
    else if (d < 0) down++;
  }
  return {
    partners: partners.length,
    changed: partners.filter(changed).length,
    tierChanges: partners.filter(tierChanged).length,
    up,
    down,
  };
}

/** A difference of points or money, rounded to cents (the inputs have at most two decimals). */
export const delta = (before: number, after: number) => Math.round((after - before) * 100) / 100;
