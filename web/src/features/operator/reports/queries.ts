// The Reports page's server state: one figure per partner (GET /point-changes/partners),
// a partner's rows of one metric (the partner's own drill-down API), the partners to pick.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, partnerPath } from '../../../lib/api.ts';
import type { PartnerFigures, PointChangeItems } from '../../../lib/api-types.ts';
import { categoryOf, type Figure, metricParam } from './figures.ts';

export const PAGE_SIZE = 25;

export function usePartnerFigures(args: {
  figure: Figure;
  from: string;
  to: string;
  partnerId: string | null;
  page: number;
  enabled: boolean;
}) {
  const { figure, from, to, partnerId, page, enabled } = args;
  return useQuery({
    queryKey: ['operator', 'reports', figure, from, to, partnerId, page],
    queryFn: () =>
      api.get<PartnerFigures>('/api/v1/point-changes/partners', {
        metric: metricParam(figure),
        from,
        to,
        partnerId,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartnerRows(partnerId: string, metric: string, from: string, to: string, page: number) {
  return useQuery({
    queryKey: [partnerId, 'point-changes', 'items', categoryOf(metric), from, to, page],
    queryFn: () =>
      api.get<PointChangeItems>(partnerPath(partnerId, '/point-changes/items'), {
        category: categoryOf(metric),
        from,
        to,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
}

export interface PartnerOption {
  partnerId: string;
  name: string;
}

/** Every partner, for the partner filter (the same query as the portal's partner picker). */
export function usePartnerOptions() {
  return useQuery({
    queryKey: ['partners'],
    queryFn: () => api.get<{ partners: PartnerOption[] }>('/api/v1/partners'),
    staleTime: 60_000,
  });
}
