import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type OperatorRole, requireOperator } from '../../platform/http/auth.ts';
import { listCalendar, removeCalendarDay, setCalendarDay } from './calendar.service.ts';
import { CALENDAR_WRITER_ROLES, TICKET_HANDLER_ROLES, TICKET_READER_ROLES } from './tickets.policy.ts';
import {
  assignBody,
  assigneesResponse,
  assignResponse,
  consoleListQuery,
  holidayBody,
  holidayChange,
  holidayList,
  holidayParams,
  holidayQuery,
  replyBody,
  resolveBody,
  ticketDetail as ticketDetailSchema,
  ticketPage,
  ticketParams,
} from './tickets.schemas.ts';
import { pageTickets, ticketDetail } from './tickets.service.ts';
import { assignTickets, listAssignees, resolveTicket, supportReply } from './tickets-support.service.ts';

type Req = Parameters<typeof requireOperator>[0];
const only = (roles?: readonly OperatorRole[]) => ({
  preValidation: async (req: Req) => {
    requireOperator(req, roles);
  },
});
const operatorActor = (req: Req) => ({ ...actorOf(req), id: requireOperator(req).id });

/** Console: the support queue and the working-day calendar. */
export const ticketsConsoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['console'], security: [{ session: [] }] };
  const unsafe = { tags: ['console'], security: [{ session: [], csrf: [] }] };

  app.get(
    '/api/console/tickets',
    {
      schema: {
        ...base,
        summary: 'Ticket queue with filters (support, admin, ecosystem managers)',
        querystring: consoleListQuery,
        response: { 200: ticketPage },
      },
      ...only(TICKET_READER_ROLES),
    },
    async (req) => {
      const { status, category, overdue, assignee, partnerId, q, limit, cursor } = req.query;
      const assigneeId = assignee === 'me' ? requireOperator(req).id : assignee;
      return pageTickets(
        ctx,
        {
          statuses: status,
          category,
          overdue: overdue === undefined ? undefined : overdue === 'true',
          assigneeId,
          partnerId,
          q,
        },
        { limit, cursor },
      );
    },
  );

  app.get(
    '/api/console/tickets/assignees',
    {
      schema: {
        ...base,
        summary: 'Operators who can be given tickets',
        response: { 200: assigneesResponse },
      },
      ...only(TICKET_READER_ROLES),
    },
    async () => listAssignees(ctx),
  );

  app.post(
    '/api/console/tickets/assign',
    {
      schema: {
        ...unsafe,
        summary: 'Assign tickets in bulk (or unassign with null)',
        body: assignBody,
        response: { 200: assignResponse },
      },
      ...only(TICKET_HANDLER_ROLES),
    },
    async (req) => assignTickets(ctx, operatorActor(req), req.body.ticketIds, req.body.assigneeId),
  );

  app.get(
    '/api/console/tickets/:id',
    {
      schema: {
        ...base,
        summary: 'A ticket with its thread',
        params: ticketParams,
        response: { 200: ticketDetailSchema },
      },
      ...only(TICKET_READER_ROLES),
    },
    async (req) => ticketDetail(ctx, req.params.id),
  );

  app.post(
    '/api/console/tickets/:id/replies',
    {
      schema: {
        ...unsafe,
        summary: 'Answer the partner (the ticket then waits for them)',
        params: ticketParams,
        body: replyBody,
        response: { 200: ticketDetailSchema },
      },
      ...only(TICKET_HANDLER_ROLES),
    },
    async (req) => supportReply(ctx, operatorActor(req), req.params.id, req.body.body),
  );

  app.post(
    '/api/console/tickets/:id/resolve',
    {
      schema: {
        ...unsafe,
        summary: 'Resolve a ticket, optionally with a closing note',
        params: ticketParams,
        body: resolveBody,
        response: { 200: ticketDetailSchema },
      },
      ...only(TICKET_HANDLER_ROLES),
    },
    async (req) => resolveTicket(ctx, operatorActor(req), req.params.id, req.body.body),
  );

  app.get(
    '/api/console/holidays',
    {
      schema: {
        ...base,
        summary: 'The working-day calendar: holidays and adjusted working weekends',
        querystring: holidayQuery,
        response: { 200: holidayList },
      },
      ...only(),
    },
    async (req) => listCalendar(ctx, req.query.year),
  );

  app.put(
    '/api/console/holidays/:date',
    {
      schema: {
        ...unsafe,
        summary: 'Add or change a day of the calendar (operator admins)',
        params: holidayParams,
        body: holidayBody,
        response: { 200: holidayChange },
      },
      ...only(CALENDAR_WRITER_ROLES),
    },
    async (req) => setCalendarDay(ctx, operatorActor(req), req.params.date, req.body),
  );

  app.delete(
    '/api/console/holidays/:date',
    {
      schema: {
        ...unsafe,
        summary: 'Remove a day from the calendar (operator admins)',
        params: holidayParams,
        response: { 200: holidayChange },
      },
      ...only(CALENDAR_WRITER_ROLES),
    },
    async (req) => removeCalendarDay(ctx, operatorActor(req), req.params.date),
  );
};
