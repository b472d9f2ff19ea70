// Server state of the program pages: the program in force, its versions and their diff, the
// drafts, and the what-if and publish jobs (polled every 500 ms while queued or running, so
// a reload with the job id in the URL picks them up again).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../lib/api.ts';
import type {
  CreateDraftBody,
  CreatedProgramJob,
  PatchDraftBody,
  ProgramDiff,
  ProgramDraft,
  ProgramDraftList,
  ProgramInForce,
  ProgramJobStatus,
  ProgramVersion,
  ProgramVersionList,
  PublishJob,
  WhatIfBody,
  WhatIfJob,
} from '../../../lib/api-types.ts';

const BASE = '/api/v1/program';
const KEY = ['operator', 'program'] as const;
const POLL_MS = 500;

export const isActive = (status: ProgramJobStatus | undefined) => status === 'queued' || status === 'running';
const id = (value: string | number) => encodeURIComponent(String(value));

/** GET /program: the program in force and the server's today (the calculator shares it). */
export function useProgramInForce() {
  return useQuery({ queryKey: ['program'], queryFn: () => api.get<ProgramInForce>(BASE) });
}

export function useVersions() {
  return useQuery({
    queryKey: [...KEY, 'versions'],
    queryFn: () => api.get<ProgramVersionList>(`${BASE}/versions`),
  });
}

export function useVersion(version: number | null) {
  return useQuery({
    queryKey: [...KEY, 'version', version],
    queryFn: () => api.get<ProgramVersion>(`${BASE}/versions/${id(version!)}`),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDiff(from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...KEY, 'diff', from, to],
    queryFn: () => api.get<ProgramDiff>(`${BASE}/diff`, { from, to }),
    enabled: from !== null && to !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDrafts() {
  return useQuery({
    queryKey: [...KEY, 'drafts'],
    queryFn: () => api.get<ProgramDraftList>(`${BASE}/drafts`),
  });
}

export function useDraft(draftId: string) {
  return useQuery({
    queryKey: [...KEY, 'draft', draftId],
    queryFn: () => api.get<ProgramDraft>(`${BASE}/drafts/${id(draftId)}`),
  });
}

export function useCreateDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDraftBody) => api.post<ProgramDraft>(`${BASE}/drafts`, body),
    onSuccess: (draft) => {
      client.setQueryData([...KEY, 'draft', draft.draftId], draft);
      return client.invalidateQueries({ queryKey: [...KEY, 'drafts'] });
    },
  });
}

/** PATCH a draft's name or document; the answer is the draft with its problems. */
export function useUpdateDraft(draftId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchDraftBody) => api.patch<ProgramDraft>(`${BASE}/drafts/${id(draftId)}`, body),
    onSuccess: (draft) => {
      client.setQueryData([...KEY, 'draft', draftId], draft);
      return client.invalidateQueries({ queryKey: [...KEY, 'drafts'] });
    },
  });
}

export function useDeleteDraft(draftId: string, onDeleted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`${BASE}/drafts/${id(draftId)}`),
    onSuccess: async () => {
      onDeleted();
      client.removeQueries({ queryKey: [...KEY, 'draft', draftId] });
      await client.invalidateQueries({ queryKey: [...KEY, 'drafts'] });
    },
  });
}

export function useStartWhatIf(draftId: string) {
  return useMutation({
    mutationFn: (body: WhatIfBody) =>
      api.post<CreatedProgramJob>(`${BASE}/drafts/${id(draftId)}/what-if`, body),
  });
}

export function useWhatIf(jobId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'what-if', jobId],
    queryFn: () => api.get<WhatIfJob>(`${BASE}/what-if/${id(jobId!)}`),
    enabled: jobId !== null,
    refetchInterval: (query) => (isActive(query.state.data?.status) ? POLL_MS : false),
  });
}

export const whatIfExportHref = (jobId: string) => `${BASE}/what-if/${id(jobId)}/export.csv`;

export function useStartPublish(draftId: string) {
  return useMutation({
    mutationFn: (note: string) =>
      api.post<CreatedProgramJob>(`${BASE}/drafts/${id(draftId)}/publish`, { note }),
  });
}

export function useStartRestore() {
  return useMutation({
    mutationFn: ({ version, note }: { version: number; note: string }) =>
      api.post<CreatedProgramJob>(`${BASE}/versions/${id(version)}/restore`, { note }),
  });
}

/** A publish or a restore (the same job: a new version). */
export function usePublishJob(jobId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'publish', jobId],
    queryFn: () => api.get<PublishJob>(`${BASE}/publish/${id(jobId!)}`),
    enabled: jobId !== null,
    refetchInterval: (query) => (isActive(query.state.data?.status) ? POLL_MS : false),
  });
}

/** After a new version: everything that shows the program in force is read again. */
export function useRefreshAfterPublish() {
  const client = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['program'] }),
        client.invalidateQueries({ queryKey: [...KEY, 'versions'] }),
        client.invalidateQueries({ queryKey: [...KEY, 'drafts'] }),
      ]),
    [client],
  );
}
