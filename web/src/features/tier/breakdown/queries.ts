// Server state of the points breakdown and of a client's points history. Keys start with
// the partner id (as every partner query does: ending services invalidates them all).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, partnerPath } from '../../../lib/api.ts';
import type { Breakdown, BreakdownParams, ClientHistory } from '../../../lib/api-types.ts';

export const PAGE_SIZE = 15;

export function useBreakdown(partnerId: string, params: BreakdownParams) {
  return useQuery({
    queryKey: [partnerId, 'tier', 'breakdown', params],
    queryFn: () => api.get<Breakdown>(partnerPath(partnerId, '/tier/breakdown'), params),
    placeholderData: keepPreviousData,
  });
}

export function useClientHistory(partnerId: string, clientId: string) {
  return useQuery({
    queryKey: [partnerId, 'clients', clientId, 'history'],
    queryFn: () =>
      api.get<ClientHistory>(partnerPath(partnerId, `/clients/${encodeURIComponent(clientId)}/history`)),
  });
}
