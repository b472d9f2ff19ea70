// Server state of the clients table, the client panel's tabs and the upcoming renewals.
// Query keys start with the partner id (switching partner never shows another partner's
// cached data, and ending services can invalidate everything of the partner at once).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, partnerPath } from '../../lib/api.ts';
import type {
  ClientDetail,
  ClientList,
  ClientListParams,
  ClientRenewals,
  ClientUsage,
  EndServices,
  Engagement,
  RenewalList,
  RenewalListParams,
} from '../../lib/api-types.ts';
import { everyClientId } from '../../lib/every-client-id.ts';

export const PAGE_SIZE = 10;

export function useClientList(partnerId: string, params: ClientListParams) {
  return useQuery({
    queryKey: [partnerId, 'clients', 'list', params],
    queryFn: () => api.get<ClientList>(partnerPath(partnerId, '/clients'), params),
    placeholderData: keepPreviousData,
  });
}

export function useRenewalList(partnerId: string, params: RenewalListParams) {
  return useQuery({
    queryKey: [partnerId, 'renewals', 'list', params],
    queryFn: () => api.get<RenewalList>(partnerPath(partnerId, '/renewals'), params),
    placeholderData: keepPreviousData,
  });
}

/** The clients the clients table's search and relationship filter select, every page of it. */
export function clientListIds(
  partnerId: string,
  filters: Pick<ClientListParams, 'q' | 'relationship'>,
): Promise<string[]> {
  return everyClientId((page) =>
    api.get<ClientList>(partnerPath(partnerId, '/clients'), { ...filters, page, pageSize: 500 }),
  );
}

/** The clients of every upcoming renewal (a client once, however many of its lines renew). */
export function renewalClientIds(partnerId: string): Promise<string[]> {
  return everyClientId((page) =>
    api.get<RenewalList>(partnerPath(partnerId, '/renewals'), { page, pageSize: 500 }),
  );
}

function clientPath(partnerId: string, clientId: string, rest = ''): string {
  return partnerPath(partnerId, `/clients/${encodeURIComponent(clientId)}${rest}`);
}

export function useClientDetail(partnerId: string, clientId: string) {
  return useQuery({
    queryKey: [partnerId, 'clients', clientId, 'detail'],
    queryFn: () => api.get<ClientDetail>(clientPath(partnerId, clientId)),
  });
}

export function useClientRenewals(partnerId: string, clientId: string) {
  return useQuery({
    queryKey: [partnerId, 'clients', clientId, 'renewals'],
    queryFn: () => api.get<ClientRenewals>(clientPath(partnerId, clientId, '/renewals')),
  });
}

export function useClientUsage(partnerId: string, clientId: string) {
  return useQuery({
    queryKey: [partnerId, 'clients', clientId, 'usage'],
    queryFn: () => api.get<ClientUsage>(clientPath(partnerId, clientId, '/usage')),
  });
}

export function useClientEngagement(partnerId: string, clientId: string) {
  return useQuery({
    queryKey: [partnerId, 'clients', clientId, 'engagement'],
    queryFn: () => api.get<Engagement>(clientPath(partnerId, clientId, '/engagement')),
  });
}

/** Ends the partner's management of a client today; then every query of the partner is stale
 * (the clients table, the dashboard's managed points, tier progress, renewals…). */
export function useEndServices(partnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) => api.post<EndServices>(clientPath(partnerId, clientId, '/end-services')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [partnerId] }),
  });
}
