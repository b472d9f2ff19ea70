// A country's name in the current language (Intl.DisplayNames), falling back to its code.
import { useMemo } from 'react';
import { useFormat } from '../../../lib/format.ts';

export function useCountryName(): (code: string) => string {
  const { locale } = useFormat();
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    return (code: string) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    };
  }, [locale]);
}
