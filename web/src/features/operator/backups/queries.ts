// Server state of the backups page: the backups folder and "back up now".
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export interface BackupView {
  name: string;
  size: number;
  createdAt: string;
  schemaVersion: number | null;
  programVersion: number | null;
  tierwiseVersion: string | null;
}

const KEY = ['operator', 'backups'];

export function useBackups() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<BackupView[]>('/api/v1/backups') });
}

export function useBackUpNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<BackupView>('/api/v1/backups'),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export const backupHref = (name: string) => `/api/v1/backups/${encodeURIComponent(name)}`;
