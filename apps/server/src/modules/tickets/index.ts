import { defineModule } from '../../platform/module.ts';
import { seedDemoTickets } from './tickets.demo.ts';
import { TicketErrors } from './tickets.errors.ts';
import { ticketsJobs } from './tickets.jobs.ts';
import { TICKET_READER_ROLES } from './tickets.policy.ts';
import { ticketsRoutes } from './tickets.routes.ts';
import { ticketsTemplates } from './tickets.templates.ts';
import { ticketsConsoleRoutes } from './tickets-console.routes.ts';

/** The tickets module's manifest; other modules import only this file. */
export const ticketsModule = defineModule({
  name: 'tickets',
  partnerTabs: [{ key: 'tickets', roles: TICKET_READER_ROLES }],
  routes: [ticketsRoutes],
  consoleRoutes: [ticketsConsoleRoutes],
  jobs: ticketsJobs,
  templates: ticketsTemplates,
  errors: TicketErrors,
  demo: seedDemoTickets,
  tenancy: { partnerOnly: [/^\/api\/tickets/] },
});
export { openTicketIn } from './tickets.service.ts';
export { ticketQueues, ticketsAwaitingPartner } from './tickets.work-queue.ts';
