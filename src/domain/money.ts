// Exact arithmetic without binary floating point.
//
// Every decimal quantity of the engine is an integer count of a fixed unit:
// - amounts (MRR, deal amounts) and program decimals (rates, multipliers, currency
//   table values, commission rate) in ten-thousandths: `Scaled`, scale 10^4;
// - points in hundredths: `Points`, scale 10^2 (points are rounded to 2 decimals).
// Products and quotients go through mulDivRound, which rounds half away from zero
// exactly once, using BigInt when a product leaves the safe-integer range.

/** An integer count of 1/10,000. */
export type Scaled = number;
/** An integer count of 1/100 point. */
export type Points = number;

export const SCALE = 10_000;
export const SCALE_DIGITS = 4;
export const POINTS_SCALE = 100;

/**
 * round_half_away_from_zero(prod(nums) / prod(dens)) for integer factors, exactly.
 */
export function mulDivRound(nums: readonly number[], dens: readonly number[]): number {
  let n = 1;
  let d = 1;
  for (const x of nums) n *= x;
  for (const x of dens) d *= x;
  if (d === 0) throw new RangeError('division by zero');
  if (n === 0) return 0;
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return divRound(n, d);
  let bn = 1n;
  let bd = 1n;
  for (const x of nums) bn *= BigInt(x);
  for (const x of dens) bd *= BigInt(x);
  const neg = bn < 0n !== bd < 0n;
  if (bn < 0n) bn = -bn;
  if (bd < 0n) bd = -bd;
  let q = bn / bd;
  if (2n * (bn % bd) >= bd) q += 1n;
  const out = Number(neg ? -q : q);
  if (!Number.isSafeInteger(out)) throw new RangeError('result out of range');
  return out;
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** round_half_away_from_zero(n / d) for safe integers (the fast path of mulDivRound). */
export function divRound(n: number, d: number): number {
  const neg = n < 0 !== d < 0;
  const an = Math.abs(n);
  const ad = Math.abs(d);
  const r = an % ad;
  let q = (an - r) / ad;
  if (2 * r >= ad) q += 1;
  return neg ? -q : q;
}

/**
 * mulDivRound for four factors over four, without allocating: the engine's hot path
 * (points of an amount). Falls back to the exact BigInt path when a product is too large.
 */
export function mulDivRound4(
  a: number,
  b: number,
  c: number,
  e: number,
  f: number,
  g: number,
  h: number,
  i: number,
): number {
  const n = a * b * c * e;
  const d = f * g * h * i;
  if (n !== 0 && d !== 0 && Number.isSafeInteger(n) && Number.isSafeInteger(d)) return divRound(n, d);
  return mulDivRound([a, b, c, e], [f, g, h, i]);
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string ("880", "62.5", "-12.0001") to an integer count of 10^-digits.
 * Returns an error message instead when the text is not a plain decimal or has more
 * fraction digits than the scale holds.
 */
export function parseDecimal(text: string, digits: number = SCALE_DIGITS): number | { error: string } {
  const m = DECIMAL.exec(text.trim());
  if (!m) return { error: `"${text}" is not a decimal number` };
  const frac = m[3] ?? '';
  if (frac.replace(/0+$/, '').length > digits) {
    return { error: `"${text}" has more than ${digits} decimal places` };
  }
  const int = m[2]!.replace(/^0+(?=\d)/, '');
  const value = Number(int + frac.padEnd(digits, '0').slice(0, digits));
  if (!Number.isSafeInteger(value)) return { error: `"${text}" is too large` };
  return m[1] && value !== 0 ? -value : value;
}

/** A JSON number (as written in a program file) to a Scaled integer, or an error. */
export function scaledFromNumber(value: number): number | { error: string } {
  if (!Number.isFinite(value)) return { error: `${value} is not a finite number` };
  const text = String(value);
  if (/e/i.test(text)) return { error: `${text} is out of range for a ${SCALE_DIGITS}-decimal value` };
  return parseDecimal(text);
}

export function scaled(value: number): Scaled {
  const r = scaledFromNumber(value);
  if (typeof r !== 'number') throw new RangeError(r.error);
  return r;
}

/** An integer count of 10^-digits as a plain decimal string, trailing zeros removed. */
export function formatDecimal(value: number, digits: number = SCALE_DIGITS): string {
  const neg = value < 0;
  const s = String(Math.abs(value)).padStart(digits + 1, '0');
  const int = s.slice(0, s.length - digits);
  const frac = s.slice(s.length - digits).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** For JSON output: the nearest double to the exact decimal (prints as the decimal). */
export function toJsonNumber(value: number, scale: number): number {
  return Number(formatDecimal(value, Math.round(Math.log10(scale))));
}

export const pointsToNumber = (p: Points): number => toJsonNumber(p, POINTS_SCALE);
export const scaledToNumber = (s: Scaled): number => toJsonNumber(s, SCALE);

/** Rescales a Scaled amount to `digits` decimals, rounding half away from zero. */
export function roundScaled(value: Scaled, digits: number): Scaled {
  const unit = 10 ** (SCALE_DIGITS - digits);
  return divRound(value, unit) * unit;
}

/** round_half_away_from_zero(a * b / d), exactly, without allocating when a * b is a safe integer. */
export function mulDivRound2(a: number, b: number, d: number): number {
  const n = a * b;
  if (d !== 0 && Number.isSafeInteger(n)) return n === 0 ? 0 : divRound(n, d);
  return mulDivRound([a, b], [d]);
}

// ISO 4217 minor units that differ from 2 (the calculator rounds amounts to these).
const MINOR_UNITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}
