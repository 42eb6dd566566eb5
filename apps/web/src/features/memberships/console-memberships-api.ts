import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { ApiPaths } from '../../platform/api/client.ts';
import { api, send, unwrap } from '../../platform/api/client.ts';

export type QueueFilters = NonNullable<
  ApiPaths['/api/console/membership-applications']['get']['parameters']['query']
>;
type Json<P extends keyof ApiPaths, M extends 'get' | 'post' | 'put'> = ApiPaths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;
export type QueueItem = Json<'/api/console/membership-applications', 'get'>['items'][number];
export type PartnerDetail = Json<'/api/console/partners/{partnerId}/memberships', 'get'>;

const KEY = ['console', 'memberships'] as const;

export function useApplicationQueue(filters: Omit<QueueFilters, 'limit' | 'before'>, limit = 20) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'queue', filters, limit],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/console/membership-applications', {
          params: { query: { ...filters, limit, before: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePartnerMemberships(partnerId: string) {
  return useQuery({
    queryKey: [...KEY, 'partner', partnerId],
    queryFn: () =>
      unwrap(api.GET('/api/console/partners/{partnerId}/memberships', { params: { path: { partnerId } } })),
  });
}

export function useEcosystemManagers() {
  return useQuery({
    queryKey: [...KEY, 'managers'],
    queryFn: () => unwrap(api.GET('/api/console/ecosystem-managers')),
    staleTime: 60_000,
  });
}

function useConsoleMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useReview = () =>
  useConsoleMutation(
    ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      send(() =>
        decision === 'approve'
          ? api.POST('/api/console/membership-applications/{id}/approve', {
              params: { path: { id } },
              body: { reason },
            })
          : api.POST('/api/console/membership-applications/{id}/reject', {
              params: { path: { id } },
              body: { reason },
            }),
      ),
  );

export const useBulkReview = () =>
  useConsoleMutation((body: { ids: string[]; action: 'approve' | 'reject'; reason?: string }) =>
    send(() => api.POST('/api/console/membership-applications/bulk', { body })),
  );

export const useAssignManager = () =>
  useConsoleMutation(({ partnerId, managerId }: { partnerId: string; managerId: string }) =>
    send(() =>
      api.PUT('/api/console/partners/{partnerId}/ecosystem-manager', {
        params: { path: { partnerId } },
        body: { managerId },
      }),
    ),
  );

export const useSetPerformance = () =>
  useConsoleMutation(
    ({ partnerId, year, amountFen }: { partnerId: string; year: number; amountFen: number }) =>
      send(() =>
        api.PUT('/api/console/partners/{partnerId}/performance/{year}', {
          params: { path: { partnerId, year } },
          body: { amountFen },
        }),
      ),
  );

export const useImportPerformance = () =>
  useConsoleMutation((csv: string) =>
    send(() => api.POST('/api/console/performance/import', { body: { csv } })),
  );
