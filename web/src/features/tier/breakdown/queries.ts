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

/** Every client of the breakdown with its search and filters, all its pages read (500 a request). */
export async function breakdownClientIds(
  partnerId: string,
  filters: Pick<BreakdownParams, 'q' | 'dealType' | 'market'>,
): Promise<string[]> {
  const ids = new Set<string>();
  for (let page = 1; ; page++) {
    const answer = await api.get<Breakdown>(partnerPath(partnerId, '/tier/breakdown'), {
      ...filters,
      sort: 'total',
      dir: 'desc',
      page,
      pageSize: 500,
    });
    for (const item of answer.items) ids.add(item.clientId);
    if (answer.items.length === 0 || page * answer.pageSize >= answer.total) return [...ids];
  }
}
