// The day a request answers for, and checked date ranges: the clock gives today, the
// query may override it.

import type { AppDeps } from '../../core/app.ts';
import { validationError } from '../../core/errors.ts';
import { addDays, daysBetween, type IsoDate } from '../../domain/dates.ts';

export function dayOf(deps: AppDeps, on: IsoDate | undefined): IsoDate {
  return on ?? deps.clock.today();
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

/** A range from the query (default: the 30 days ending today); `from` after `to` is refused. */
export function rangeOf(
  deps: AppDeps,
  query: { from?: IsoDate | undefined; to?: IsoDate | undefined },
  options: { defaultDays?: number; maxDays?: number } = {},
): DateRange {
  const to = query.to ?? deps.clock.today();
  const from = query.from ?? addDays(to, -((options.defaultDays ?? 30) - 1));
  if (from > to)
    throw validationError([{ in: 'querystring', path: 'from', message: 'must not be after `to`' }]);
  const max = options.maxDays ?? 3660;
  if (daysBetween(from, to) >= max)
    throw validationError([
      { in: 'querystring', path: 'from', message: `the range may span at most ${max} days` },
    ]);
  return { from, to };
}

export function paginate<T>(rows: readonly T[], page: number, pageSize: number) {
  const start = (page - 1) * pageSize;
  return { page, pageSize, total: rows.length, items: rows.slice(start, start + pageSize) };
}
