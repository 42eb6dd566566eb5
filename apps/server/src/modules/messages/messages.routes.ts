import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireUser } from '../../platform/http/auth.ts';
import {
  countResponse,
  listMessagesQuery,
  listMessagesResponse,
  messageParams,
  okResponse,
  unreadCountResponse,
} from './messages.schemas.ts';
import { listMyMessages, readAllMessages, readMessage, unreadCount } from './messages.service.ts';

const guard = {
  // Refuse the anonymous before looking at their input.
  preValidation: async (req: Parameters<typeof requireUser>[0]) => {
    requireUser(req);
  },
};

/** The message centre of the signed-in user (partner users and operators alike). */
export const messagesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['messages'], security: [{ session: [] }] };
  app.get(
    '/api/messages',
    {
      schema: {
        ...base,
        summary: 'My in-app messages, newest first',
        querystring: listMessagesQuery,
        response: { 200: listMessagesResponse },
      },
      ...guard,
    },
    async (req) => {
      const { unread, limit, cursor } = req.query;
      return listMyMessages(ctx, requireUser(req).id, {
        unread: unread === 'true',
        limit,
        cursor,
        locale: req.locale,
      });
    },
  );
  app.get(
    '/api/messages/unread-count',
    {
      schema: {
        ...base,
        summary: 'How many of my messages are unread',
        response: { 200: unreadCountResponse },
      },
      ...guard,
    },
    async (req) => ({ count: await unreadCount(ctx, requireUser(req).id) }),
  );
  app.post(
    '/api/messages/read-all',
    {
      schema: {
        ...base,
        security: [{ session: [], csrf: [] }],
        summary: 'Mark all my messages read',
        response: { 200: countResponse },
      },
      ...guard,
    },
    async (req) => {
      const u = requireUser(req);
      return { count: await readAllMessages(ctx, { ...actorOf(req), id: u.id }) };
    },
  );
  app.post(
    '/api/messages/:id/read',
    {
      schema: {
        ...base,
        security: [{ session: [], csrf: [] }],
        summary: 'Mark one of my messages read',
        params: messageParams,
        response: { 200: okResponse },
      },
      ...guard,
    },
    async (req) => {
      const u = requireUser(req);
      await readMessage(ctx, { ...actorOf(req), id: u.id }, req.params.id);
      return { ok: true as const };
    },
  );
};
