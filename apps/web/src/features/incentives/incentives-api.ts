import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiPaths, api, send, unwrap } from '../../platform/api/client.ts';
import type { Me, ResponseOf } from '../../platform/api/types.ts';

export type Notice = ResponseOf<'/api/incentives/notices', 'get'>['items'][number];
export type NoticeDetail = ResponseOf<'/api/incentives/notices/{id}', 'get'>;
export type NoticeLine = NoticeDetail['lines'][number];
export type LineRecord = ResponseOf<'/api/incentives/lines/{id}/records', 'get'>['items'][number];
export type Application = ResponseOf<'/api/payment-applications', 'get'>['items'][number];
export type Run = ResponseOf<'/api/console/incentives/runs', 'get'>['items'][number];
export type Policy = ResponseOf<'/api/console/incentives/policies', 'get'>['items'][number];

/** Fen → "1,234.56" (the shared formatter). */
/** Money for display: `¥1,234.56` (the shared formatter); `yuanAmount` for editable amounts. */
export { formatYuan as yuan, yuanAmount } from '../../platform/lib/format.ts';

/** The quarter (`2026-Q1`) before the current one, in Asia/Shanghai. */
export function previousQuarter(now = new Date()): string {
  const sh = new Date(now.getTime() + 8 * 3600_000);
  const q = Math.floor(sh.getUTCMonth() / 3);
  return q === 0 ? `${sh.getUTCFullYear() - 1}-Q4` : `${sh.getUTCFullYear()}-Q${q}`;
}

export const canSettle = (me: Me) => ['admin', 'finance'].some((r) => me.roles.includes(r));
export { canSeeApplications, canSeeIncentives } from './roles.ts';

export function usePerformance() {
  return useQuery({
    queryKey: ['incentives', 'performance'],
    queryFn: () => unwrap(api.GET('/api/incentives/performance')),
  });
}

export function useNotices(filter: { status?: 'issued' | 'confirmed' | 'disputed' }) {
  return useQuery({
    queryKey: ['incentives', 'notices', filter],
    queryFn: () =>
      unwrap(api.GET('/api/incentives/notices', { params: { query: { ...filter, limit: 100 } } })),
  });
}

export function useNotice(id: string) {
  return useQuery({
    queryKey: ['incentives', 'notice', id],
    queryFn: () => unwrap(api.GET('/api/incentives/notices/{id}', { params: { path: { id } } })),
  });
}

export function useLineRecords(lineId: string | null, consoleSide = false) {
  return useQuery({
    queryKey: ['incentives', 'line', lineId, consoleSide],
    enabled: lineId !== null,
    queryFn: () =>
      unwrap(
        consoleSide
          ? api.GET('/api/console/incentives/lines/{id}/records', {
              params: { path: { id: lineId ?? '' }, query: { limit: 500 } },
            })
          : api.GET('/api/incentives/lines/{id}/records', {
              params: { path: { id: lineId ?? '' }, query: { limit: 500 } },
            }),
      ),
  });
}

export function usePolicies() {
  return useQuery({
    queryKey: ['incentives', 'policies'],
    queryFn: () => unwrap(api.GET('/api/incentives/policies')),
  });
}

export function useNoticeActions(id: string) {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['incentives'] });
  const path = { params: { path: { id } } };
  return {
    confirm: useMutation({
      mutationFn: () => send(() => api.POST('/api/incentives/notices/{id}/confirm', path)),
      onSuccess: done,
    }),
    dispute: useMutation({
      mutationFn: (reason: string) =>
        send(() => api.POST('/api/incentives/notices/{id}/dispute', { ...path, body: { reason } })),
      onSuccess: done,
    }),
  };
}

export function usePayments() {
  return useQuery({
    queryKey: ['payment-applications'],
    queryFn: () => unwrap(api.GET('/api/payment-applications')),
  });
}

export function useApply() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (quarter: string) => send(() => api.POST('/api/payment-applications', { body: { quarter } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['payment-applications'] }),
  });
}

// Console

export function useRuns() {
  return useQuery({
    queryKey: ['console-incentives', 'runs'],
    queryFn: () => unwrap(api.GET('/api/console/incentives/runs')),
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 1000 : false),
  });
}

export function useConsoleNotices(filter: {
  status?: 'issued' | 'confirmed' | 'disputed';
  q?: string;
  periodKey?: string;
}) {
  return useQuery({
    queryKey: ['console-incentives', 'notices', filter],
    queryFn: () =>
      unwrap(api.GET('/api/console/incentives/notices', { params: { query: { ...filter, limit: 100 } } })),
  });
}

export function useConsolePolicies() {
  return useQuery({
    queryKey: ['console-incentives', 'policies'],
    queryFn: () => unwrap(api.GET('/api/console/incentives/policies')),
  });
}

export function useRunActions() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['console-incentives'] });
  return {
    start: useMutation({
      mutationFn: (periodKey: string) =>
        send(() => api.POST('/api/console/incentives/runs', { body: { periodKey } })),
      onSuccess: done,
    }),
    cancel: useMutation({
      mutationFn: (id: string) =>
        send(() => api.POST('/api/console/incentives/runs/{id}/cancel', { params: { path: { id } } })),
      onSuccess: done,
    }),
    adjust: useMutation({
      mutationFn: (v: { id: string; amountFen: number; reason: string }) =>
        send(() =>
          api.POST('/api/console/incentives/notices/{id}/adjustments', {
            params: { path: { id: v.id } },
            body: { amountFen: v.amountFen, reason: v.reason },
          }),
        ),
      onSuccess: done,
    }),
    remind: useMutation({
      mutationFn: (ids: string[]) =>
        send(() => api.POST('/api/console/incentives/notices/remind', { body: { ids } })),
      onSuccess: done,
    }),
  };
}

export function useConsoleApplications(filter: {
  status?: 'submitted' | 'approved' | 'returned';
  q?: string;
}) {
  return useQuery({
    queryKey: ['console-payments', filter],
    queryFn: () =>
      unwrap(api.GET('/api/console/payment-applications', { params: { query: { ...filter, limit: 100 } } })),
  });
}

export function useReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { ids: string[]; decision: 'approve' | 'return'; reason?: string }) =>
      send(() => api.POST('/api/console/payment-applications/review', { body: v })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['console-payments'] }),
  });
}

/** The JSON body of `POST path`. */
type BodyOf<P extends keyof ApiPaths, M extends keyof ApiPaths[P]> = ApiPaths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type CreatePolicyInput = BodyOf<'/api/console/incentives/policies', 'post'>;
export type AddVersionInput = BodyOf<'/api/console/incentives/policies/{id}/versions', 'post'>;

export function usePolicyMutations() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['console-incentives', 'policies'] });
  return {
    create: useMutation({
      mutationFn: (body: CreatePolicyInput) =>
        send(() => api.POST('/api/console/incentives/policies', { body })),
      onSuccess: done,
    }),
    addVersion: useMutation({
      mutationFn: (v: { id: string; body: AddVersionInput }) =>
        send(() =>
          api.POST('/api/console/incentives/policies/{id}/versions', {
            params: { path: { id: v.id } },
            body: v.body,
          }),
        ),
      onSuccess: done,
    }),
  };
}
