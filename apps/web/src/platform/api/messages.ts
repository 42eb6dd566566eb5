import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send, unwrap } from './client.ts';

const PAGE = 20;

export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: ['messages', 'unread-count'],
    queryFn: () => unwrap(api.GET('/api/messages/unread-count')),
    enabled,
    refetchInterval: 60_000,
  });
}

export function useMessages(unreadOnly: boolean, limit = PAGE) {
  return useInfiniteQuery({
    queryKey: ['messages', 'list', unreadOnly, limit],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/messages', {
          params: { query: { limit, cursor: pageParam, ...(unreadOnly ? { unread: 'true' as const } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => send(() => api.POST('/api/messages/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['messages'] }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => send(() => api.POST('/api/messages/read-all')),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['messages'] }),
  });
}
