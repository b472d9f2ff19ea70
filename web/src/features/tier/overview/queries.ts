// Server state of the Tier tab's charts: the progress chart (points per month end), sold
// points over time, and one month's clients. GET /tier itself is ../queries.ts (shared with
// the page summary). Query keys start with the partner id.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, partnerPath } from '../../../lib/api.ts';
import type { MonthClients, ProgressChart, SoldOverTime } from '../../../lib/api-types.ts';

export type SoldTab = 'total' | 'won' | 'lost';

export function useProgressChart(partnerId: string) {
  return useQuery({
    queryKey: [partnerId, 'tier', 'progress-chart'],
    queryFn: () => api.get<ProgressChart>(partnerPath(partnerId, '/tier/progress-chart')),
  });
}

export function useSoldOverTime(partnerId: string) {
  return useQuery({
    queryKey: [partnerId, 'tier', 'sold-over-time'],
    queryFn: () => api.get<SoldOverTime>(partnerPath(partnerId, '/tier/sold-over-time')),
  });
}

export function useMonthClients(partnerId: string, month: string | null, tab: SoldTab) {
  return useQuery({
    queryKey: [partnerId, 'tier', 'sold-over-time', month, tab],
    queryFn: () =>
      api.get<MonthClients>(
        partnerPath(partnerId, `/tier/sold-over-time/${encodeURIComponent(month ?? '')}/clients`),
        { tab },
      ),
    enabled: month !== null,
    placeholderData: keepPreviousData,
  });
}
