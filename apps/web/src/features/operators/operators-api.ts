import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiPaths, api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type OperatorsList = ResponseOf<'/api/console/operators', 'get'>;
export type Operator = OperatorsList['operators'][number];
export type OperatorInvitation = OperatorsList['invitations'][number];
export type PublicOperatorInvitation = ResponseOf<'/api/operator-invitations', 'get'>;

type Body<P extends keyof ApiPaths, M extends 'post' | 'put'> = ApiPaths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
export type InviteOperatorBody = Body<'/api/console/operators/invitations', 'post'>;
export type OperatorRole = InviteOperatorBody['roles'][number];

export const OPERATOR_ROLES: OperatorRole[] = [
  'admin',
  'ecosystem_manager',
  'reviewer',
  'finance',
  'support',
];

const KEY = ['operators'] as const;

export function useOperators() {
  return useQuery({ queryKey: KEY, queryFn: () => unwrap(api.GET('/api/console/operators')) });
}

/** Every change refreshes the list. */
function useOperatorsMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useInviteOperator = () =>
  useOperatorsMutation((body: InviteOperatorBody) =>
    send(() => api.POST('/api/console/operators/invitations', { body })),
  );

export const useInvitationAction = () =>
  useOperatorsMutation(({ id, action }: { id: string; action: 'resend' | 'revoke' }) =>
    action === 'resend'
      ? send(() => api.POST('/api/console/operators/invitations/{id}/resend', { params: { path: { id } } }))
      : send(() => api.POST('/api/console/operators/invitations/{id}/revoke', { params: { path: { id } } })),
  );

export const useSetOperatorRoles = () =>
  useOperatorsMutation(({ id, roles }: { id: string; roles: OperatorRole[] }) =>
    send(() => api.PUT('/api/console/operators/{id}/roles', { params: { path: { id } }, body: { roles } })),
  );

export const useSetOperatorActive = () =>
  useOperatorsMutation(({ id, active }: { id: string; active: boolean }) =>
    active
      ? send(() => api.POST('/api/console/operators/{id}/enable', { params: { path: { id } } }))
      : send(() => api.POST('/api/console/operators/{id}/disable', { params: { path: { id } } })),
  );

export function usePublicOperatorInvitation(token: string) {
  return useQuery({
    queryKey: ['operator-invitation', token],
    enabled: token.length >= 20,
    retry: false,
    queryFn: () => unwrap(api.GET('/api/operator-invitations', { params: { query: { token } } })),
  });
}

/** Accepting creates the operator; the answer is the sign-in's enrolment step (no session yet). */
export function useAcceptOperatorInvitation() {
  return useMutation({
    mutationFn: (body: { token: string; name: string; password: string }) =>
      send(() => api.POST('/api/operator-invitations/accept', { body })),
  });
}
