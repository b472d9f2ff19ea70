// Day numbers for the generator's arithmetic, with interned ISO strings: millions of rows
// share a few thousand date strings instead of each holding its own.
import { addMonths, fromDayNumber, type IsoDate, monthOf, toDayNumber } from '../../domain/dates.ts';

export class Calendar {
  /** First day of the generated history: endDate - months. */
  readonly startDay: number;
  readonly endDay: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  private readonly base: number;
  private readonly days: (IsoDate | undefined)[] = [];
  private readonly monthCache = new Map<number, string>();
  private readonly monthIndexes: Int32Array;

  constructor(endDate: IsoDate, months: number) {
    this.endDate = endDate;
    this.startDate = addMonths(endDate, -months);
    this.startDay = toDayNumber(this.startDate);
    this.endDay = toDayNumber(endDate);
    this.base = this.startDay - 1000;
    this.monthIndexes = new Int32Array(this.endDay - this.base + 1000).fill(-1);
  }

  iso(day: number): IsoDate {
    const i = day - this.base;
    if (i < 0) return fromDayNumber(day);
    let s = this.days[i];
    if (s === undefined) {
      s = fromDayNumber(day);
      this.days[i] = s;
    }
    return s;
  }

  /** 'YYYY-MM' of a day, interned. */
  month(day: number): string {
    const iso = this.iso(day);
    const key = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
    let s = this.monthCache.get(key);
    if (s === undefined) {
      s = monthOf(iso);
      this.monthCache.set(key, s);
    }
    return s;
  }

  /** Month index (year * 12 + month - 1) of a day. */
  monthIndex(day: number): number {
    const i = day - this.base;
    if (i >= 0 && i < this.monthIndexes.length) {
      const cached = this.monthIndexes[i]!;
      if (cached >= 0) return cached;
    }
    const iso = this.iso(day);
    const m = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
    if (i >= 0 && i < this.monthIndexes.length) this.monthIndexes[i] = m;
    return m;
  }

  /** Day number of the first day of a month index. */
  monthStartDay(monthIndex: number): number {
    const y = Math.floor(monthIndex / 12);
    const m = (monthIndex % 12) + 1;
    return toDayNumber(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`);
  }

  /** The day `years` calendar years after `day` (Feb 29 clamps to Feb 28). */
  addYears(day: number, years: number): number {
    return toDayNumber(addMonths(this.iso(day), 12 * years));
  }
}

/** A fixed-width, sortable id: prefix + zero-padded number. */
export function makeId(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}

export function idWidth(count: number, minimum: number): number {
  return Math.max(minimum, String(count).length);
}
