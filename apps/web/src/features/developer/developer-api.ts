import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type ApiKey = ResponseOf<'/api/developer/keys', 'get'>['items'][number];
export type ApiKeyWithSecret = ResponseOf<'/api/developer/keys/{id}/rotate', 'post'>;
export type PartnerApiInfo = ResponseOf<'/api/developer/partner-api', 'get'>;

const KEYS = ['developer', 'keys'] as const;

export function useApiKeys(enabled: boolean) {
  return useQuery({ queryKey: KEYS, enabled, queryFn: () => unwrap(api.GET('/api/developer/keys')) });
}

export function usePartnerApiInfo() {
  return useQuery({
    queryKey: ['developer', 'partner-api'],
    queryFn: () => unwrap(api.GET('/api/developer/partner-api')),
  });
}

function useKeysMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEYS }) });
}

export const useCreateKey = () =>
  useKeysMutation((name: string) => send(() => api.POST('/api/developer/keys', { body: { name } })));

export const useRotateKey = () =>
  useKeysMutation((id: string) =>
    send(() => api.POST('/api/developer/keys/{id}/rotate', { params: { path: { id } } })),
  );

export const useSetKeyEnabled = () =>
  useKeysMutation(({ id, enabled }: { id: string; enabled: boolean }) =>
    send(() =>
      enabled
        ? api.POST('/api/developer/keys/{id}/enable', { params: { path: { id } } })
        : api.POST('/api/developer/keys/{id}/disable', { params: { path: { id } } }),
    ),
  );
