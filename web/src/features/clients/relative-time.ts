// "in 12 days", "tomorrow", "in 2 months": a renewal's distance from the server's today,
// in the current language through Intl.RelativeTimeFormat (the API gives the whole days).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INTL_LOCALE, isLocale } from '../../i18n/locales.ts';

/** Days up to this many read as days; beyond, as months (30.44 days each). */
const DAYS_LIMIT = 45;

export function relativeDays(format: Intl.RelativeTimeFormat, days: number): string {
  if (Math.abs(days) <= DAYS_LIMIT) return format.format(days, 'day');
  return format.format(Math.round(days / 30.44), 'month');
}

export function useRelativeDays(): (days: number) => string {
  const { i18n } = useTranslation();
  const language = isLocale(i18n.language) ? i18n.language : 'en';
  return useMemo(() => {
    const format = new Intl.RelativeTimeFormat(INTL_LOCALE[language], { numeric: 'auto' });
    return (days: number) => relativeDays(format, days);
  }, [language]);
}
