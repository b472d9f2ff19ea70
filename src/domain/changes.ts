// Point changes over a date range [from, to] with their drill-down (PROGRAM_RULES §6).
import { addDays, type IsoDate } from './dates.ts';
import { compareCodePoints } from './facts.ts';
import { type Ledger, managedOn } from './ledger.ts';
import type { Points } from './money.ts';
import { entryStateOn, type PointLoss, type SoldEntry } from './sold.ts';

export type ChangeCategory =
  | 'newSold'
  | 'increasedSold'
  | 'expiredSold'
  | 'decreasedSold'
  | 'declinedSold'
  | 'newManaged'
  | 'lostManaged';

export const CHANGE_CATEGORIES: readonly ChangeCategory[] = [
  'newSold',
  'increasedSold',
  'expiredSold',
  'decreasedSold',
  'declinedSold',
  'newManaged',
  'lostManaged',
];

/** One line of a drill-down report: which client, which entry or change, how many points. */
export interface ChangeItem {
  category: ChangeCategory;
  clientId: string;
  date: IsoDate;
  /** Positive: the size of the change in this category. */
  points: Points;
  product?: string;
  entryId?: string;
  changeId?: string;
  dealId?: string;
  dealType?: 'sourced' | 'assisted';
  /** Managed items: the client's managed points before and after. */
  before?: Points;
  after?: Points;
}

export type ChangeTotals = Record<ChangeCategory, Points>;

export interface PointChanges {
  from: IsoDate;
  to: IsoDate;
  totals: ChangeTotals;
  items: ChangeItem[];
}

function soldItem(e: SoldEntry): ChangeItem {
  return {
    category: e.kind === 'new' ? 'newSold' : 'increasedSold',
    clientId: e.clientId,
    date: e.earnedOn,
    points: e.points,
    product: e.product,
    entryId: e.entryId,
    changeId: e.changeId,
    dealId: e.dealId,
    dealType: e.dealType,
  };
}

function lossItem(l: PointLoss): ChangeItem {
  return {
    category: l.kind === 'declined' ? 'declinedSold' : 'decreasedSold',
    clientId: l.clientId,
    date: l.date,
    points: l.points,
    product: l.product,
    entryId: l.entryId,
    changeId: l.changeId,
    dealType: l.dealType,
  };
}

/** The changes of a partner's points in [from, to], inclusive, with every item behind them. */
export function pointChanges(ledger: Ledger, from: IsoDate, to: IsoDate): PointChanges {
  const items: ChangeItem[] = [];
  for (const e of ledger.entries) {
    // An entry whose MRR rounds to no points (a few hundredths of a cent) is no change.
    if (e.earnedOn >= from && e.earnedOn <= to && e.points > 0) items.push(soldItem(e));
    if (e.expiresOn >= from && e.expiresOn <= to) {
      // What was left the day before it expired (nothing consumes it after).
      const left = entryStateOn(e, addDays(e.expiresOn, -1)).points;
      if (left > 0) {
        items.push({
          category: 'expiredSold',
          clientId: e.clientId,
          date: e.expiresOn,
          points: left,
          product: e.product,
          entryId: e.entryId,
          dealId: e.dealId,
          dealType: e.dealType,
        });
      }
    }
  }
  for (const l of ledger.losses) if (l.date >= from && l.date <= to && l.points > 0) items.push(lossItem(l));

  const before = new Map(managedOn(ledger, addDays(from, -1)).map((c) => [c.clientId, c.points]));
  const after = new Map(managedOn(ledger, to).map((c) => [c.clientId, c.points]));
  for (const clientId of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(clientId) ?? 0;
    const a = after.get(clientId) ?? 0;
    if (a === b) continue;
    items.push({
      category: a > b ? 'newManaged' : 'lostManaged',
      clientId,
      date: to,
      points: Math.abs(a - b),
      before: b,
      after: a,
    });
  }

  items.sort(
    (x, y) =>
      (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) ||
      compareCodePoints(x.clientId, y.clientId) ||
      compareCodePoints(x.entryId ?? '', y.entryId ?? '') ||
      compareCodePoints(x.category, y.category),
  );
  const totals = Object.fromEntries(CHANGE_CATEGORIES.map((c) => [c, 0])) as ChangeTotals;
  for (const item of items) totals[item.category] += item.points;
  return { from, to, totals, items };
}
