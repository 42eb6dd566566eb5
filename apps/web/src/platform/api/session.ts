import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import i18next, { type Language, rememberLanguage } from '../i18n/index.ts';
import { setDisplayTimeZone } from '../lib/time-zone.ts';
import { ApiRequestError, api, send, unwrap } from './client.ts';
import type { Me } from './types.ts';

export const meKey = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await unwrap(api.GET('/api/me'));
    // Every time on every page is shown in the zone the user chose (Asia/Shanghai by default).
    setDisplayTimeZone(me.timeZone);
    return me;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) return null;
    throw err;
  }
}

/** The signed-in user, or null for a visitor. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });
}

/** Switches the UI to the user's saved language after sign-in. */
async function adoptLanguage(lang: Language): Promise<void> {
  if (i18next.language === lang) return;
  rememberLanguage(lang);
  await i18next.changeLanguage(lang);
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      send(() => api.POST('/api/auth/sign-in', { body })),
    onSuccess: async ({ user }) => {
      if (!user) return; // a second factor comes first
      await signedInAs(qc, user);
    },
  });
}

/** Keeps the user who just signed in and speaks their language. */
export async function signedInAs(qc: ReturnType<typeof useQueryClient>, user: Me): Promise<void> {
  qc.setQueryData(meKey, user);
  await adoptLanguage(user.locale);
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => send(() => api.POST('/api/auth/sign-out')),
    onSettled: () => {
      qc.setQueryData(meKey, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'programs' });
    },
  });
}

/** Stores the user fresh from a profile change. */
export function useSetMe() {
  const qc = useQueryClient();
  return (me: Me) => qc.setQueryData(meKey, me);
}
