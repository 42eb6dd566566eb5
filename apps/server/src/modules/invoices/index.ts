/**
 * The invoices module (R20, R21): invoicing notices, the invoice list (开票清单) page and PDF,
 * invoice submission and finance's check. Other modules use only what this file exports.
 */
export { invoiceListUrl } from './invoices.notify.ts';
export {
  createInvoicingNotice,
  type NewInvoicingNotice,
  type NoticeLine,
  type NoticeSourceKind,
} from './notices.service.ts';

import { defineModule } from '../../platform/module.ts';
import { InvoicesErrors } from './invoices.errors.ts';
import { invoicesTemplates } from './invoices.templates.ts';

/**
 * Interim manifest written in the incentives branch after merging layout-v1 over invoices-v1, so
 * the invoicing notice's templates and errors are registered; the invoices branch's own manifest
 * replaces it.
 */
export const invoicesModule = defineModule({
  name: 'invoices',
  routes: [],
  jobs: [],
  templates: invoicesTemplates,
  errors: InvoicesErrors,
});
