// Server state of the imports page: one import (polled while it is queued or running), the
// history (refreshed while any import runs), and the upload.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { CreatedImport, ImportPage, ImportView } from '../../../lib/api-types.ts';

export const HISTORY_PAGE_SIZE = 20;
const POLL_MS = 500;
const KEY = ['operator', 'imports'];

const active = (status: string | undefined) => status === 'queued' || status === 'running';

export function useImport(importId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', importId],
    queryFn: () => api.get<ImportView>(`/api/v1/imports/${encodeURIComponent(importId!)}`),
    enabled: importId !== null,
    refetchInterval: (query) => (active(query.state.data?.status) ? POLL_MS : false),
  });
}

export function useImportHistory(page: number) {
  return useQuery({
    queryKey: [...KEY, 'history', page],
    queryFn: () =>
      api.get<ImportPage>('/api/v1/imports', {
        limit: HISTORY_PAGE_SIZE,
        offset: (page - 1) * HISTORY_PAGE_SIZE,
      }),
    refetchInterval: (query) => (query.state.data?.items.some((i) => active(i.status)) ? 2 * POLL_MS : false),
  });
}

export function useUpload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ files, skipInvalid }: { files: File[]; skipInvalid: boolean }) => {
      const form = new FormData();
      form.append('skipInvalid', String(skipInvalid));
      for (const file of files) form.append('files', file, file.name);
      return api.upload<CreatedImport>('/api/v1/imports', form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'history'] }),
  });
}

/** When an import finishes, the history shows its outcome. */
export function useRefreshHistory() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [...KEY, 'history'] });
}
