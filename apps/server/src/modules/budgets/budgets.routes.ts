import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { actorOf, requirePartnerUser } from '../../platform/http/auth.ts';
import { BUDGET_ROLES } from './budgets.policy.ts';
import { budgetAmountToFen, MAX_BUDGET_YUAN } from './budgets.rules.ts';
import {
  addRecipientsBody,
  budgetPage,
  customerParams,
  recipientParams,
  setBudgetBody,
} from './budgets.schemas.ts';
import { deleteBudget, liftRestriction, portalTarget, setBudget } from './budgets.service.ts';
import { budgetPageOf } from './budgets.views.ts';
import { addRecipients, removeRecipient } from './recipients.service.ts';

/** Portal: a customer's budget page (R13): budget, recipients, usage against thresholds, alerts. */
export const budgetsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const read = { tags: ['budgets'], security: [{ session: [] }] };
  const write = { tags: ['budgets'], security: [{ session: [], csrf: [] }] };
  const only = {
    preValidation: async (req: FastifyRequest) => {
      requirePartnerUser(req, BUDGET_ROLES);
    },
  };
  const who = (req: FastifyRequest) => {
    const u = requirePartnerUser(req, BUDGET_ROLES);
    return { partnerId: u.partnerId, actor: actorOf(req), operator: u.email };
  };

  app.get(
    '/api/budgets/:customerId',
    {
      schema: {
        ...read,
        summary: 'A customer’s budget page',
        params: customerParams,
        response: { 200: budgetPage },
      },
      ...only,
    },
    async (req) => budgetPageOf(ctx, who(req).partnerId, req.params.customerId),
  );

  app.put(
    '/api/budgets/:customerId',
    {
      schema: {
        ...write,
        summary: 'Set the budget (monthly or one-time); raising re-arms the thresholds above the usage',
        params: customerParams,
        body: setBudgetBody,
        response: { 200: budgetPage },
      },
      ...only,
    },
    async (req) => {
      const { partnerId, actor, operator } = who(req);
      const amountFen = budgetAmountToFen(req.body.amount);
      if (amountFen === null) throw new AppError('budgets.invalid_amount', { max: MAX_BUDGET_YUAN });
      const target = await portalTarget(ctx, partnerId, req.params.customerId);
      await setBudget(
        ctx,
        actor,
        target,
        {
          amountFen,
          budgetType: req.body.budgetType,
          frozenOperateType: req.body.frozenOperateType,
          freezeResources: req.body.freezeResources,
          cancelRestriction: req.body.liftRestriction,
        },
        operator,
      );
      return budgetPageOf(ctx, partnerId, req.params.customerId);
    },
  );

  app.delete(
    '/api/budgets/:customerId',
    {
      schema: {
        ...write,
        summary: 'Delete the budget (lifts its restriction)',
        params: customerParams,
        response: { 200: budgetPage },
      },
      ...only,
    },
    async (req) => {
      const { partnerId, actor, operator } = who(req);
      await deleteBudget(ctx, actor, await portalTarget(ctx, partnerId, req.params.customerId), operator);
      return budgetPageOf(ctx, partnerId, req.params.customerId);
    },
  );

  app.post(
    '/api/budgets/:customerId/recipients',
    {
      schema: {
        ...write,
        summary: 'Save the alert recipients added and confirmed (name with phone and/or email)',
        params: customerParams,
        body: addRecipientsBody,
        response: { 200: budgetPage },
      },
      ...only,
    },
    async (req) => {
      const { partnerId, actor } = who(req);
      await addRecipients(
        ctx,
        actor,
        await portalTarget(ctx, partnerId, req.params.customerId),
        req.body.recipients,
      );
      return budgetPageOf(ctx, partnerId, req.params.customerId);
    },
  );

  app.delete(
    '/api/budgets/:customerId/recipients/:recipientId',
    {
      schema: {
        ...write,
        summary: 'Remove an alert recipient',
        params: recipientParams,
        response: { 200: budgetPage },
      },
      ...only,
    },
    async (req) => {
      const { partnerId, actor } = who(req);
      const target = await portalTarget(ctx, partnerId, req.params.customerId);
      await removeRecipient(ctx, actor, target, req.params.recipientId);
      return budgetPageOf(ctx, partnerId, req.params.customerId);
    },
  );

  app.post(
    '/api/budgets/:customerId/lift-restriction',
    {
      schema: {
        ...write,
        summary: 'Lift the budget restriction by hand (the 100 % alert stays announced this period)',
        params: customerParams,
        response: { 200: budgetPage },
      },
      ...only,
    },
    async (req) => {
      const { partnerId, actor } = who(req);
      await liftRestriction(ctx, actor, await portalTarget(ctx, partnerId, req.params.customerId));
      return budgetPageOf(ctx, partnerId, req.params.customerId);
    },
  );
};
