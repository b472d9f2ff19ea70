// Who is signed in (GET /me), signing in and out, and the language saved per user.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { rememberLocale } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { ApiError, api, setCsrfToken } from './api.ts';

export type Role = 'operator' | 'partner-admin' | 'partner-user';

export interface Me {
  user: { id: string; email: string; role: Role; partnerId: string | null; locale: Locale };
  partner: { partnerId: string; name: string } | null;
  csrfToken: string;
}

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/api/v1/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

function applyLocale(locale: Locale): void {
  rememberLocale(locale);
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Me>('/api/v1/session', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      applyLocale(me.user.locale);
      client.clear();
      client.setQueryData(ME_KEY, me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>('/api/v1/session'),
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

/** Switches the language now and saves it for the signed-in user. */
export function useChangeLocale() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      applyLocale(locale);
      const me = client.getQueryData<Me | null>(ME_KEY);
      if (!me) return null;
      return api.patch<Me>('/api/v1/me', { locale });
    },
    onSuccess: (me) => {
      if (me) client.setQueryData(ME_KEY, me);
    },
  });
}

/** Applies the signed-in user's saved language once /me is known. */
export function syncLocale(me: Me | null | undefined): void {
  if (me && i18next.language !== me.user.locale) applyLocale(me.user.locale);
}
