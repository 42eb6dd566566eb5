import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiPaths, api, send, unwrap } from '../../../platform/api/client.ts';
import { meKey } from '../../../platform/api/session.ts';
import type { ResponseOf } from '../../../platform/api/types.ts';

export type OwnAccount = ResponseOf<'/api/customer/account', 'get'>;
export type OwnRequest = ResponseOf<'/api/customer/requests', 'get'>['items'][number];
export type AssociationType = OwnRequest['type'];

export function useOwnAccount() {
  return useQuery({
    queryKey: ['customer', 'account'],
    queryFn: () => unwrap(api.GET('/api/customer/account')),
  });
}

export function useOwnRequests() {
  return useQuery({
    queryKey: ['customer', 'requests'],
    queryFn: () => unwrap(api.GET('/api/customer/requests')),
  });
}

export function usePartnerSearch(q: string) {
  return useQuery({
    queryKey: ['customer', 'partners', q],
    queryFn: () => unwrap(api.GET('/api/customer/partners', { params: { query: { q } } })),
    enabled: q.trim().length >= 2,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['customer'] });
}

export function useApply() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { partnerDomainId: string; type: AssociationType }) =>
      send(() => api.POST('/api/customer/applications', { body })),
    onSuccess: done,
  });
}

export function useWithdraw() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      send(() => api.POST('/api/customer/applications/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: done,
  });
}

export function useAnswerInvitation() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ token, accept }: { token: string; accept: boolean }) =>
      send(() =>
        accept
          ? api.POST('/api/customer/invitations/accept', { body: { token } })
          : api.POST('/api/customer/invitations/decline', { body: { token } }),
      ),
    onSuccess: done,
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['customer-invitation', token],
    queryFn: () => unwrap(api.GET('/api/auth/customer/invitation', { params: { query: { token } } })),
    enabled: token.length >= 10,
    retry: false,
  });
}

export function useSendSignUpCode() {
  return useMutation({
    mutationFn: (body: { email: string; locale: 'zh-CN' | 'en-US' }) =>
      send(() => api.POST('/api/auth/customer/sign-up/code', { body })),
  });
}

export type CustomerSignUpBody =
  ApiPaths['/api/auth/customer/sign-up']['post']['requestBody']['content']['application/json'];

export function useCustomerSignUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerSignUpBody) => send(() => api.POST('/api/auth/customer/sign-up', { body })),
    onSuccess: ({ user }) => qc.setQueryData(meKey, user),
  });
}
