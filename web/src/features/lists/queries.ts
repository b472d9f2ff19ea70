// The server state of a partner's static lists. Keys start with the partner id, so that
// switching partner never shows another's lists; every write refreshes them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, partnerPath } from '../../lib/api.ts';
import type { ListDetail, ListList, ListSummary, MembersAdded, MembersRemoved } from '../../lib/api-types.ts';

const listsKey = (partnerId: string) => [partnerId, 'lists'];
const listsPath = (partnerId: string, rest = '') => partnerPath(partnerId, `/lists${rest}`);

export function useLists(partnerId: string, enabled = true) {
  return useQuery({
    queryKey: listsKey(partnerId),
    queryFn: () => api.get<ListList>(listsPath(partnerId)),
    enabled,
  });
}

export function useList(partnerId: string, listId: string | null) {
  return useQuery({
    queryKey: [...listsKey(partnerId), listId],
    queryFn: () => api.get<ListDetail>(listsPath(partnerId, `/${encodeURIComponent(listId ?? '')}`)),
    enabled: listId !== null,
  });
}

function useRefresh(partnerId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: listsKey(partnerId) });
}

export function useCreateList(partnerId: string) {
  const refresh = useRefresh(partnerId);
  return useMutation({
    mutationFn: (body: { name: string; clientIds: string[] }) =>
      api.post<ListSummary>(listsPath(partnerId), body),
    onSuccess: refresh,
  });
}

export function useAddMembers(partnerId: string) {
  const refresh = useRefresh(partnerId);
  return useMutation({
    mutationFn: ({ listId, clientIds }: { listId: string; clientIds: string[] }) =>
      api.post<MembersAdded>(listsPath(partnerId, `/${encodeURIComponent(listId)}/members`), { clientIds }),
    onSuccess: refresh,
  });
}

export function useRemoveMembers(partnerId: string, listId: string) {
  const refresh = useRefresh(partnerId);
  return useMutation({
    mutationFn: (clientIds: string[]) =>
      api.deleteWith<MembersRemoved>(listsPath(partnerId, `/${encodeURIComponent(listId)}/members`), {
        clientIds,
      }),
    onSuccess: refresh,
  });
}

export function useRenameList(partnerId: string, listId: string) {
  const refresh = useRefresh(partnerId);
  return useMutation({
    mutationFn: (name: string) =>
      api.patch<ListSummary>(listsPath(partnerId, `/${encodeURIComponent(listId)}`), { name }),
    onSuccess: refresh,
  });
}

export function useDeleteList(partnerId: string, listId: string, onDeleted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(listsPath(partnerId, `/${encodeURIComponent(listId)}`)),
    onSuccess: async () => {
      onDeleted();
      client.removeQueries({ queryKey: [...listsKey(partnerId), listId] });
      await client.invalidateQueries({ queryKey: listsKey(partnerId) });
    },
  });
}
