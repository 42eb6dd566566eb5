import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { listIncentiveDiscountPolicies } from './incentives.v2.service.ts';

const query = z.object({
  time: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional()
    .describe('Month (UTC+8), YYYY-MM: the policies as of 23:59:59 on its last day; default this month'),
  service_type_code: z.string().max(64).optional().describe('e.g. hws.service.type.obs'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

const policy = z.object({
  service_type_code: z.string(),
  service_type_name: z.string(),
  incentive_policy: z
    .string()
    .describe(
      '0 non-specific product, 1 specific product, 2 no performance and no rebate, 13 performance without rebate',
    ),
  allow_discount: z.enum(['YES', 'NO']),
});

/** ListIncentiveDiscountPolicies, as the provider's SDK models it. */
export async function incentivesV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/products/incentive-discount-policies',
    {
      schema: {
        tags: ['partner-api'],
        operationId: 'ListIncentiveDiscountPolicies',
        summary: 'Incentive and discount policies per service type for the calling partner',
        security: [{ akSk: [] }],
        querystring: query,
        response: { 200: z.object({ policies: z.array(policy), total_count: z.number().int() }) },
      },
    },
    async (req) => listIncentiveDiscountPolicies(ctx, callerOf(req).partnerId, req.query, req.locale),
  );
}
