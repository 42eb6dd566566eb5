import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiPaths } from '../../platform/api/client.ts';
import { api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type CustomerPage = ResponseOf<'/api/customers', 'get'>;
export type CustomerItem = CustomerPage['items'][number];
export type CustomerDetail = ResponseOf<'/api/customers/{id}', 'get'>;
export type RequestItem = ResponseOf<'/api/customers/requests', 'get'>['items'][number];
export type AssociationType = CustomerItem['associationType'];

export interface CustomerFilter {
  keyword?: string;
  type?: AssociationType;
  associatedFrom?: string;
  associatedTo?: string;
  label?: string;
  reseller?: string;
}

export type CustomerSort = 'associatedAt' | 'spendMonth' | 'budgetUsage';
export interface SortOrder {
  by: CustomerSort;
  order: 'asc' | 'desc';
}
export type BulkBody = ApiPaths['/api/customers/bulk']['post']['requestBody']['content']['application/json'];
export type BulkResult = ResponseOf<'/api/customers/bulk', 'post'>;
/** The most customers one bulk action handles (the server's BULK_MAX). */
export const BULK_MAX = 200;

export function useCustomers(filter: CustomerFilter, page: number, pageSize: number, sort?: SortOrder) {
  return useQuery({
    queryKey: ['customers', 'list', filter, page, pageSize, sort],
    queryFn: () =>
      unwrap(
        api.GET('/api/customers', {
          params: {
            query: {
              ...filter,
              offset: (page - 1) * pageSize,
              limit: pageSize,
              ...(sort ? { sort: sort.by, order: sort.order } : {}),
            },
          },
        }),
      ),
    placeholderData: (prev) => prev,
  });
}

/** The server streams the file; a plain link keeps the session cookie and the language cookie. */
export function exportUrl(filter: CustomerFilter, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, String(v));
  return `/api/customers/export?${q.toString()}`;
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customers', 'one', id],
    queryFn: () => unwrap(api.GET('/api/customers/{id}', { params: { path: { id } } })),
  });
}

export function useRequests() {
  return useQuery({
    queryKey: ['customers', 'requests'],
    queryFn: () => unwrap(api.GET('/api/customers/requests')),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['customers'] });
}

export function useInvite() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { email: string; type: AssociationType }) =>
      send(() => api.POST('/api/customers/invitations', { body })),
    onSuccess: done,
  });
}

export function useRevokeInvitation() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      send(() => api.POST('/api/customers/invitations/{id}/revoke', { params: { path: { id } } })),
    onSuccess: done,
  });
}

export function useAnswerApplication() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      send(() =>
        accept
          ? api.POST('/api/customers/applications/{id}/accept', { params: { path: { id } } })
          : api.POST('/api/customers/applications/{id}/decline', { params: { path: { id } } }),
      ),
    onSuccess: done,
  });
}

/** Bulk freeze/unfreeze; the body's request key makes a repeated submission one batch. */
export function useBulkFreeze() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: BulkBody) => send(() => api.POST('/api/customers/bulk', { body })),
    onSuccess: done,
  });
}

export function useCustomerActions(id: string) {
  const done = useInvalidate();
  const path = { params: { path: { id } } };
  return {
    unbind: useMutation({
      mutationFn: () => send(() => api.POST('/api/customers/{id}/unbind', path)),
      onSuccess: done,
    }),
    switchType: useMutation({
      mutationFn: (type: AssociationType) =>
        send(() => api.POST('/api/customers/{id}/association-type', { ...path, body: { type } })),
      onSuccess: done,
    }),
    freeze: useMutation({
      mutationFn: (body: { reason: string; freezeType: 'ACCOUNT' | 'ACCOUNT_AND_RESOURCE' }) =>
        send(() => api.POST('/api/customers/{id}/freeze', { ...path, body })),
      onSuccess: done,
    }),
    unfreeze: useMutation({
      mutationFn: (body: { reason: string }) =>
        send(() => api.POST('/api/customers/{id}/unfreeze', { ...path, body })),
      onSuccess: done,
    }),
    label: useMutation({
      mutationFn: (label: string | null) =>
        send(() => api.PUT('/api/customers/{id}/label', { ...path, body: { label } })),
      onSuccess: done,
    }),
  };
}
