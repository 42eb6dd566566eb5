import { budgetsTemplates } from '../../modules/budgets/budgets.templates.ts';
import { certificateTemplates } from '../../modules/certificates/certificates.templates.ts';
import { certificationTemplates } from '../../modules/certification/certification.templates.ts';
import { customersTemplates } from '../../modules/customers/customers.templates.ts';
import { identityTemplates } from '../../modules/identity/identity.templates.ts';
import { membershipsTemplates } from '../../modules/memberships/memberships.templates.ts';
import { organizationTemplates } from '../../modules/organization/organization.templates.ts';
import { ticketsTemplates } from '../../modules/tickets/tickets.templates.ts';
import { commonTemplates } from './common.templates.ts';
import type { NotificationTemplate } from './template.ts';

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
};
