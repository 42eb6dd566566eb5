import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiPaths, api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type Ticket = ResponseOf<'/api/tickets/{id}', 'get'>;
export type TicketItem = ResponseOf<'/api/tickets', 'get'>['items'][number];
export type TicketStatus = Ticket['status'];
export type TicketCategory = Ticket['category'];
export type SubjectType = NonNullable<Ticket['subjectType']>;
export type Holiday = ResponseOf<'/api/console/holidays', 'get'>['items'][number];

export const CATEGORIES: TicketCategory[] = [
  'certification',
  'certificate',
  'membership',
  'organization',
  'account',
  'billing',
  'technical',
  'other',
];
export const STATUSES: TicketStatus[] = ['open', 'pending', 'resolved', 'closed'];
export const SUBJECT_TYPES: SubjectType[] = [
  'certification_submission',
  'certificate',
  'membership_application',
];

/** Where the portal shows what a ticket is about. */
export const SUBJECT_LINKS: Record<SubjectType, string> = {
  certification_submission: '/partner-info/business',
  certificate: '/partner-info/basic',
  membership_application: '/programs',
};

const next = (last: { nextCursor: string | null }) => last.nextCursor ?? undefined;

// Portal ----------------------------------------------------------------------------------------

export function useMyTickets(status: TicketStatus[] | undefined) {
  return useInfiniteQuery({
    queryKey: ['tickets', 'mine', status],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/tickets', {
          params: { query: { limit: 20, cursor: pageParam, status: status?.join(',') } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: next,
  });
}

export function useMyTicket(id: string) {
  return useQuery({
    queryKey: ['tickets', 'one', id],
    queryFn: () => unwrap(api.GET('/api/tickets/{id}', { params: { path: { id } } })),
  });
}

type OpenBody = ApiPaths['/api/tickets']['post']['requestBody']['content']['application/json'];

export function useOpenTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenBody) => send(() => api.POST('/api/tickets', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tickets'] }),
  });
}

type PartnerAction = 'replies' | 'confirm' | 'reopen';

export function usePartnerAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: PartnerAction; body?: string }) => {
      const params = { path: { id } };
      if (action === 'confirm') return send(() => api.POST('/api/tickets/{id}/confirm', { params }));
      if (action === 'reopen')
        return send(() => api.POST('/api/tickets/{id}/reopen', { params, body: { body: body ?? '' } }));
      return send(() => api.POST('/api/tickets/{id}/replies', { params, body: { body: body ?? '' } }));
    },
    onSuccess: (data) => {
      qc.setQueryData(['tickets', 'one', id], data);
      return qc.invalidateQueries({ queryKey: ['tickets', 'mine'] });
    },
  });
}

// Console ---------------------------------------------------------------------------------------

export interface QueueFilters {
  status?: string;
  category?: TicketCategory;
  overdue?: 'true';
  assignee?: string;
  partnerId?: string;
  q?: string;
}

export function useTicketQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: ['console', 'tickets', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/console/tickets', { params: { query: { ...filters, limit: 50, cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: next,
  });
}

export function useConsoleTicket(id: string) {
  return useQuery({
    queryKey: ['console', 'ticket', id],
    queryFn: () => unwrap(api.GET('/api/console/tickets/{id}', { params: { path: { id } } })),
  });
}

export function useAssignees() {
  return useQuery({
    queryKey: ['console', 'ticket-assignees'],
    queryFn: () => unwrap(api.GET('/api/console/tickets/assignees')),
    staleTime: 60_000,
  });
}

export function useAssign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ticketIds: string[]; assigneeId: string | null }) =>
      send(() => api.POST('/api/console/tickets/assign', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['console'] }),
  });
}

export function useSupportAction(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: 'replies' | 'resolve'; body?: string }) => {
      const params = { path: { id } };
      if (action === 'resolve')
        return send(() =>
          api.POST('/api/console/tickets/{id}/resolve', { params, body: body ? { body } : {} }),
        );
      return send(() =>
        api.POST('/api/console/tickets/{id}/replies', { params, body: { body: body ?? '' } }),
      );
    },
    onSuccess: (data) => {
      qc.setQueryData(['console', 'ticket', id], data);
      return qc.invalidateQueries({ queryKey: ['console', 'tickets'] });
    },
  });
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: ['console', 'holidays', year],
    queryFn: () => unwrap(api.GET('/api/console/holidays', { params: { query: { year } } })),
  });
}

export function useSetHoliday() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, ...body }: Omit<Holiday, 'updatedAt'>) =>
      send(() => api.PUT('/api/console/holidays/{date}', { params: { path: { date } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['console'] }),
  });
}

export function useRemoveHoliday() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (date: string) =>
      send(() => api.DELETE('/api/console/holidays/{date}', { params: { path: { date } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['console'] }),
  });
}
