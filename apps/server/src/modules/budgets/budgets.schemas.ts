import { z } from 'zod';
import { phoneSchema } from '../identity/index.ts';

export const customerParams = z.strictObject({ customerId: z.string().min(1).max(64) });
export const recipientParams = z.strictObject({
  customerId: z.string().min(1).max(64),
  recipientId: z.string().min(1).max(64),
});

export const setBudgetBody = z.strictObject({
  /** Yuan as text, > 0 with at most 2 decimals ("1200", "99.5"). */
  amount: z.string().min(1).max(20),
  budgetType: z.enum(['MONTHLY', 'PACKAGE']),
  frozenOperateType: z.union([z.literal(0), z.literal(1)]),
  freezeResources: z.boolean().default(false),
  liftRestriction: z.boolean().default(false),
});

const recipientIn = z.strictObject({
  name: z.string().trim().min(1).max(64),
  phone: phoneSchema.nullish(),
  email: z.email().max(254).nullish(),
  locale: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
});
export const addRecipientsBody = z.strictObject({ recipients: z.array(recipientIn).min(1).max(20) });

const budgetView = z.object({
  amountFen: z.number().int(),
  usedFen: z.number().int(),
  budgetType: z.enum(['MONTHLY', 'PACKAGE']),
  frozenOperateType: z.number().int(),
  freezeResources: z.boolean(),
  periodKey: z.string(),
  periodStart: z.string(),
  alerted: z.array(z.number().int()),
  updatedAt: z.string(),
});

export const budgetPage = z.object({
  customer: z.object({
    id: z.string(),
    domainId: z.string(),
    name: z.string(),
    restrictedAt: z.string().nullable(),
  }),
  budget: budgetView.nullable(),
  /** Spend of the current Asia/Shanghai month. */
  monthSpendFen: z.number().int(),
  thresholds: z.array(
    z.object({ threshold: z.number().int(), atFen: z.number().int(), announced: z.boolean() }),
  ),
  recipients: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      locale: z.string(),
      createdAt: z.string(),
    }),
  ),
  alerts: z.array(
    z.object({
      id: z.string(),
      threshold: z.number().int(),
      periodKey: z.string(),
      usedFen: z.number().int(),
      budgetFen: z.number().int(),
      restricted: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});
export type BudgetPage = z.infer<typeof budgetPage>;
