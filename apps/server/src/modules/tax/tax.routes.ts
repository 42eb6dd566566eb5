import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireOperator } from '../../platform/http/auth.ts';
import { EDIT_ROLES, VIEW_ROLES } from './tax.policy.ts';
import { shanghaiDayStart } from './tax.rules.ts';
import {
  addRateBody,
  invoiceAmountsSchema,
  invoicePreviewQuery,
  vatRate,
  vatRatesResponse,
} from './tax.schemas.ts';
import { addVatRate, invoiceAmounts, listVatRates } from './tax.service.ts';

const security = [{ session: [] }];

/** R14: effective-dated VAT rates by taxpayer status (console). */
export const taxRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/console/tax/vat-rates',
    {
      schema: {
        tags: ['console'],
        summary: 'VAT rates by taxpayer status with their effective dates, and the rates in force today',
        security,
        response: { 200: vatRatesResponse },
      },
      preValidation: async (req) => {
        requireOperator(req, VIEW_ROLES);
      },
    },
    async () => listVatRates(ctx),
  );

  app.post(
    '/api/console/tax/vat-rates',
    {
      schema: {
        tags: ['console'],
        summary: 'Add a VAT rate for a taxpayer status from a day on (finance; audited)',
        security,
        body: addRateBody,
        response: { 200: vatRate },
      },
      preValidation: async (req) => {
        requireOperator(req, EDIT_ROLES);
      },
    },
    async (req) => addVatRate(ctx, actorOf(req), req.body),
  );

  app.get(
    '/api/console/tax/invoice-preview',
    {
      schema: {
        tags: ['console'],
        summary: 'The invoice amount of a pre-tax incentive for a taxpayer status, with the formula',
        security,
        querystring: invoicePreviewQuery,
        response: { 200: invoiceAmountsSchema },
      },
      preValidation: async (req) => {
        requireOperator(req, VIEW_ROLES);
      },
    },
    async (req) =>
      invoiceAmounts(ctx, ctx.db, {
        status: req.query.taxpayerStatus,
        preTaxFen: req.query.preTaxFen,
        on: req.query.on ? shanghaiDayStart(req.query.on) : ctx.clock.now(),
        periodStart: req.query.periodStart ? shanghaiDayStart(req.query.periodStart) : undefined,
      }),
  );
};
