import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireOperator, requirePartnerUser } from '../../platform/http/auth.ts';
import { canRevealBankAccount } from '../certification/index.ts';
import { noticeFilterOf } from '../invoices/index.ts';
import {
  idParams,
  payBody,
  payeeView,
  paymentExportQuery,
  paymentListQuery,
  paymentPage as paymentPageSchema,
  paymentView,
  revealBody,
  revealResponse,
} from './payments.schemas.ts';
import { payeeOf, recordPayment, revealPayeeAccount } from './payments.service.ts';
import { exportPayments, paymentPage } from './payments.views.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Payments (R21, R4): the partner's list, finance's payment with the payee masked and an audited reveal. */
export const paymentsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const portal = { tags: ['billing'], security: [{ session: [] }] };
  const consoleRead = { tags: ['console'], security: [{ session: [] }] };
  const consoleWrite = { tags: ['console'], security: [{ session: [], csrf: [] }] };
  const partner = {
    preValidation: async (req: Parameters<typeof requirePartnerUser>[0]) => void requirePartnerUser(req),
  };
  const operator = {
    preValidation: async (req: Parameters<typeof requireOperator>[0]) => void requireOperator(req),
  };
  const finance = {
    preValidation: async (req: Parameters<typeof requireOperator>[0]) =>
      void requireOperator(req, ['finance']),
  };
  const filterOf = (q: { partnerId?: string; from?: string; to?: string }, partnerId?: string) => {
    const f = noticeFilterOf(q, partnerId);
    return {
      ...(f.partnerId ? { partnerId: f.partnerId } : {}),
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
    };
  };
  const send = (
    reply: import('fastify').FastifyReply,
    file: { body: Buffer; contentType: string; fileName: string },
  ) =>
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.body);

  app.get(
    '/api/payments',
    {
      schema: {
        ...portal,
        summary: 'Payments received, newest first',
        querystring: paymentListQuery.omit({ partnerId: true }),
        response: { 200: paymentPageSchema },
      },
      ...partner,
    },
    async (req) =>
      paymentPage(
        ctx,
        filterOf(req.query, requirePartnerUser(req).partnerId),
        req.query.limit,
        req.query.offset,
      ),
  );

  app.get(
    '/api/payments/export',
    {
      schema: {
        ...portal,
        summary: 'Payments received as CSV or XLSX',
        querystring: paymentExportQuery.omit({ partnerId: true }),
        produces: ['text/csv', XLSX],
      },
      ...partner,
    },
    async (req, reply) =>
      send(
        reply,
        await exportPayments(
          ctx,
          filterOf(req.query, requirePartnerUser(req).partnerId),
          req.query.format,
          req.locale,
        ),
      ),
  );

  app.get(
    '/api/console/payments',
    {
      schema: {
        ...consoleRead,
        summary: 'Payments made, with filters',
        querystring: paymentListQuery,
        response: { 200: paymentPageSchema },
      },
      ...operator,
    },
    async (req) => paymentPage(ctx, filterOf(req.query), req.query.limit, req.query.offset),
  );

  app.get(
    '/api/console/payments/export',
    {
      schema: {
        ...consoleRead,
        summary: 'Payments made as CSV or XLSX',
        querystring: paymentExportQuery,
        produces: ['text/csv', XLSX],
      },
      ...operator,
    },
    async (req, reply) =>
      send(reply, await exportPayments(ctx, filterOf(req.query), req.query.format, req.locale)),
  );

  app.get(
    '/api/console/invoicing-notices/:id/payee',
    {
      schema: {
        ...consoleRead,
        summary: 'Where a notice is paid: the certified account (masked) and the payout gate now',
        params: idParams,
        response: { 200: payeeView },
      },
      ...operator,
    },
    async (req) => payeeOf(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/console/invoicing-notices/:id/payee/reveal',
    {
      schema: {
        ...consoleWrite,
        summary: 'Finance only: the full account number, with the reason in the audit log',
        params: idParams,
        body: revealBody,
        response: { 200: revealResponse },
      },
      preValidation: async (req) => void canRevealBankAccount(req),
    },
    async (req) => revealPayeeAccount(ctx, actorOf(req), req.params.id, req.body.reason),
  );

  app.post(
    '/api/console/invoicing-notices/:id/payment',
    {
      schema: {
        ...consoleWrite,
        summary: 'Record the payment of an accepted notice (finance; payout gate checked again)',
        params: idParams,
        body: payBody,
        response: { 200: paymentView },
      },
      ...finance,
    },
    async (req) => {
      const row = await recordPayment(ctx, actorOf(req), req.params.id, req.body);
      const page = await paymentPage(ctx, { partnerId: row.partnerId }, 200, 0);
      const view = page.items.find((p) => p.id === row.id);
      if (!view) throw new Error('payment view missing');
      return view;
    },
  );
};
