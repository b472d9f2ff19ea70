// The dashboard's server state. Query keys start with the partner id, so that switching
// partner never shows another partner's cached data.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, partnerPath } from '../../lib/api.ts';
import type { Summary, TierProgress } from '../../lib/api-types.ts';

export function useSummary(partnerId: string) {
  return useQuery({
    queryKey: [partnerId, 'dashboard'],
    queryFn: () => api.get<Summary>(partnerPath(partnerId, '/dashboard')),
  });
}

export function useTierProgress(partnerId: string, tier: string | null) {
  return useQuery({
    queryKey: [partnerId, 'tier-progress', tier],
    queryFn: () => api.get<TierProgress>(partnerPath(partnerId, '/tier-progress'), { tier }),
    placeholderData: keepPreviousData,
  });
}
