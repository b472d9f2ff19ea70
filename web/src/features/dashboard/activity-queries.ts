// The server state of point changes, shared sales, their reports, commission and the team.
// Keys start with the partner id, so that switching partner never shows another's data.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, partnerPath } from '../../lib/api.ts';
import type {
  Commission,
  PointChangeCategory,
  PointChangeItems,
  PointChanges,
  SalesCategory,
  SalesItems,
  SharedSales,
  TeamContacts,
} from '../../lib/api-types.ts';
import { everyClientId } from '../../lib/every-client-id.ts';

export interface Range {
  from: string;
  to: string;
}

export const REPORT_PAGE_SIZE = 25;

export function usePointChanges(partnerId: string, { from, to }: Range) {
  return useQuery({
    queryKey: [partnerId, 'point-changes', from, to],
    queryFn: () => api.get<PointChanges>(partnerPath(partnerId, '/point-changes'), { from, to }),
    placeholderData: keepPreviousData,
  });
}

export function usePointChangeItems(
  partnerId: string,
  category: PointChangeCategory,
  { from, to }: Range,
  page: number,
) {
  return useQuery({
    queryKey: [partnerId, 'point-changes', 'items', category, from, to, page],
    queryFn: () =>
      api.get<PointChangeItems>(partnerPath(partnerId, '/point-changes/items'), {
        category,
        from,
        to,
        page,
        pageSize: REPORT_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useSharedSales(partnerId: string, { from, to }: Range) {
  return useQuery({
    queryKey: [partnerId, 'shared-sales', from, to],
    queryFn: () => api.get<SharedSales>(partnerPath(partnerId, '/shared-sales'), { from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useSalesItems(partnerId: string, category: SalesCategory, { from, to }: Range, page: number) {
  return useQuery({
    queryKey: [partnerId, 'shared-sales', 'items', category, from, to, page],
    queryFn: () =>
      api.get<SalesItems>(partnerPath(partnerId, '/shared-sales/items'), {
        category,
        from,
        to,
        page,
        pageSize: REPORT_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCommission(partnerId: string) {
  return useQuery({
    queryKey: [partnerId, 'commission'],
    queryFn: () => api.get<Commission>(partnerPath(partnerId, '/commission')),
  });
}

export function useTeam(partnerId: string) {
  return useQuery({
    queryKey: [partnerId, 'team'],
    queryFn: () => api.get<TeamContacts>(partnerPath(partnerId, '/team')),
    staleTime: 5 * 60_000,
  });
}

/** Every distinct client of a point-change report, all its pages read (500 rows a request). */
export function pointChangeClientIds(
  partnerId: string,
  category: PointChangeCategory,
  { from, to }: Range,
): Promise<string[]> {
  return everyClientId((page) =>
    api.get<PointChangeItems>(partnerPath(partnerId, '/point-changes/items'), {
      category,
      from,
      to,
      page,
      pageSize: 500,
    }),
  );
}

/** Every distinct client of a shared-sales report (the clients of its deals), all pages read. */
export function salesClientIds(
  partnerId: string,
  category: SalesCategory,
  { from, to }: Range,
): Promise<string[]> {
  return everyClientId((page) =>
    api.get<SalesItems>(partnerPath(partnerId, '/shared-sales/items'), {
      category,
      from,
      to,
      page,
      pageSize: 500,
    }),
  );
}
