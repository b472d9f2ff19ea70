// The Tier page's main query (GET /tier), shared by the summary and the overview panels.
import { useQuery } from '@tanstack/react-query';
import { api, partnerPath } from '../../lib/api.ts';
import type { TierPage } from '../../lib/api-types.ts';

export function useTier(partnerId: string) {
  return useQuery({
    queryKey: [partnerId, 'tier'],
    queryFn: () => api.get<TierPage>(partnerPath(partnerId, '/tier')),
  });
}
