// zod schemas for command-line flag values. Commander only collects strings; these
// check them and turn them into engine values, reporting every bad flag by name and value.
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.ts';
import { isCountryCode, isCurrencyCode } from '../domain/iso.ts';
import { parseDecimal } from '../domain/money.ts';
import { UsageError } from './context.ts';

/** camelCase option key → its flag: otherManagers → --other-managers */
export function flagName(key: PropertyKey): string {
  return `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function text(what: string) {
  return z.string({
    error: (iss) =>
      iss.input === undefined
        ? `is required (expected ${what})`
        : `expected ${what}, got ${String(iss.input)}`,
  });
}

function invalid(ctx: z.RefinementCtx, what: string, value: string): never {
  ctx.addIssue({ code: 'custom', message: `expected ${what}, got "${value}"` });
  return z.NEVER;
}

/** A non-negative decimal with at most `digits` decimals, as an integer count of 10^-digits. */
export function decimalFlag(digits: number, what: string) {
  const expected = `${what}: a non-negative decimal number with at most ${digits} decimals`;
  return text(expected).transform((value, ctx) => {
    const r = parseDecimal(value, digits);
    if (typeof r !== 'number' || r < 0 || value.trim().startsWith('-')) return invalid(ctx, expected, value);
    return r;
  });
}

export const currencyFlag = text('an ISO 4217 currency code such as USD').transform((value, ctx) => {
  const code = value.trim().toUpperCase();
  return isCurrencyCode(code) ? code : invalid(ctx, 'an ISO 4217 currency code such as USD', value);
});

export const countryFlag = text('an ISO 3166-1 alpha-2 country code such as US').transform((value, ctx) => {
  const code = value.trim().toUpperCase();
  return isCountryCode(code) ? code : invalid(ctx, 'an ISO 3166-1 alpha-2 country code such as US', value);
});

export const dateFlag = text('a date as YYYY-MM-DD').transform((value, ctx) =>
  isIsoDate(value) ? value : invalid(ctx, 'a real calendar date as YYYY-MM-DD', value),
);

export const countFlag = text('a non-negative integer').transform((value, ctx) => {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    return invalid(ctx, 'a non-negative integer', value);
  }
  return Number(value);
});

export const dealFlag = text('sourced or assisted').transform((value, ctx) =>
  value === 'sourced' || value === 'assisted' ? value : invalid(ctx, 'sourced or assisted', value),
);

/** Parses commander's options with a schema, or throws a UsageError listing every bad flag. */
export function parseFlags<S extends z.ZodType>(schema: S, options: Record<string, unknown>): z.output<S> {
  const r = schema.safeParse(options);
  if (r.success) return r.data;
  throw new UsageError(
    r.error.issues.map((issue) => {
      const key = issue.path[0];
      return key === undefined ? issue.message : `${flagName(key)}: ${issue.message}`;
    }),
  );
}
