import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type SpendImport = ResponseOf<'/api/console/spend/imports/{id}', 'get'>;

const running = (s: SpendImport['status']) => s === 'validating' || s === 'importing';

export function useImports() {
  return useQuery({
    queryKey: ['spend-imports'],
    queryFn: () => unwrap(api.GET('/api/console/spend/imports')),
    // Poll while an import runs: the progress bar follows processed / total lines.
    refetchInterval: (q) => (q.state.data?.items.some((i) => running(i.status)) ? 1000 : false),
  });
}

/** The file goes up as the request body (streamed by the browser); the server never buffers it whole. */
export function useUpload() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, skipBadLines }: { file: File; skipBadLines: boolean }) => {
      const csv = file.name.toLowerCase().endsWith('.csv');
      return send(() =>
        api.POST('/api/console/spend/imports', {
          params: {
            query: {
              format: csv ? 'csv' : 'ndjson',
              skipBadLines: skipBadLines ? 'true' : 'false',
              fileName: file.name,
            },
          },
          body: file as never,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'content-type': csv ? 'text/csv' : 'application/x-ndjson' },
        }),
      );
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: ['spend-imports'] }),
  });
}
