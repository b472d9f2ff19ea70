// Server state of the partner's deal registrations: My registrations (newest first), the
// as-you-type conflict check, registering and asking for an extension. Keys start with the
// partner id; a write reads the partner's registrations (and the operator queue) again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, partnerPath } from '../../lib/api.ts';
import type {
  Registration,
  RegistrationBody,
  RegistrationCheck,
  RegistrationCheckBody,
  RegistrationList,
  RegistrationStatus,
} from '../../lib/api-types.ts';

export const REGISTRATION_STATUSES: readonly RegistrationStatus[] = [
  'submitted',
  'approved',
  'rejected',
  'expired',
  'won',
  'lost',
];

const key = (partnerId: string) => [partnerId, 'deal-registrations'];
const path = (partnerId: string, rest = '') => partnerPath(partnerId, `/deal-registrations${rest}`);

export function useMyRegistrations(partnerId: string) {
  return useQuery({
    queryKey: [...key(partnerId), 'list'],
    queryFn: () => api.get<RegistrationList>(path(partnerId)),
  });
}

/** How many registrations the partner has in each status. */
export function countByStatus(list: RegistrationList): Record<RegistrationStatus, number> {
  const counts = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<
    RegistrationStatus,
    number
  >;
  for (const r of list.registrations) counts[r.status] += 1;
  return counts;
}

/**
 * The conflict check of what the partner has typed (already debounced by the caller); off
 * until there is a company name and a domain or client. A body the server finds invalid
 * (a domain half typed) answers null: the form shows field errors on submission only.
 */
export function useConflictCheck(partnerId: string, body: RegistrationCheckBody | null) {
  return useQuery({
    queryKey: [...key(partnerId), 'check', body],
    queryFn: async (): Promise<RegistrationCheck | null> => {
      try {
        return await api.post<RegistrationCheck>(path(partnerId, '/check'), body);
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) return null;
        throw error;
      }
    },
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

function useInvalidate(partnerId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: key(partnerId) }),
      client.invalidateQueries({ queryKey: ['operator', 'deal-registrations'] }),
    ]);
}

export function useRegister(partnerId: string) {
  const invalidate = useInvalidate(partnerId);
  return useMutation({
    mutationFn: (body: RegistrationBody) => api.post<Registration>(path(partnerId), body),
    onSuccess: invalidate,
  });
}

export function useRequestExtension(partnerId: string, registrationId: string) {
  const invalidate = useInvalidate(partnerId);
  return useMutation({
    mutationFn: (reason: string) =>
      api.post<Registration>(path(partnerId, `/${encodeURIComponent(registrationId)}/extension`), {
        reason,
      }),
    onSuccess: invalidate,
  });
}

/** The field problems of a refused registration, by the body's top-level field. */
export function fieldIssues(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return {};
  const issues = (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) {
    const field = issue.path.split('.')[0] ?? '';
    out[field] ??= issue.message;
  }
  return out;
}
