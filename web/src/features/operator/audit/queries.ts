// Server state of the audit page: the entries matching the filters, page by page (a cursor),
// and the export link with the same filters.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api.ts';
import type { AuditPage } from '../../../lib/api-types.ts';

export const AUDIT_FILTERS = ['actor', 'action', 'partnerId', 'from', 'to'] as const;
export type AuditFilters = Partial<Record<(typeof AUDIT_FILTERS)[number], string>>;
const PAGE_SIZE = 50;

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['operator', 'audit', filters],
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>('/api/v1/audit-log', { ...filters, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const auditExportHref = (filters: AuditFilters) => withQuery('/api/v1/audit-log/export.csv', filters);
