import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiPaths, api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type Member = ResponseOf<'/api/organization/members', 'get'>['items'][number];
export type Invitation = ResponseOf<'/api/organization/invitations', 'get'>['items'][number];
export type InvitationStatus = Invitation['status'];
export type MyQualifications = ResponseOf<'/api/organization/me/qualifications', 'get'>;
export type Qualification = MyQualifications['items'][number];
export type QualificationKind = Qualification['kind'];
export type Employment = MyQualifications['employment'];
export type MemberQualifications = ResponseOf<'/api/organization/qualifications', 'get'>['items'][number];
export type PublicInvitation = ResponseOf<'/api/invitations/{token}', 'get'>;

type Body<P extends keyof ApiPaths, M extends 'post' | 'put'> = ApiPaths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
export type InviteBody = Body<'/api/organization/invitations', 'post'>;
export type QualificationBody = Body<'/api/organization/me/qualifications', 'post'>;
export type EmploymentBody = Body<'/api/organization/me/employment', 'put'>;
export type AcceptBody = Body<'/api/invitations/accept', 'post'>;

export const KINDS: QualificationKind[] = ['certificate', 'training', 'project'];
export const INVITATION_STATUSES: InvitationStatus[] = ['pending', 'accepted', 'expired', 'revoked'];

const ORG = ['organization'] as const;

export function useMembers(role?: 'project_specialist') {
  return useQuery({
    queryKey: [...ORG, 'members', role ?? 'all'],
    queryFn: () =>
      unwrap(role ? api.GET('/api/organization/project-specialists') : api.GET('/api/organization/members')),
  });
}

export function useInvitations(status?: InvitationStatus) {
  return useQuery({
    queryKey: [...ORG, 'invitations', status ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/organization/invitations', { params: { query: { status } } })),
  });
}

export function useMyQualifications() {
  return useQuery({
    queryKey: [...ORG, 'mine'],
    queryFn: () => unwrap(api.GET('/api/organization/me/qualifications')),
  });
}

export function useOrganizationQualifications(filter: {
  kind?: QualificationKind;
  expiringWithinDays?: number;
}) {
  return useQuery({
    queryKey: [...ORG, 'overview', filter],
    queryFn: () => unwrap(api.GET('/api/organization/qualifications', { params: { query: filter } })),
  });
}

export function useMemberQualifications(id: string | null) {
  return useQuery({
    queryKey: [...ORG, 'member', id],
    enabled: id !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/organization/members/{id}/qualifications', { params: { path: { id: id ?? '' } } }),
      ),
  });
}

/** Every change refreshes the organization's lists. */
function useOrgMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ORG }) });
}

export const useInvite = () =>
  useOrgMutation((body: InviteBody) => send(() => api.POST('/api/organization/invitations', { body })));

export const useRevokeInvitation = () =>
  useOrgMutation((id: string) =>
    send(() => api.POST('/api/organization/invitations/{id}/revoke', { params: { path: { id } } })),
  );

export const useSetRoles = () =>
  useOrgMutation(({ id, roles }: { id: string; roles: Array<'admin' | 'member' | 'project_specialist'> }) =>
    send(() =>
      api.PUT('/api/organization/members/{id}/roles', { params: { path: { id } }, body: { roles } }),
    ),
  );

export const useSetActive = () =>
  useOrgMutation(({ id, active }: { id: string; active: boolean }) =>
    send(() =>
      active
        ? api.POST('/api/organization/members/{id}/reactivate', { params: { path: { id } } })
        : api.POST('/api/organization/members/{id}/deactivate', { params: { path: { id } } }),
    ),
  );

export const useSaveEmployment = () =>
  useOrgMutation((body: EmploymentBody) => send(() => api.PUT('/api/organization/me/employment', { body })));

export const useSaveQualification = () =>
  useOrgMutation(({ id, body }: { id?: string; body: QualificationBody }) =>
    send(() =>
      id
        ? api.PUT('/api/organization/me/qualifications/{id}', { params: { path: { id } }, body })
        : api.POST('/api/organization/me/qualifications', { body }),
    ),
  );

export const useDeleteQualification = () =>
  useOrgMutation((id: string) =>
    send(() => api.DELETE('/api/organization/me/qualifications/{id}', { params: { path: { id } } })),
  );

export function usePublicInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    enabled: token.length >= 20,
    retry: false,
    queryFn: () => unwrap(api.GET('/api/invitations/{token}', { params: { path: { token } } })),
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (body: AcceptBody) => send(() => api.POST('/api/invitations/accept', { body })),
  });
}

// Console ---------------------------------------------------------------------------------------

export function usePartnerOrganization(partnerId: string) {
  return useQuery({
    queryKey: ['console', 'organization', partnerId],
    queryFn: () =>
      unwrap(api.GET('/api/console/partners/{partnerId}/organization', { params: { path: { partnerId } } })),
  });
}

export function usePartnerQualifications(partnerId: string) {
  return useQuery({
    queryKey: ['console', 'qualifications', partnerId],
    queryFn: () =>
      unwrap(
        api.GET('/api/console/partners/{partnerId}/qualifications', {
          params: { path: { partnerId }, query: {} },
        }),
      ),
  });
}
