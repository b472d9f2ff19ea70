// The program in force (GET /api/v1/program): what the calculator computes with.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { ProgramInForce } from '../../lib/api-types.ts';

export function useProgramInForce() {
  return useQuery({
    queryKey: ['program'],
    queryFn: () => api.get<ProgramInForce>('/api/v1/program'),
    staleTime: 5 * 60_000,
  });
}
