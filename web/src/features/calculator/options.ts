// The pickers' options in the current language: countries and currencies by their names,
// and the number fields' separators as Intl writes them.
import { COUNTRY_CODES } from '../../../../src/domain/iso.ts';

export interface Option {
  value: string;
  label: string;
}

const countryCache = new Map<string, Option[]>();

/** Every country, named in the language, alphabetical. */
export function countryOptions(locale: string): Option[] {
  let options = countryCache.get(locale);
  if (!options) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(locale);
    options = COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
    countryCache.set(locale, options);
  }
  return options;
}

/** Currencies as "EUR · Euro", in the given order. */
export function currencyOptions(locale: string, codes: readonly string[]): Option[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
  return codes.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}

/** The decimal and thousands separators of the language (for the number fields). */
export function separators(locale: string): { decimal: string; thousands: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/** An amount of a currency with exactly the minor unit the engine rounded it to. */
export function exactMoney(locale: string, amount: number, currency: string, digits: number): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** A round amount of a currency without decimals ("$100"). */
export function wholeMoney(locale: string, amount: number, currency: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: amount % 1 === 0 ? 0 : 4,
  }).format(amount);
}
