import { useQuery } from '@tanstack/react-query';
import type { Label } from '../feature.ts';
import { api, unwrap } from './client.ts';
import type { ResponseOf } from './types.ts';

export type WorkQueueCounts = ResponseOf<'/api/console/work-queues', 'get'>;

/** What the console home and the bell show for each queue the server counts: its name and page. */
export const WORK_QUEUES: Record<string, { label: Label; to: string }> = {
  applications: {
    label: { 'zh-CN': '计划申请', 'en-US': 'Program applications' },
    to: '/console/memberships',
  },
  certifications: {
    label: { 'zh-CN': '认证审核', 'en-US': 'Certifications' },
    to: '/console/certifications',
  },
  certificateReviews: {
    label: { 'zh-CN': '证书年审', 'en-US': 'Certificate reviews' },
    to: '/console/certificate-reviews',
  },
  ticketsOverdue: {
    label: { 'zh-CN': '工单：已超时', 'en-US': 'Tickets: overdue' },
    to: '/console/tickets?status=open&overdue=true',
  },
  ticketsDueToday: {
    label: { 'zh-CN': '工单：24 小时内到期', 'en-US': 'Tickets: due within 24 h' },
    to: '/console/tickets?status=open',
  },
  ticketsLater: {
    label: { 'zh-CN': '工单：稍后到期', 'en-US': 'Tickets: due later' },
    to: '/console/tickets?status=open',
  },
  invoices: { label: { 'zh-CN': '待核验发票', 'en-US': 'Invoices to check' }, to: '/console/invoicing' },
  paymentApplications: {
    label: { 'zh-CN': '付款申请', 'en-US': 'Payment applications' },
    to: '/console/payment-applications',
  },
};

/**
 * The queues this operator may open, with the items that arrived after `since`. Polled: the
 * counts are cheap (one indexed count per queue) and a poll survives restarts, proxies and several
 * server processes without a connection per operator.
 */
export function useWorkQueues(since?: string, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: ['console', 'work-queues', since ?? null],
    queryFn: () => unwrap(api.GET('/api/console/work-queues', { params: { query: since ? { since } : {} } })),
    refetchInterval,
    refetchIntervalInBackground: false,
  });
}
