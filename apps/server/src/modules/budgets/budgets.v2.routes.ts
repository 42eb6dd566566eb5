import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { budgetAmountToFen, MAX_BUDGET_YUAN } from './budgets.rules.ts';
import { apiTarget, type BudgetState, getBudget, monthSpend, setBudget } from './budgets.service.ts';
import { recordsOf } from './recipients.service.ts';

const yuan = (fen: number) => Number(fenToYuan(fen));
const tags = ['partner-api'];

const setBody = z.object({
  customer_id: z.string().min(1).max(64),
  budget_amount: z
    .number()
    .describe('Yuan, > 0 with at most 2 decimals (taken by its decimal text, exactly)'),
  budget_type: z.enum(['MONTHLY', 'PACKAGE']).default('MONTHLY'),
  frozen_operate_type: z.union([z.literal(0), z.literal(1)]).default(0),
  cancel_partner_frozen: z.enum(['0', '1']).default('0'),
  indirect_partner_id: z.string().min(1).max(64).optional(),
});

const budgetInfo = z.object({
  customer_id: z.string(),
  budget_amount: z.number().optional(),
  used_amount: z.number(),
  measure_id: z.literal(1),
  currency: z.literal('CNY'),
  budget_type: z.enum(['MONTHLY', 'PACKAGE']).optional(),
});

const getQuery = z.object({
  customer_id: z.string().min(1).max(64),
  indirect_partner_id: z.string().min(1).max(64).optional(),
});

const queryBody = z.object({
  customer_ids: z.array(z.string().min(1).max(64)).min(1).max(100),
  indirect_partner_id: z.string().min(1).max(64).optional(),
});

const recordsQuery = z.object({
  customer_id: z.string().min(1).max(64),
  indirect_partner_id: z.string().min(1).max(64).optional(),
  operation_type: z.enum(['SETTING', 'DELETE']).optional(),
  budget_type: z.enum(['MONTHLY', 'PACKAGE']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

const errorDetail = z.object({ id: z.string(), error_code: z.string(), error_msg: z.string() });

function infoOf(domainId: string, state: BudgetState | null, monthUsed: number): z.infer<typeof budgetInfo> {
  return state
    ? {
        customer_id: domainId,
        budget_amount: yuan(state.amountFen),
        used_amount: yuan(state.usedFen),
        measure_id: 1,
        currency: 'CNY',
        budget_type: state.budgetType,
      }
    : { customer_id: domainId, used_amount: yuan(monthUsed), measure_id: 1, currency: 'CNY' };
}

/** `yyyy-MM-ddTHH:mm:ssZ` as the contract writes times. */
const utc = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** R13 over the partner API: set, read, batch query and history of customer budgets. */
export async function budgetsV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (partnerId: string, keyId: string, requestId: string, locale: Actor['locale']): Actor => ({
    type: 'api_key',
    id: keyId,
    partnerId,
    roles: [],
    requestId,
    locale,
  });

  r.post(
    '/partners/sub-customers/budget',
    {
      schema: {
        tags,
        operationId: 'SetCustomerBudget',
        summary: 'Set a customer budget (monthly or one-time), optional automatic restriction at 100 %',
        body: setBody,
        response: { 200: z.object({}) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const b = req.body;
      const amountFen = budgetAmountToFen(b.budget_amount);
      if (amountFen === null)
        throw new AppError('CBC.0100', {
          field: 'budget_amount',
          reason: `must be > 0 and ≤ ${MAX_BUDGET_YUAN} with at most 2 decimals`,
        });
      const target = await apiTarget(ctx, caller.partnerId, b.indirect_partner_id, b.customer_id);
      await setBudget(
        ctx,
        actorOf(caller.partnerId, caller.keyId, req.id, req.locale),
        target,
        {
          amountFen,
          budgetType: b.budget_type,
          frozenOperateType: b.frozen_operate_type,
          cancelRestriction: b.cancel_partner_frozen === '1',
        },
        caller.partnerDomainId,
      );
      return {};
    },
  );

  r.get(
    '/partners/sub-customers/budget',
    {
      schema: {
        tags,
        operationId: 'ShowCustomerBudget',
        summary: 'A customer budget with its used amount in the current period',
        querystring: getQuery,
        response: { 200: budgetInfo.omit({ customer_id: true }) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const target = await apiTarget(
        ctx,
        caller.partnerId,
        req.query.indirect_partner_id,
        req.query.customer_id,
      );
      const state = await getBudget(ctx, target);
      const { customer_id: _, ...info } = infoOf(
        target.domainId,
        state,
        state ? 0 : await monthSpend(ctx, target.customerId),
      );
      return info;
    },
  );

  r.post(
    '/partners/sub-customers/budget/query',
    {
      schema: {
        tags,
        operationId: 'ListCustomerBudgets',
        summary: 'Budgets of up to 100 customers; customers not yours are listed in error_details',
        body: queryBody,
        response: {
          200: z.object({ budget_infos: z.array(budgetInfo), error_details: z.array(errorDetail) }),
        },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const budget_infos: z.infer<typeof budgetInfo>[] = [];
      const error_details: z.infer<typeof errorDetail>[] = [];
      for (const id of [...new Set(req.body.customer_ids)]) {
        try {
          const target = await apiTarget(ctx, caller.partnerId, req.body.indirect_partner_id, id);
          const state = await getBudget(ctx, target);
          budget_infos.push(infoOf(id, state, state ? 0 : await monthSpend(ctx, target.customerId)));
        } catch (err) {
          if (!(err instanceof AppError) || err.code === 'CBC.99000037') throw err;
          error_details.push({ id, error_code: err.code, error_msg: err.messageIn(req.locale) });
        }
      }
      return { budget_infos, error_details };
    },
  );

  r.get(
    '/partners/sub-customers/budget/records',
    {
      schema: {
        tags,
        operationId: 'ListCustomerBudgetRecords',
        summary: 'History of budget settings and deletions of a customer, newest first',
        querystring: recordsQuery,
        response: {
          200: z.object({
            record_list: z.array(
              z.object({
                budget_amount: z.number(),
                operation_type: z.string(),
                operation_time: z.string(),
                operator: z.string(),
                budget_type: z.string(),
              }),
            ),
            total_count: z.number().int(),
          }),
        },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const q = req.query;
      const target = await apiTarget(ctx, caller.partnerId, q.indirect_partner_id, q.customer_id);
      const page = await recordsOf(ctx, target, {
        operationType: q.operation_type,
        budgetType: q.budget_type,
        offset: q.offset,
        limit: q.limit,
      });
      return {
        record_list: page.rows.map((row) => ({
          budget_amount: yuan(row.amountFen),
          operation_type: row.operationType,
          operation_time: utc(row.at),
          operator: row.operator,
          budget_type: row.budgetType,
        })),
        total_count: page.total,
      };
    },
  );
}
