// Date-only values as 'YYYY-MM-DD' strings. Plain integer calendar arithmetic: no Date,
// no time zones, no clock. ISO strings compare correctly with < and >.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when the string is a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Number(date.slice(from, to)), read from the character codes when they are all digits:
 * the engine parses dates millions of times and the slices were needless garbage.
 */
function field(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = date.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return Number(date.slice(from, to));
    n = n * 10 + c;
  }
  return n;
}

export function parts(date: IsoDate): [number, number, number] {
  return [field(date, 0, 4), field(date, 5, 7), field(date, 8, 10)];
}

// '00' to '99': two-digit months and days without padStart.
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
// 'YYYY-MM-' of the months from 1970 to 2129, so that a date in them is one concatenation
// (the engine formats millions of dates; each step of a longer one is a string to collect).
const PREFIX_FROM = 1970;
const MONTH_PREFIXES = Array.from(
  { length: 160 * 12 },
  (_, i) => `${PREFIX_FROM + Math.floor(i / 12)}-${TWO_DIGITS[(i % 12) + 1]}-`,
);

export function fromParts(y: number, m: number, d: number): IsoDate {
  // Four-digit years and two-digit fields (every engine date) skip the padding.
  if (
    y >= 1000 &&
    y <= 9999 &&
    Number.isInteger(y) &&
    TWO_DIGITS[m] !== undefined &&
    TWO_DIGITS[d] !== undefined
  ) {
    if (y >= PREFIX_FROM && m >= 1 && m <= 12) {
      const prefix = MONTH_PREFIXES[(y - PREFIX_FROM) * 12 + m - 1];
      if (prefix !== undefined) return prefix + TWO_DIGITS[d];
    }
    return `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil), for day arithmetic.
export function toDayNumber(date: IsoDate): number {
  // The fields read directly: a parts() tuple per call was garbage on the engine's hot paths.
  let y = field(date, 0, 4);
  const m = field(date, 5, 7);
  const d = field(date, 8, 10);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return fromParts(y, m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Calendar months later; a day past the end of a shorter month clamps to its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = field(date, 0, 4);
  const m = field(date, 5, 7);
  const d = field(date, 8, 10);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fromParts(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function monthEnd(date: IsoDate): IsoDate {
  const y = field(date, 0, 4);
  const m = field(date, 5, 7);
  return fromParts(y, m, daysInMonth(y, m));
}

export function isMonthEnd(date: IsoDate): boolean {
  return monthEnd(date) === date;
}

export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 8)}01`;
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** The month ends d with from <= d <= to, in order. */
export function monthEndsBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let y = field(from, 0, 4);
  let m = field(from, 5, 7);
  for (let me = monthEnd(from); me <= to; ) {
    out.push(me);
    // The next month with integers, instead of formatting and re-parsing each month end
    // (the same dates as the general step below, which other years take).
    if (y >= 1000 && y < 9999) {
      if (++m > 12) {
        m = 1;
        y++;
      }
      me = fromParts(y, m, daysInMonth(y, m));
    } else {
      me = monthEnd(addMonths(monthStart(me), 1));
      y = field(me, 0, 4);
      m = field(me, 5, 7);
    }
  }
  return out;
}

/** The first n month ends strictly after date. */
export function nextMonthEnds(date: IsoDate, n: number): IsoDate[] {
  const out: IsoDate[] = [];
  let me = monthEnd(date);
  if (me === date) me = monthEnd(addMonths(monthStart(date), 1));
  while (out.length < n) {
    out.push(me);
    me = monthEnd(addMonths(monthStart(me), 1));
  }
  return out;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
