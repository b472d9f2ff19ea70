// Preview features: the caller's previews with their opt-in state, the partner's opt-ins
// (partner admins), and opting in (terms accepted) or out, for oneself or the whole partner.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, partnerPath } from '../../lib/api.ts';
import type { MyPreview, MyPreviews, PartnerOptin, PartnerPreviews } from '../../lib/api-types.ts';

const MINE = ['previews'] as const;

export function useMyPreviews() {
  return useQuery({ queryKey: MINE, queryFn: () => api.get<MyPreviews>('/api/v1/previews') });
}

export function usePartnerPreviews(partnerId: string, enabled: boolean) {
  return useQuery({
    queryKey: [partnerId, 'previews'],
    queryFn: () => api.get<PartnerPreviews>(partnerPath(partnerId, '/previews')),
    enabled,
  });
}

const previewPath = (id: string) => `/api/v1/previews/${encodeURIComponent(id)}/opt-in`;
const partnerOptinPath = (partnerId: string, id: string) =>
  partnerPath(partnerId, `/previews/${encodeURIComponent(id)}/opt-in-all`);

export type OptinChange =
  | { previewId: string; scope: 'user'; on: boolean }
  | { previewId: string; scope: 'partner'; on: boolean };

/** Opts in (accepting the terms) or out, for the caller or for every user of the partner. */
export function useOptin(partnerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: OptinChange): Promise<MyPreview | PartnerOptin> => {
      if (change.scope === 'user')
        return change.on
          ? api.post<MyPreview>(previewPath(change.previewId), { acceptTerms: true })
          : api.delete<MyPreview>(previewPath(change.previewId));
      const path = partnerOptinPath(partnerId, change.previewId);
      return change.on ? api.post<PartnerOptin>(path, { acceptTerms: true }) : api.delete<PartnerOptin>(path);
    },
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: MINE }),
        client.invalidateQueries({ queryKey: [partnerId, 'previews'] }),
      ]);
    },
  });
}
