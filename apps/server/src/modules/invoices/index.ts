import { defineModule } from '../../platform/module.ts';
import { invoicesConsoleRoutes } from './invoices.console.routes.ts';
import { InvoicesErrors } from './invoices.errors.ts';
import { invoicesRoutes } from './invoices.routes.ts';
import { invoicesTemplates } from './invoices.templates.ts';

/**
 * The invoices module (R20, R21): invoicing notices, the invoice list (开票清单) page and PDF,
 * invoice submission and finance's check. Other modules use only what this file exports.
 */
export const invoicesModule = defineModule({
  name: 'invoices',
  routes: [invoicesRoutes],
  consoleRoutes: [invoicesConsoleRoutes],
  jobs: [],
  templates: invoicesTemplates,
  errors: InvoicesErrors,
  tenancy: {
    public: [/^\/api\/invoice-lists\//],
    partnerOnly: [/^\/api\/(invoicing-notices|invoices|invoice-files)/],
  },
});

export { invoiceListUrl } from './invoices.notify.ts';
export { invoicesQueue } from './invoices.work-queue.ts';
export { documentNosOf, type NoticeRow } from './notices.repository.ts';
export {
  createInvoicingNotice,
  lockNoticeForPayment,
  markNoticePaid,
  type NewInvoicingNotice,
  type NoticeLine,
  type NoticeSourceKind,
} from './notices.service.ts';
export { listNoticePage, noticeFilterOf } from './notices-read.service.ts';
export { type TableColumn, tableFile } from './table-file.ts';
