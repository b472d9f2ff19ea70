// The server state of a partner's saved reports and of the signed-in user's dashboard
// cards. Report keys start with the partner id; every write refreshes what it changed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, partnerPath, withQuery } from '../../lib/api.ts';
import type {
  DashboardCardList,
  ReportCatalog,
  ReportCatalogEntry,
  SavedReport,
  SavedReportBody,
  SavedReportList,
  SavedReportWithFigure,
} from '../../lib/api-types.ts';

const reportsKey = (partnerId: string) => [partnerId, 'saved-reports'];
const CARDS_KEY = ['me', 'dashboard-cards'];
const CARDS = '/api/v1/me/dashboard-cards';
const reportsPath = (partnerId: string, rest = '') => partnerPath(partnerId, `/saved-reports${rest}`);
const reportPath = (partnerId: string, reportId: string, rest = '') =>
  reportsPath(partnerId, `/${encodeURIComponent(reportId)}${rest}`);

/** A saved report's file: its rows (filters and columns) as CSV or XLSX. */
export const reportExportUrl = (partnerId: string, reportId: string, format: 'csv' | 'xlsx') =>
  withQuery(reportPath(partnerId, reportId, '/export'), { format });

/**
 * What each report can be (its metrics, filters and columns), from the server's report
 * definitions: the catalog by report name. It never changes while the app runs.
 */
export function useReportCatalog() {
  return useQuery({
    queryKey: ['saved-reports', 'catalog'],
    queryFn: () => api.get<ReportCatalog>('/api/v1/saved-reports/catalog'),
    select: (catalog): Record<string, ReportCatalogEntry> =>
      Object.fromEntries(catalog.reports.map((r) => [r.report, r])),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSavedReports(partnerId: string) {
  return useQuery({
    queryKey: reportsKey(partnerId),
    queryFn: () => api.get<SavedReportList>(reportsPath(partnerId)),
  });
}

export function useSavedReport(partnerId: string, reportId: string) {
  return useQuery({
    queryKey: [...reportsKey(partnerId), reportId],
    queryFn: () => api.get<SavedReportWithFigure>(reportPath(partnerId, reportId)),
  });
}

export function useDashboardCards() {
  return useQuery({ queryKey: CARDS_KEY, queryFn: () => api.get<DashboardCardList>(CARDS) });
}

function useRefresh(partnerId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: reportsKey(partnerId) }),
      client.invalidateQueries({ queryKey: CARDS_KEY }),
    ]);
}

/** Adds a report's card to the dashboard; true when it was added, false when it was there. */
async function addCard(reportId: string): Promise<boolean> {
  try {
    await api.post<DashboardCardList>(CARDS, { reportId });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return false;
    throw error;
  }
}

export interface SaveInput {
  /** Edit this report (PATCH); without it, a new one (POST). */
  reportId?: string | undefined;
  body: SavedReportBody;
  addToDashboard: boolean;
}

export function useSaveReport(partnerId: string) {
  const refresh = useRefresh(partnerId);
  return useMutation({
    mutationFn: async ({ reportId, body, addToDashboard }: SaveInput) => {
      const saved = reportId
        ? await api.patch<SavedReport>(reportPath(partnerId, reportId), body)
        : await api.post<SavedReport>(reportsPath(partnerId), body);
      const added = addToDashboard ? await addCard(saved.id) : false;
      return { saved, added };
    },
    onSuccess: refresh,
  });
}

export function useAddCard(partnerId: string) {
  const refresh = useRefresh(partnerId);
  return useMutation({ mutationFn: addCard, onSuccess: refresh });
}

export function useDeleteReport(partnerId: string, reportId: string, onDeleted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(reportPath(partnerId, reportId)),
    onSuccess: async () => {
      onDeleted();
      client.removeQueries({ queryKey: [...reportsKey(partnerId), reportId] });
      await Promise.all([
        client.invalidateQueries({ queryKey: reportsKey(partnerId) }),
        client.invalidateQueries({ queryKey: CARDS_KEY }),
      ]);
    },
  });
}

export function useRemoveCard() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (cardId: string) => api.delete<void>(`${CARDS}/${encodeURIComponent(cardId)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: CARDS_KEY }),
  });
}

export function useOrderCards() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (cardIds: string[]) => api.put<DashboardCardList>(`${CARDS}/order`, { cardIds }),
    onSuccess: (cards) => client.setQueryData(CARDS_KEY, cards),
  });
}
