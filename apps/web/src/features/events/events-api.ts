import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiPaths } from '../../platform/api/client.ts';
import { api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The 201 body of `POST path`. */
type CreatedOf<P extends keyof ApiPaths> = ApiPaths[P]['post'] extends { responses: { 201: infer R } }
  ? JsonOf<R>
  : never;

type BodyOf<P extends keyof ApiPaths, M extends keyof ApiPaths[P]> = ApiPaths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
export type CreateEndpointBody = BodyOf<'/api/developer/webhooks', 'post'>;
export type ChangeEndpointBody = BodyOf<'/api/developer/webhooks/{id}', 'patch'>;
export type EventTypeName = NonNullable<CreateEndpointBody['eventTypes']>[number];

export type EndpointList = ResponseOf<'/api/developer/webhooks', 'get'>;
export type Endpoint = EndpointList['items'][number];
export type EndpointWithSecret = CreatedOf<'/api/developer/webhooks'>;
export type Delivery = ResponseOf<'/api/developer/deliveries', 'get'>['items'][number];
export type DeliveryDetail = ResponseOf<'/api/developer/deliveries/{id}', 'get'>;
export type Integration = ResponseOf<'/api/developer/integration', 'get'>;

export interface DeliveryFilter {
  kind?: 'webhook' | 'bind_callback';
  status?: 'pending' | 'succeeded' | 'failed';
  endpointId?: string;
  cursor?: string;
}

const ENDPOINTS = ['developer', 'webhooks'] as const;
const DELIVERIES = ['developer', 'deliveries'] as const;
const INTEGRATION = ['developer', 'integration'] as const;

export function useEndpoints(enabled: boolean) {
  return useQuery({
    queryKey: ENDPOINTS,
    enabled,
    queryFn: () => unwrap(api.GET('/api/developer/webhooks')),
  });
}

function useEndpointMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ENDPOINTS }) });
}

export const useCreateEndpoint = () =>
  useEndpointMutation((body: CreateEndpointBody) =>
    send(() => api.POST('/api/developer/webhooks', { body })),
  );

export const useChangeEndpoint = () =>
  useEndpointMutation(({ id, ...body }: ChangeEndpointBody & { id: string }) =>
    send(() => api.PATCH('/api/developer/webhooks/{id}', { params: { path: { id } }, body })),
  );

export const useRotateEndpointSecret = () =>
  useEndpointMutation((id: string) =>
    send(() => api.POST('/api/developer/webhooks/{id}/rotate-secret', { params: { path: { id } } })),
  );

export const useDeleteEndpoint = () =>
  useEndpointMutation((id: string) =>
    send(() => api.DELETE('/api/developer/webhooks/{id}', { params: { path: { id } } })),
  );

export function useDeliveries(filter: DeliveryFilter, enabled: boolean) {
  return useQuery({
    queryKey: [...DELIVERIES, filter],
    enabled,
    queryFn: () =>
      unwrap(api.GET('/api/developer/deliveries', { params: { query: { ...filter, limit: 20 } } })),
  });
}

export function useDelivery(id: string | null) {
  return useQuery({
    queryKey: [...DELIVERIES, 'detail', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/developer/deliveries/{id}', { params: { path: { id: id ?? '' } } })),
  });
}

export function useReplayDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      send(() => api.POST('/api/developer/deliveries/{id}/replay', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: DELIVERIES }),
  });
}

export function useIntegration(enabled: boolean) {
  return useQuery({
    queryKey: INTEGRATION,
    enabled,
    queryFn: () => unwrap(api.GET('/api/developer/integration')),
  });
}

export function useSaveIntegration() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { xaccountType?: string | null; bindNotifyUrl?: string | null }) =>
      send(() => api.PUT('/api/developer/integration', { body })),
    onSuccess: (data) => qc.setQueryData(INTEGRATION, data),
  });
}
