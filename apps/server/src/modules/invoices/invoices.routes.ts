import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/auth.ts';
import { downloadInvoiceFile, MAX_INVOICE_FILE_BYTES, uploadInvoiceFile } from './invoice-files.service.ts';
import { invoiceListOf } from './invoice-list.view.ts';
import { canInvoice, canReadBilling } from './invoices.policy.ts';
import {
  fileQuery,
  fileView,
  idParams,
  invoiceListView,
  invoiceView,
  noticeDetail,
  noticeExportQuery,
  noticeListQuery,
  noticePage,
  postingBody,
  submitBody,
  tokenParams,
} from './invoices.schemas.ts';
import { exportNotices } from './notices-export.service.ts';
import {
  invoiceListByToken,
  invoiceListPdf,
  listNoticePage,
  noticeDetail as loadNoticeDetail,
  noticeFilterOf,
  ownNotice,
} from './notices-read.service.ts';
import { recordPosting, submitInvoices } from './submission.service.ts';

const FILE_TYPES = ['application/pdf', 'application/ofd', 'application/octet-stream'];

/** The partner's side of R20: notices, the invoice list (page data and PDF), invoices and files. */
export const invoicesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['billing'], security: [{ session: [] }] };
  const unsafe = { tags: ['billing'], security: [{ session: [], csrf: [] }] };
  const read = {
    preValidation: async (req: Parameters<typeof canReadBilling>[0]) => void canReadBilling(req),
  };
  const act = { preValidation: async (req: Parameters<typeof canInvoice>[0]) => void canInvoice(req) };
  app.addContentTypeParser(
    FILE_TYPES,
    { parseAs: 'buffer', bodyLimit: MAX_INVOICE_FILE_BYTES + 1024 * 1024 },
    (_r, body, done) => done(null, body),
  );

  app.get(
    '/api/invoice-lists/:token',
    {
      schema: {
        tags: ['billing'],
        summary:
          'The invoice list (开票清单) behind a notice’s signed link; after expiry for the partner’s signed-in users',
        params: tokenParams,
        response: { 200: invoiceListView },
      },
    },
    async (req) => invoiceListByToken(ctx, req.params.token, req.user),
  );

  app.get(
    '/api/invoice-lists/:token/pdf',
    {
      schema: {
        tags: ['billing'],
        summary: 'The invoice list as a printable PDF (Chinese and English, QR code back to the page)',
        params: tokenParams,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const file = await invoiceListPdf(await invoiceListByToken(ctx, req.params.token, req.user));
      return sendFile(reply, 'application/pdf', file.fileName, file.body, 'inline');
    },
  );

  app.get(
    '/api/invoicing-notices',
    {
      schema: {
        ...base,
        summary: 'My invoicing notices with filters, newest first',
        querystring: noticeListQuery.omit({ partnerId: true }),
        response: { 200: noticePage },
      },
      ...read,
    },
    async (req) => {
      const u = canReadBilling(req);
      return listNoticePage(ctx, noticeFilterOf(req.query, u.partnerId), req.query.limit, req.query.offset);
    },
  );

  app.get(
    '/api/invoicing-notices/export',
    {
      schema: {
        ...base,
        summary: 'My filtered invoicing notices as CSV or XLSX',
        querystring: noticeExportQuery.omit({ partnerId: true }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      ...read,
    },
    async (req, reply) => {
      const u = canReadBilling(req);
      const file = await exportNotices(
        ctx,
        noticeFilterOf(req.query, u.partnerId),
        req.query.format,
        req.locale,
      );
      return sendFile(reply, file.contentType, file.fileName, file.body, 'attachment');
    },
  );

  app.get(
    '/api/invoicing-notices/:id',
    {
      schema: {
        ...base,
        summary: 'One notice: its invoice list, invoices and the timeline notice → … → paid',
        params: idParams,
        response: { 200: noticeDetail },
      },
      ...read,
    },
    async (req) => loadNoticeDetail(ctx, canReadBilling(req).partnerId, req.params.id),
  );

  app.get(
    '/api/invoicing-notices/:id/invoice-list.pdf',
    {
      schema: {
        ...base,
        summary: 'The notice’s invoice list as PDF',
        params: idParams,
        produces: ['application/pdf'],
      },
      ...read,
    },
    async (req, reply) => {
      const row = await ownNotice(ctx, canReadBilling(req).partnerId, req.params.id);
      const file = await invoiceListPdf(invoiceListOf(ctx, row));
      return sendFile(reply, 'application/pdf', file.fileName, file.body, 'inline');
    },
  );

  app.post(
    '/api/invoicing-notices/:id/invoices',
    {
      schema: {
        ...unsafe,
        summary:
          'Submit the VAT special invoice(s) for what remains of a notice (ordinary invoices refused; totals to the fen)',
        params: idParams,
        body: submitBody,
        response: { 200: noticeDetail },
      },
      ...act,
    },
    async (req) =>
      submitInvoices(ctx, actorOf(req), canInvoice(req).partnerId, req.params.id, req.body.invoices),
  );

  app.post(
    '/api/invoices/:id/posting',
    {
      schema: {
        ...unsafe,
        summary: 'A paper invoice was posted: courier and tracking number (refused for electronic invoices)',
        params: idParams,
        body: postingBody,
        response: { 200: invoiceView },
      },
      ...act,
    },
    async (req) => recordPosting(ctx, actorOf(req), canInvoice(req).partnerId, req.params.id, req.body),
  );

  app.post(
    '/api/invoice-files',
    {
      bodyLimit: MAX_INVOICE_FILE_BYTES + 1024 * 1024,
      schema: {
        ...unsafe,
        summary: 'Upload an electronic invoice file (PDF or OFD, ≤ 10 MB) as the raw body; returns its id',
        querystring: fileQuery,
        consumes: FILE_TYPES,
        response: { 200: fileView },
      },
      ...act,
    },
    async (req) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      return uploadInvoiceFile(ctx, actorOf(req), canInvoice(req).partnerId, body, req.query.fileName);
    },
  );

  app.get(
    '/api/invoice-files/:id',
    {
      schema: {
        ...base,
        summary: 'Download one of my invoice files',
        params: idParams,
        produces: FILE_TYPES,
      },
      ...read,
    },
    async (req, reply) => {
      const file = await downloadInvoiceFile(ctx, canReadBilling(req).partnerId, req.params.id);
      return sendFile(reply, file.contentType, file.fileName, file.body, 'attachment');
    },
  );
};

export function sendFile(
  reply: import('fastify').FastifyReply,
  contentType: string,
  fileName: string,
  body: Buffer,
  disposition: 'inline' | 'attachment',
) {
  reply.header('content-type', contentType);
  reply.header('content-disposition', `${disposition}; filename="${encodeURIComponent(fileName)}"`);
  reply.header('cache-control', 'no-store');
  return reply.send(body);
}
