import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requirePartnerUser } from '../../platform/http/auth.ts';
import { exportMonth } from './bills.export.ts';
import { BILL_ROLES } from './bills.policy.ts';
import {
  billList,
  billListQuery,
  customerBill,
  customerParams,
  cycleQuery,
  exportQuery,
  feeRecordPage,
  feeRecordQuery,
} from './bills.schemas.ts';
import { portalPartners } from './bills.service.ts';
import { billListOf, customerBillOf, feeRecordsOf } from './bills.views.ts';

/** Portal: the Bills page — a month per customer, drill-down to fee records, reconciliation export. */
export const billsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const read = { tags: ['bills'], security: [{ session: [] }] };
  const only = {
    preValidation: async (req: FastifyRequest) => {
      requirePartnerUser(req, BILL_ROLES);
    },
  };
  const partnerOf = (req: FastifyRequest) => requirePartnerUser(req, BILL_ROLES).partnerId;

  app.get(
    '/api/bills',
    {
      schema: {
        ...read,
        summary: 'A month’s bills per customer with totals (a distributor also sees its resellers’)',
        querystring: billListQuery,
        response: { 200: billList },
      },
      ...only,
    },
    async (req) => billListOf(ctx, partnerOf(req), req.query),
  );

  app.get(
    '/api/bills/export',
    {
      schema: {
        ...read,
        summary:
          'Reconciliation export of a month across all my customers: every fee record, streamed as CSV or XLSX',
        querystring: exportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      ...only,
    },
    async (req, reply) => {
      const partnerIds = await portalPartners(ctx.db, partnerOf(req));
      const file = exportMonth(ctx, partnerIds, req.query.cycle, req.query.format, req.locale);
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      reply.header('cache-control', 'no-store');
      return reply.send(file.stream);
    },
  );

  app.get(
    '/api/bills/customers/:customerId',
    {
      schema: {
        ...read,
        summary: 'A customer’s bill of a month: totals, by service type, by charging mode and bill type',
        params: customerParams,
        querystring: cycleQuery,
        response: { 200: customerBill },
      },
      ...only,
    },
    async (req) => customerBillOf(ctx, partnerOf(req), req.params.customerId, req.query.cycle, req.locale),
  );

  app.get(
    '/api/bills/customers/:customerId/fee-records',
    {
      schema: {
        ...read,
        summary: 'A customer’s resource-level fee records of a month (order lines, then usage)',
        params: customerParams,
        querystring: feeRecordQuery,
        response: { 200: feeRecordPage },
      },
      ...only,
    },
    async (req) => feeRecordsOf(ctx, partnerOf(req), req.params.customerId, req.query, req.locale),
  );
};
