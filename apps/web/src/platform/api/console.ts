import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { Channel } from './types.ts';

export interface AuditFilters {
  partnerId?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
}

const next = (last: { nextBefore?: string | null }) => last.nextBefore ?? undefined;

export function useAudit(filters: AuditFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: ['console', 'audit', filters, limit],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/console/audit', { params: { query: { ...filters, limit, before: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: next,
  });
}

export function useOutbox(filters: { channel?: Channel; recipient?: string }, limit = 50) {
  return useInfiniteQuery({
    queryKey: ['console', 'outbox', filters, limit],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/console/outbox', { params: { query: { ...filters, limit, before: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: next,
  });
}

export function useRegistrations(limit = 20) {
  return useInfiniteQuery({
    queryKey: ['console', 'registrations', limit],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/console/partners', { params: { query: { limit, before: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: next,
  });
}
