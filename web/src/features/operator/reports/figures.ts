// The figures the operator's Reports page offers: a point-change metric alone, or the sums
// the dashboard shows (lost sold points: expired + decreased + declined; won sold points:
// new + increased), each as the metrics the API sums. And the page's date range presets.
import { addDays, addMonths, isIsoDate, monthStart, parts } from '../../../../../src/domain/dates.ts';

export const FIGURES = {
  'lost-sold': ['expired-sold', 'decreased-sold', 'declined-sold'],
  'won-sold': ['new-sold', 'increased-sold'],
  'new-sold': ['new-sold'],
  'increased-sold': ['increased-sold'],
  'expired-sold': ['expired-sold'],
  'decreased-sold': ['decreased-sold'],
  'declined-sold': ['declined-sold'],
  'new-managed': ['new-managed'],
  'lost-managed': ['lost-managed'],
} as const satisfies Record<string, readonly string[]>;
export type Figure = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as Figure[];

export const isFigure = (value: string | null): value is Figure => value !== null && value in FIGURES;

/** The API's `metric` of a figure: its metrics, comma-separated. */
export const metricParam = (figure: Figure) => FIGURES[figure].join(',');

/** A metric as the drill-down API names its category: expired-sold → expiredSold. */
export const categoryOf = (metric: string) => metric.replace(/-([a-z])/g, (_, l: string) => l.toUpperCase());

export const PRESETS = ['last30', 'lastQuarter', 'last12Months', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Range {
  preset: Preset;
  from: string;
  to: string;
}

/** A preset's days, ending on (or before) the server's today. */
export function presetRange(preset: Exclude<Preset, 'custom'>, today: string): Range {
  switch (preset) {
    case 'last30':
      return { preset, from: addDays(today, -29), to: today };
    case 'last12Months':
      return { preset, from: addDays(addMonths(today, -12), 1), to: today };
    case 'lastQuarter': {
      // The calendar quarter before today's.
      const [y, m] = parts(today);
      const thisQuarter = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
      const from = addMonths(monthStart(thisQuarter), -3);
      return { preset, from, to: addDays(thisQuarter, -1) };
    }
  }
}

export const validRange = (from: string, to: string) => isIsoDate(from) && isIsoDate(to) && from <= to;
