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
