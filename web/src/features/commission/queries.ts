// The server state of the commission page: the full view (accruals per deal and month,
// quarters accrued against paid) for its filters. Keys start with the partner id.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, partnerPath } from '../../lib/api.ts';
import type { Commission } from '../../lib/api-types.ts';

export type CommissionStatus = 'paid' | 'upcoming';

export interface CommissionFilters {
  status: CommissionStatus | null;
  client: string | null;
}

function load(partnerId: string, { status, client }: CommissionFilters, on?: string) {
  return api.get<Commission>(partnerPath(partnerId, '/commission'), {
    accruals: true,
    ...(on ? { on } : {}),
    ...(status ? { status } : {}),
    ...(client ? { client } : {}),
  });
}

export function useCommissionView(partnerId: string, filters: CommissionFilters) {
  return useQuery({
    queryKey: [partnerId, 'commission', 'view', filters.status, filters.client],
    queryFn: () => load(partnerId, filters),
    placeholderData: keepPreviousData,
  });
}

/** Every client of the partner's commissionable deals (the client filter's choices). */
export function useCommissionClients(partnerId: string) {
  return useQuery({
    queryKey: [partnerId, 'commission', 'view', null, null],
    queryFn: () => load(partnerId, { status: null, client: null }),
    select: (view) => {
      const names = new Map<string, string>();
      for (const deal of view.deals ?? []) names.set(deal.clientId, deal.clientName || deal.clientId);
      return [...names]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label));
    },
  });
}

/** The clients of the view's deals under its filters (Use in lists). */
export async function commissionClientIds(partnerId: string, filters: CommissionFilters, on: string) {
  const view = await load(partnerId, filters, on);
  return [...new Set((view.deals ?? []).map((d) => d.clientId))];
}
