import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePartnerUser } from '../../platform/http/auth.ts';
import {
  openTicketBody,
  partnerListQuery,
  replyBody,
  ticketDetail as ticketDetailSchema,
  ticketPage,
  ticketParams,
} from './tickets.schemas.ts';
import { openTicket, pageTickets, ticketDetail } from './tickets.service.ts';
import { confirmTicket, partnerReply, reopenTicket } from './tickets-partner.service.ts';

type Req = Parameters<typeof requirePartnerUser>[0];
const guard = {
  preValidation: async (req: Req) => {
    requirePartnerUser(req);
  },
};
const partnerActor = (req: Req) => {
  const u = requirePartnerUser(req);
  return { ...actorOf(req), id: u.id, partnerId: u.partnerId };
};

/** Portal: Support. Any user of a partner sees and works on that partner's tickets. */
export const ticketsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['tickets'], security: [{ session: [] }] };
  const unsafe = { tags: ['tickets'], security: [{ session: [], csrf: [] }] };

  app.get(
    '/api/tickets',
    {
      schema: {
        ...base,
        summary: "My company's tickets, newest first",
        querystring: partnerListQuery,
        response: { 200: ticketPage },
      },
      ...guard,
    },
    async (req) => {
      const { status, limit, cursor } = req.query;
      return pageTickets(
        ctx,
        { partnerId: requirePartnerUser(req).partnerId, statuses: status },
        { limit, cursor },
      );
    },
  );

  app.post(
    '/api/tickets',
    {
      schema: {
        ...unsafe,
        summary: 'Open a ticket (due in 3 working days, Asia/Shanghai)',
        body: openTicketBody,
        response: { 201: ticketDetailSchema },
      },
      ...guard,
    },
    async (req, reply) => {
      reply.status(201);
      return openTicket(ctx, partnerActor(req), req.body);
    },
  );

  app.get(
    '/api/tickets/:id',
    {
      schema: {
        ...base,
        summary: 'One of my company’s tickets with its thread',
        params: ticketParams,
        response: { 200: ticketDetailSchema },
      },
      ...guard,
    },
    async (req) => ticketDetail(ctx, req.params.id, requirePartnerUser(req).partnerId),
  );

  app.post(
    '/api/tickets/:id/replies',
    {
      schema: {
        ...unsafe,
        summary: 'Write on an open or answered ticket',
        params: ticketParams,
        body: replyBody,
        response: { 200: ticketDetailSchema },
      },
      ...guard,
    },
    async (req) => partnerReply(ctx, partnerActor(req), req.params.id, req.body.body),
  );

  app.post(
    '/api/tickets/:id/confirm',
    {
      schema: {
        ...unsafe,
        summary: 'Confirm a resolved ticket (closes it)',
        params: ticketParams,
        response: { 200: ticketDetailSchema },
      },
      ...guard,
    },
    async (req) => confirmTicket(ctx, partnerActor(req), req.params.id),
  );

  app.post(
    '/api/tickets/:id/reopen',
    {
      schema: {
        ...unsafe,
        summary: 'Reopen a resolved ticket with a reason (new due time)',
        params: ticketParams,
        body: replyBody,
        response: { 200: ticketDetailSchema },
      },
      ...guard,
    },
    async (req) => reopenTicket(ctx, partnerActor(req), req.params.id, req.body.body),
  );
};
