export const LOCALES = ['en', 'sv', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

/** Intl locale per app language; English uses US formats. */
export const INTL_LOCALE: Record<Locale, string> = { en: 'en-US', sv: 'sv-SE', nl: 'nl-NL' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
