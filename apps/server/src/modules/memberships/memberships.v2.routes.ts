import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { queryIndirectPartners } from './memberships.v2.service.ts';

const tags = ['partner-api'];

/** `yyyy-MM-ddTHH:mm:ssZ` (UTC), read as a Date. */
const utcTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "yyyy-MM-dd'T'HH:mm:ss'Z'")
  .refine((v) => !Number.isNaN(Date.parse(v)), 'not a valid time')
  .transform((v) => new Date(v));

const queryBody = z.object({
  account_name: z.string().trim().min(1).max(254).optional().describe('Part of the reseller’s account name'),
  associated_on_begin: utcTime.optional(),
  associated_on_end: utcTime.optional(),
  indirect_partner_id: z.string().min(1).max(64).optional().describe('The reseller’s account id'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(10),
});

const indirectPartner = z.object({
  indirect_partner_id: z.string(),
  name: z.string(),
  account_name: z.string(),
  mobile_phone: z.string().nullable(),
  email: z.string().nullable(),
  associated_on: z.string(),
  account_manager_id: z.string().nullable(),
  account_manager_name: z.string().nullable(),
});

/** R2: a distributor lists its cloud resellers (indirect partners). */
export async function resellersV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.withTypeProvider<ZodTypeProvider>().post(
    '/partners/indirect-partners/query',
    {
      schema: {
        tags,
        operationId: 'ListIndirectPartners',
        summary: 'The calling distributor’s cloud resellers (distributors only)',
        security: [{ akSk: [] }],
        body: queryBody,
        response: { 200: z.object({ count: z.number().int(), indirect_partners: z.array(indirectPartner) }) },
      },
    },
    async (req) => queryIndirectPartners(ctx, callerOf(req).partnerId, req.body),
  );
}
