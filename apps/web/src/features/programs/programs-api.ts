import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../platform/api/client.ts';

export function usePrograms() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['programs', i18n.language],
    queryFn: () => unwrap(api.GET('/api/programs')),
    staleTime: 10 * 60_000,
  });
}

export function useProgram(code: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['programs', i18n.language, code],
    queryFn: () => unwrap(api.GET('/api/programs/{code}', { params: { path: { code } } })),
    staleTime: 10 * 60_000,
  });
}

/**
 * Issue 14: for a signed-in partner user, how each program fits the partner's kind (the same query
 * as the portal's Programs page); nothing for visitors and operators.
 */
export function useProgramFitsFor(partnerUser: boolean) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['memberships', 'programs', i18n.language],
    queryFn: () => unwrap(api.GET('/api/memberships/programs')),
    enabled: partnerUser,
  });
}
