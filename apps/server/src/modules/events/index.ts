import { defineModule } from '../../platform/module.ts';
import { seedDemoEvents } from './events.demo.ts';
import { EventsErrors } from './events.errors.ts';
import { eventsJobs } from './events.jobs.ts';
import { eventsRoutes } from './events.routes.ts';

/** The events module's manifest; other modules import only this file. */
export const eventsModule = defineModule({
  name: 'events',
  routes: [eventsRoutes],
  jobs: eventsJobs,
  templates: {},
  errors: EventsErrors,
  demo: seedDemoEvents,
  tenancy: {
    public: [/^\/api\/developer\/platform-certificate$/],
    partnerOnly: [/^\/api\/developer\/(webhooks|deliveries|integration)/],
  },
});

// What other modules may use (the only way in).
export { enqueueBindCallback } from './bind-callback.service.ts';
export { emitEvent, emitEvents } from './events.service.ts';
export type { EmitEventInput } from './events.types.ts';
