// Numbers, money, points and dates for the chosen language, all through Intl. Amounts come
// from the API already rounded to their currency's minor unit; dates are YYYY-MM-DD days
// (formatted in UTC so that no time zone moves them to the day before).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, isLocale } from '../i18n/locales.ts';

export interface Money {
  amount: number;
  currency: string;
}

export interface Formatters {
  locale: string;
  number(value: number, fractionDigits?: number): string;
  points(value: number): string;
  money(value: Money): string;
  percent(fraction: number): string;
  date(day: string): string;
  /** A moment (an ISO timestamp) as date and time in the viewer's time zone. */
  dateTime(iso: string): string;
  month(day: string): string;
  monthShort(day: string): string;
}

function utc(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

export function formatters(intlLocale: string): Formatters {
  const points = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const month = new Intl.DateTimeFormat(intlLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const monthShort = new Intl.DateTimeFormat(intlLocale, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  return {
    locale: intlLocale,
    number: (value, fractionDigits = 0) =>
      new Intl.NumberFormat(intlLocale, { maximumFractionDigits: fractionDigits }).format(value),
    points: (value) => points.format(value),
    money: ({ amount, currency }) => {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(intlLocale, { style: 'currency', currency });
        moneyFormats.set(currency, format);
      }
      return format.format(amount);
    },
    percent: (fraction) => percent.format(fraction),
    date: (day) => date.format(utc(day)),
    dateTime: (iso) => dateTime.format(new Date(iso)),
    month: (day) => month.format(utc(day)),
    monthShort: (day) => monthShort.format(utc(day)),
  };
}

/** The formatters of the current language (re-created only when it changes). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = isLocale(i18n.language) ? i18n.language : 'en';
  return useMemo(() => formatters(INTL_LOCALE[language]), [language]);
}
