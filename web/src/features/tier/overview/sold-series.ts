// Sold points over time, per month: the four kinds of change the chart stacks (gains up,
// losses down) and which of them each tab (Total, Won, Lost) shows.
import type { SoldOverTime } from '../../../lib/api-types.ts';
import type { SoldTab } from './queries.ts';

export type SoldSeries = 'newSold' | 'increasedSold' | 'expiredDeclined' | 'decreasedSold';

export const SERIES_OF: Record<SoldTab, readonly SoldSeries[]> = {
  total: ['newSold', 'increasedSold', 'expiredDeclined', 'decreasedSold'],
  won: ['newSold', 'increasedSold'],
  lost: ['expiredDeclined', 'decreasedSold'],
};

export const LOSSES: ReadonlySet<SoldSeries> = new Set(['expiredDeclined', 'decreasedSold']);

export const TABS: readonly SoldTab[] = ['total', 'won', 'lost'];

const round2 = (value: number) => Math.round(value * 100) / 100;

export interface SoldFigures {
  newSold: number;
  increasedSold: number;
  expiredSold: number;
  declinedSold: number;
  decreasedSold: number;
  won: number;
  lost: number;
}

/** The four series of a month (or a client's month), all as positive points. */
export function seriesOf(figures: SoldFigures): Record<SoldSeries, number> {
  return {
    newSold: figures.newSold,
    increasedSold: figures.increasedSold,
    expiredDeclined: round2(figures.expiredSold + figures.declinedSold),
    decreasedSold: figures.decreasedSold,
  };
}

export interface SoldRow extends Record<SoldSeries, number> {
  month: string;
  won: number;
  lost: number;
}

export function soldRows(data: SoldOverTime): SoldRow[] {
  return data.months.map((m) => ({ month: m.month, won: m.won, lost: m.lost, ...seriesOf(m) }));
}

/** The first day of a YYYY-MM month, for the date formatters. */
export const dayOf = (month: string) => `${month}-01`;
