// Server state of the registration queue: the registrations of one view (a status, or the
// approved ones whose partner asks for an extension), and the two decisions, after which
// every view of the queue is read again.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type {
  ExtensionDecisionBody,
  QueueRegistration,
  RegistrationDecisionBody,
  RegistrationQueue,
} from '../../../lib/api-types.ts';

export const QUEUE_VIEWS = [
  'submitted',
  'extension',
  'approved',
  'rejected',
  'won',
  'lost',
  'expired',
  'all',
] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

const KEY = ['operator', 'deal-registrations'];
const QUEUE = '/api/v1/deal-registrations';

export const isQueueView = (v: string | null): v is QueueView =>
  v !== null && (QUEUE_VIEWS as readonly string[]).includes(v);

/** A pending extension request: approved, its partner asks for more protection. */
export const asksExtension = (r: QueueRegistration) =>
  r.status === 'approved' && r.extensionStatus === 'requested';

export function useQueue(view: QueueView) {
  return useQuery({
    queryKey: [...KEY, view],
    queryFn: async (): Promise<RegistrationQueue> => {
      if (view === 'extension')
        return api.get<RegistrationQueue>(QUEUE, { status: 'approved', extension: 'requested' });
      return api.get<RegistrationQueue>(QUEUE, { status: view === 'all' ? undefined : view });
    },
    placeholderData: keepPreviousData,
  });
}

export function useDecide(registrationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegistrationDecisionBody) =>
      api.post<unknown>(`${QUEUE}/${encodeURIComponent(registrationId)}/decision`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDecideExtension(registrationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExtensionDecisionBody) =>
      api.post<unknown>(`${QUEUE}/${encodeURIComponent(registrationId)}/extension/decision`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
