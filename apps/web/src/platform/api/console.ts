import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { Channel } from './types.ts';

export interface AuditFilters {
  partnerId?: string;
  actorId?: string;
  /** Part of the actor's name or email. */
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Asia/Shanghai days, `YYYY-MM-DD`, both included. */
  from?: string;
  to?: string;
}

/** The download address of the filtered log as CSV (a plain GET: the session cookie goes along). */
export function auditExportUrl(filters: AuditFilters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  return `/api/console/audit/export${q.size ? `?${q}` : ''}`;
}

/** Every action code with its label in `language` (the request's language). */
export function useAuditActions(language: string) {
  return useQuery({
    queryKey: ['console', 'audit-actions', language],
    queryFn: () => unwrap(api.GET('/api/console/audit/actions')),
    staleTime: Infinity,
  });
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
