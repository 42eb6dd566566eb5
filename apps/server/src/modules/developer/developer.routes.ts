import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePartnerUser } from '../../platform/http/auth.ts';
import { OPERATION_SUMMARIES_ZH } from './developer.operation-summaries.ts';
import { KEY_MANAGER_ROLES } from './developer.policy.ts';
import {
  createKeyBody,
  keyList,
  keyParams,
  keyView,
  keyWithSecret,
  partnerApiInfo,
} from './developer.schemas.ts';
import { createKey, listKeys, partnerApiInfoOf, rotateKey, setKeyEnabled } from './keys.service.ts';

type Req = Parameters<typeof requirePartnerUser>[0];
const admin = (req: Req) => {
  const u = requirePartnerUser(req, KEY_MANAGER_ROLES);
  return { ...actorOf(req), id: u.id, partnerId: u.partnerId };
};
const adminGuard = { preValidation: async (req: Req) => void admin(req) };
const userGuard = { preValidation: async (req: Req) => void requirePartnerUser(req) };

/** The /v2 operations of the OpenAPI document, read once (the document is complete after ready). */
function v2Operations(app: FastifyInstance) {
  const paths = (app.swagger() as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  const ops: { method: string; path: string; operationId: string; summary: string }[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    if (!path.startsWith('/v2/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      const o = op as { operationId?: string; summary?: string };
      ops.push({
        method: method.toUpperCase(),
        path,
        operationId: o.operationId ?? '',
        summary: o.summary ?? '',
      });
    }
  }
  return ops.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Portal: Developer > API keys and SDK centre (R16). Administrators only manage keys. */
export const developerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['developer'], security: [{ session: [] }] };
  const unsafe = { tags: ['developer'], security: [{ session: [], csrf: [] }] };
  let operations: ReturnType<typeof v2Operations> | undefined;

  app.get(
    '/api/developer/keys',
    {
      schema: { ...base, summary: 'My company’s API keys (administrators)', response: { 200: keyList } },
      ...adminGuard,
    },
    async (req) => listKeys(ctx, admin(req).partnerId),
  );

  app.post(
    '/api/developer/keys',
    {
      schema: {
        ...unsafe,
        summary: 'Create an AK/SK pair; the secret key is in this answer only',
        body: createKeyBody,
        response: { 200: keyWithSecret },
      },
      ...adminGuard,
    },
    async (req) => createKey(ctx, admin(req), req.body),
  );

  app.post(
    '/api/developer/keys/:id/disable',
    {
      schema: { ...unsafe, summary: 'Disable an API key', params: keyParams, response: { 200: keyView } },
      ...adminGuard,
    },
    async (req) => setKeyEnabled(ctx, admin(req), req.params.id, false),
  );

  app.post(
    '/api/developer/keys/:id/enable',
    {
      schema: {
        ...unsafe,
        summary: 'Enable an API key again',
        params: keyParams,
        response: { 200: keyView },
      },
      ...adminGuard,
    },
    async (req) => setKeyEnabled(ctx, admin(req), req.params.id, true),
  );

  app.post(
    '/api/developer/keys/:id/rotate',
    {
      schema: {
        ...unsafe,
        summary: 'New secret key (shown once); the previous one stays valid for 24 hours',
        params: keyParams,
        response: { 200: keyWithSecret },
      },
      ...adminGuard,
    },
    async (req) => rotateKey(ctx, admin(req), req.params.id),
  );

  app.get(
    '/api/developer/partner-api',
    {
      schema: {
        ...base,
        summary: 'SDK centre: endpoint, domain id and the partner API operations',
        response: { 200: partnerApiInfo },
      },
      ...userGuard,
    },
    async (req) => {
      operations ??= v2Operations(app);
      const ops = operations;
      // Descriptions in the reader's language (English: the OpenAPI summaries).
      const shown =
        req.locale === 'zh-CN'
          ? ops.map((o) => ({ ...o, summary: OPERATION_SUMMARIES_ZH[o.operationId] ?? o.summary }))
          : ops;
      return partnerApiInfoOf(ctx, requirePartnerUser(req).partnerId, shown);
    },
  );
};
