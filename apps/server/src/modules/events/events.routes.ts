import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePartnerUser } from '../../platform/http/auth.ts';
import { pagePartnerDeliveries, partnerDeliveryDetail, replayDelivery } from './deliveries.service.ts';
import {
  changeEndpoint,
  createEndpoint,
  listPartnerEndpoints,
  MAX_ENDPOINTS,
  removeEndpoint,
  rotateEndpointSecret,
} from './endpoints.service.ts';
import { DEVELOPER_ADMIN_ROLES } from './events.policy.ts';
import {
  changeEndpointBody,
  createEndpointBody,
  delivery,
  deliveryDetail,
  deliveryListQuery,
  deliveryPage,
  endpoint,
  endpointList,
  endpointWithSecret,
  idParams,
  integration,
  integrationBody,
} from './events.schemas.ts';
import { EVENT_TYPES } from './events.types.ts';
import { PLATFORM_CERTIFICATE_PATH, partnerIntegration, saveIntegration } from './integration.service.ts';
import { platformCertificatePem } from './platform-key.service.ts';

type Req = Parameters<typeof requirePartnerUser>[0];
const adminOf = (req: Req) => requirePartnerUser(req, DEVELOPER_ADMIN_ROLES);
const guard = {
  preValidation: async (req: Req) => {
    adminOf(req);
  },
};
const adminActor = (req: Req) => {
  const u = adminOf(req);
  return { ...actorOf(req), id: u.id, partnerId: u.partnerId };
};

/**
 * Portal: Developer > Webhooks, Deliveries and Integration (partner administrators only, like the
 * API keys: endpoints carry secrets and deliveries carry customer data). The platform certificate
 * is public: partners verify bind callbacks with it.
 */
export const eventsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['developer'], security: [{ session: [] }] };
  const unsafe = { tags: ['developer'], security: [{ session: [], csrf: [] }] };

  app.get(
    PLATFORM_CERTIFICATE_PATH,
    {
      schema: {
        tags: ['developer'],
        summary: 'The platform certificate (PEM) that verifies bind callback signatures (public)',
        response: { 200: z.string() },
      },
    },
    async (_req, reply) => {
      const pem = await platformCertificatePem(ctx);
      return reply
        .type('application/x-pem-file')
        .header('content-disposition', 'attachment; filename="partner-center-platform.pem"')
        .serializer((p: unknown) => String(p))
        .send(pem);
    },
  );

  app.get(
    '/api/developer/webhooks',
    { schema: { ...base, summary: 'My webhook endpoints', response: { 200: endpointList } }, ...guard },
    async (req) => ({
      items: await listPartnerEndpoints(ctx, adminOf(req).partnerId),
      eventTypes: [...EVENT_TYPES],
      maxEndpoints: MAX_ENDPOINTS,
    }),
  );

  app.post(
    '/api/developer/webhooks',
    {
      schema: {
        ...unsafe,
        summary: 'Add a webhook endpoint (its signing secret is shown once)',
        body: createEndpointBody,
        response: { 201: endpointWithSecret },
      },
      ...guard,
    },
    async (req, reply) => reply.status(201).send(await createEndpoint(ctx, adminActor(req), req.body)),
  );

  app.patch(
    '/api/developer/webhooks/:id',
    {
      schema: {
        ...unsafe,
        summary: 'Change, disable or enable a webhook endpoint',
        params: idParams,
        body: changeEndpointBody,
        response: { 200: endpoint },
      },
      ...guard,
    },
    async (req) => changeEndpoint(ctx, adminActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/developer/webhooks/:id/rotate-secret',
    {
      schema: {
        ...unsafe,
        summary: 'Replace the signing secret (the new one is shown once)',
        params: idParams,
        response: { 200: endpointWithSecret },
      },
      ...guard,
    },
    async (req) => rotateEndpointSecret(ctx, adminActor(req), req.params.id),
  );

  app.delete(
    '/api/developer/webhooks/:id',
    {
      schema: {
        ...unsafe,
        summary: 'Delete a webhook endpoint',
        params: idParams,
        response: { 204: z.null() },
      },
      ...guard,
    },
    async (req, reply) => {
      await removeEndpoint(ctx, adminActor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/developer/deliveries',
    {
      schema: {
        ...base,
        summary: 'Webhook and bind-callback deliveries, newest first',
        querystring: deliveryListQuery,
        response: { 200: deliveryPage },
      },
      ...guard,
    },
    async (req) => pagePartnerDeliveries(ctx, adminOf(req).partnerId, req.query),
  );

  app.get(
    '/api/developer/deliveries/:id',
    {
      schema: {
        ...base,
        summary: 'One delivery with its body and every attempt',
        params: idParams,
        response: { 200: deliveryDetail },
      },
      ...guard,
    },
    async (req) => partnerDeliveryDetail(ctx, adminOf(req).partnerId, req.params.id),
  );

  app.post(
    '/api/developer/deliveries/:id/replay',
    {
      schema: {
        ...unsafe,
        summary: 'Send a delivery again (same body and event id) as a new delivery',
        params: idParams,
        response: { 201: delivery },
      },
      ...guard,
    },
    async (req, reply) => reply.status(201).send(await replayDelivery(ctx, adminActor(req), req.params.id)),
  );

  app.get(
    '/api/developer/integration',
    {
      schema: {
        ...base,
        summary: 'My integration settings: xaccount_type and the bind notification URL',
        response: { 200: integration },
      },
      ...guard,
    },
    async (req) => partnerIntegration(ctx, adminOf(req).partnerId),
  );

  app.put(
    '/api/developer/integration',
    {
      schema: {
        ...unsafe,
        summary: 'Save my integration settings',
        body: integrationBody,
        response: { 200: integration },
      },
      ...guard,
    },
    async (req) => saveIntegration(ctx, adminActor(req), req.body),
  );
};
