import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/auth.ts';
import { bulkCheck, checkInvoice } from './check.service.ts';
import { downloadInvoiceFile } from './invoice-files.service.ts';
import { canCheckInvoices, canViewQueues } from './invoices.policy.ts';
import { sendFile } from './invoices.routes.ts';
import {
  bulkCheckBody,
  bulkCheckResponse,
  idParams,
  invoiceQueuePage,
  invoiceQueueQuery,
  invoiceView,
  noticeDetail,
  noticeExportQuery,
  noticeListQuery,
  noticePage,
  returnBody,
} from './invoices.schemas.ts';
import { exportNotices } from './notices-export.service.ts';
import { listNoticePage, noticeDetail as loadNoticeDetail, noticeFilterOf } from './notices-read.service.ts';
import { invoiceQueue } from './queue.service.ts';

/** Finance's side of R20: the invoice queue with counts, checks (single and bulk), notices. */
export const invoicesConsoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['console'], security: [{ session: [] }] };
  const unsafe = { tags: ['console'], security: [{ session: [], csrf: [] }] };
  const view = { preValidation: async (req: Parameters<typeof canViewQueues>[0]) => void canViewQueues(req) };
  const check = {
    preValidation: async (req: Parameters<typeof canViewQueues>[0]) => void canCheckInvoices(req),
  };

  app.get(
    '/api/console/invoices',
    {
      schema: {
        ...base,
        summary: 'Invoices to receive and check (oldest first), with queue counts',
        querystring: invoiceQueueQuery,
        response: { 200: invoiceQueuePage },
      },
      ...view,
    },
    async (req) => invoiceQueue(ctx, req.query),
  );

  for (const action of ['receive', 'accept'] as const) {
    app.post(
      `/api/console/invoices/:id/${action}`,
      {
        schema: {
          ...unsafe,
          summary:
            action === 'receive'
              ? 'A posted paper invoice arrived (finance)'
              : 'Accept a received invoice that matches its notice (finance)',
          params: idParams,
          response: { 200: invoiceView },
        },
        ...check,
      },
      async (req) => checkInvoice(ctx, actorOf(req), req.params.id, action),
    );
  }

  app.post(
    '/api/console/invoices/:id/return',
    {
      schema: {
        ...unsafe,
        summary: 'Return an invoice with a reason: the partner is notified and resubmits (finance)',
        params: idParams,
        body: returnBody,
        response: { 200: invoiceView },
      },
      ...check,
    },
    async (req) => checkInvoice(ctx, actorOf(req), req.params.id, 'return', req.body.reason),
  );

  app.post(
    '/api/console/invoices/bulk',
    {
      schema: {
        ...unsafe,
        summary: 'Receive or accept many invoices; each outcome reported (finance)',
        body: bulkCheckBody,
        response: { 200: bulkCheckResponse },
      },
      ...check,
    },
    async (req) => bulkCheck(ctx, actorOf(req), req.body.ids, req.body.action),
  );

  app.get(
    '/api/console/invoice-files/:id',
    {
      schema: {
        ...base,
        summary: 'Download an invoice file',
        params: idParams,
        produces: ['application/pdf'],
      },
      ...view,
    },
    async (req, reply) => {
      const file = await downloadInvoiceFile(ctx, null, req.params.id);
      return sendFile(reply, file.contentType, file.fileName, file.body, 'attachment');
    },
  );

  app.get(
    '/api/console/invoicing-notices',
    {
      schema: {
        ...base,
        summary: 'Invoicing notices of every partner with filters',
        querystring: noticeListQuery,
        response: { 200: noticePage },
      },
      ...view,
    },
    async (req) => listNoticePage(ctx, noticeFilterOf(req.query), req.query.limit, req.query.offset),
  );

  app.get(
    '/api/console/invoicing-notices/export',
    {
      schema: {
        ...base,
        summary: 'Invoicing notices with filters as CSV or XLSX',
        querystring: noticeExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      ...view,
    },
    async (req, reply) => {
      const file = await exportNotices(ctx, noticeFilterOf(req.query), req.query.format, req.locale);
      return sendFile(reply, file.contentType, file.fileName, file.body, 'attachment');
    },
  );

  app.get(
    '/api/console/invoicing-notices/:id',
    {
      schema: {
        ...base,
        summary: 'One notice with its invoices and timeline',
        params: idParams,
        response: { 200: noticeDetail },
      },
      ...view,
    },
    async (req) => loadNoticeDetail(ctx, null, req.params.id),
  );
};
