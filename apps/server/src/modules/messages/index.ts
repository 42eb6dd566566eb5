import { defineModule } from '../../platform/module.ts';
import { messagesRoutes } from './messages.routes.ts';
import { recordInAppMessages } from './messages.service.ts';

/** The messages module's manifest; other modules import only this file. */
export const messagesModule = defineModule({
  name: 'messages',
  routes: [messagesRoutes],
  jobs: [],
  templates: {},
  errors: {},
  hooks: { recordInAppMessages },
});
