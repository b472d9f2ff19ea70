// Messages live beside their feature (features/<f>/messages.ts) as one object per language.
// The Swedish and Dutch objects must have exactly the English keys: typecheck refuses a
// missing or extra key, and i18n.test.ts also refuses an empty or untranslated value.
export type MessageTree = { readonly [key: string]: string | MessageTree };

export type SameShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameShape<T[K]> };

export interface FeatureMessages<T extends MessageTree> {
  en: T;
  sv: SameShape<T>;
  nl: SameShape<T>;
}

export function defineMessages<const T extends MessageTree>(
  messages: FeatureMessages<T>,
): FeatureMessages<T> {
  return messages;
}
