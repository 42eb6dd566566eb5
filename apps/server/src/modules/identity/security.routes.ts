import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireUser } from '../../platform/http/auth.ts';
import { okResponse } from './identity.schemas.ts';
import {
  enrolResponse,
  recoveryCodesResponse,
  revokedResponse,
  sessionParams,
  sessionsResponse,
  totpCodeBody,
  totpStatusResponse,
} from './recovery.schemas.ts';
import { listMySessions, revokeMyOtherSessions, revokeMySession } from './sessions-list.service.ts';
import {
  confirmTotpSetup,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpSetup,
  totpStatus,
} from './totp.service.ts';

const tags = ['identity'];
const security = [{ session: [] }];

/** The signed-in user's security page: sessions, the authenticator and recovery codes. */
export const securityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preValidation', async (req) => {
    requireUser(req);
  });

  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags,
        summary: 'My signed-in sessions (device, address, times)',
        security,
        response: { 200: sessionsResponse },
      },
    },
    async (req) => listMySessions(ctx, requireUser(req)),
  );

  app.post(
    '/api/me/sessions/:sessionId/revoke',
    {
      schema: {
        tags,
        summary: 'Sign one of my sessions out',
        security,
        params: sessionParams,
        response: { 200: okResponse },
      },
    },
    async (req) => revokeMySession(ctx, actorOf(req), requireUser(req), req.params.sessionId),
  );

  app.post(
    '/api/me/sessions/revoke-others',
    {
      schema: {
        tags,
        summary: 'Sign out all my other sessions',
        security,
        response: { 200: revokedResponse },
      },
    },
    async (req) => revokeMyOtherSessions(ctx, actorOf(req), requireUser(req)),
  );

  app.get(
    '/api/me/totp',
    {
      schema: { tags, summary: 'My two-step verification', security, response: { 200: totpStatusResponse } },
    },
    async (req) => totpStatus(ctx, requireUser(req).id),
  );

  app.post(
    '/api/me/totp/setup',
    {
      schema: {
        tags,
        summary: 'Start two-step verification: a new secret and its otpauth URI',
        security,
        response: { 200: enrolResponse },
      },
    },
    async (req) => startTotpSetup(ctx, requireUser(req).id),
  );

  app.post(
    '/api/me/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Turn two-step verification on with a code; returns the recovery codes once',
        security,
        body: totpCodeBody,
        response: { 200: recoveryCodesResponse },
      },
    },
    async (req) => confirmTotpSetup(ctx, actorOf(req), requireUser(req).id, req.body, req.ip ?? null),
  );

  app.post(
    '/api/me/totp/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes (needs a current code; the old ones stop working)',
        security,
        body: totpCodeBody,
        response: { 200: recoveryCodesResponse },
      },
    },
    async (req) => regenerateRecoveryCodes(ctx, actorOf(req), requireUser(req).id, req.body, req.ip ?? null),
  );

  app.post(
    '/api/me/totp/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-step verification off (not for operators; needs a current code)',
        security,
        body: totpCodeBody,
        response: { 200: okResponse },
      },
    },
    async (req) => disableTotp(ctx, actorOf(req), requireUser(req).id, req.body, req.ip ?? null),
  );
};
