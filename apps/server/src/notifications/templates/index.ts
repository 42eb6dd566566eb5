import { budgetsTemplates } from './budgets.ts';
import { certificateTemplates } from './certificates.ts';
import { certificationTemplates } from './certification.ts';
import { commonTemplates } from './common.ts';
import { customersTemplates } from './customers.ts';
import { identityTemplates } from './identity.ts';
import { membershipsTemplates } from './memberships.ts';
import { organizationTemplates } from './organization.ts';
import { subscriptionsTemplates } from './subscriptions.ts';
import type { NotificationTemplate } from './template.ts';
import { ticketsTemplates } from './tickets.ts';

/** Every template by id. A module adds its `templates/<module>.ts` map here. */
export const templateRegistry: Readonly<Record<string, NotificationTemplate>> = {
  ...commonTemplates,
  ...budgetsTemplates,
  ...customersTemplates,
  ...certificateTemplates,
  ...certificationTemplates,
  ...identityTemplates,
  ...membershipsTemplates,
  ...organizationTemplates,
  ...ticketsTemplates,
  ...subscriptionsTemplates,
};
