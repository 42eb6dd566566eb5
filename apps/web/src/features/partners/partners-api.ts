import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiPaths } from '../../platform/api/client.ts';
import { api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type DirectoryQuery = NonNullable<
  ApiPaths['/api/console/partner-directory']['get']['parameters']['query']
>;

export type DirectoryRow = ResponseOf<'/api/console/partner-directory', 'get'>['items'][number];

export function useDirectory(query: DirectoryQuery) {
  return useQuery({
    queryKey: ['console', 'partner-directory', query],
    queryFn: () => unwrap(api.GET('/api/console/partner-directory', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePartnerStanding(partnerId: string) {
  return useQuery({
    queryKey: ['console', 'partner-standing', partnerId],
    queryFn: () =>
      unwrap(api.GET('/api/console/partners/{partnerId}/standing', { params: { path: { partnerId } } })),
  });
}

/** Suspend or resume; the directory and the standing are read again afterwards. */
export function useChangeStanding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      partnerId,
      action,
      reason,
    }: {
      partnerId: string;
      action: 'suspend' | 'resume';
      reason: string;
    }) =>
      send(() =>
        action === 'suspend'
          ? api.POST('/api/console/partners/{partnerId}/suspend', {
              params: { path: { partnerId } },
              body: { reason },
            })
          : api.POST('/api/console/partners/{partnerId}/resume', {
              params: { path: { partnerId } },
              body: { reason },
            }),
      ),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['console', 'partner-directory'] }),
        qc.invalidateQueries({ queryKey: ['console', 'partner-standing'] }),
      ]),
  });
}
