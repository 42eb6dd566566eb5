import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiPaths } from '../../platform/api/client.ts';
import { api, send, unwrap } from '../../platform/api/client.ts';

type Json<P extends keyof ApiPaths, M extends 'get' | 'post' | 'put'> = ApiPaths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer R } } };
}
  ? R
  : never;

export type MembershipOverview = Json<'/api/memberships', 'get'>;
export type Application = MembershipOverview['applications'][number];
export type Invitation = Json<'/api/memberships/invitations', 'get'>['items'][number];
export type Reseller = Json<'/api/memberships/resellers', 'get'>['items'][number];
export type ProgramCode = NonNullable<
  ApiPaths['/api/memberships/applications']['post']['requestBody']
>['content']['application/json']['program'];

export type ProgramFits = Json<'/api/memberships/programs', 'get'>;

const KEY = ['memberships'] as const;

export function useMembershipOverview() {
  return useQuery({ queryKey: [...KEY, 'overview'], queryFn: () => unwrap(api.GET('/api/memberships')) });
}

/** Every program and how it fits the partner's kind, in the page's language. */
export function useProgramFits() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...KEY, 'programs', i18n.language],
    queryFn: () => unwrap(api.GET('/api/memberships/programs')),
  });
}

export function useReceivedInvitations() {
  return useQuery({
    queryKey: [...KEY, 'invitations'],
    queryFn: () => unwrap(api.GET('/api/memberships/invitations')),
  });
}

export function useResellers(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'resellers'],
    queryFn: () => unwrap(api.GET('/api/memberships/resellers')),
    enabled,
  });
}

export function useSentInvitations(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'sent'],
    queryFn: () => unwrap(api.GET('/api/memberships/sent-invitations')),
    enabled,
  });
}

/** Every change refreshes the whole page's data: it is small and interlinked. */
function useMembershipMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useApply = () =>
  useMembershipMutation((body: { program: ProgramCode; note?: string }) =>
    send(() => api.POST('/api/memberships/applications', { body })),
  );
export const useWithdraw = () =>
  useMembershipMutation((id: string) =>
    send(() => api.POST('/api/memberships/applications/{id}/withdraw', { params: { path: { id } } })),
  );
export const useAnswerInvitation = () =>
  useMembershipMutation(({ id, accept }: { id: string; accept: boolean }) =>
    send(() =>
      accept
        ? api.POST('/api/memberships/invitations/{id}/accept', { params: { path: { id } } })
        : api.POST('/api/memberships/invitations/{id}/decline', { params: { path: { id } } }),
    ),
  );
export const useExitDistributor = () =>
  useMembershipMutation((_: undefined) => send(() => api.POST('/api/memberships/distributor/exit')));
export const useInvite = () =>
  useMembershipMutation((body: { email: string; message?: string }) =>
    send(() => api.POST('/api/memberships/sent-invitations', { body })),
  );
export const useRevoke = () =>
  useMembershipMutation((id: string) =>
    send(() => api.POST('/api/memberships/sent-invitations/{id}/revoke', { params: { path: { id } } })),
  );
