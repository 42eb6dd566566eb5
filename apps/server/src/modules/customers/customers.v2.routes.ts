import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { phoneSchema } from '../identity/index.ts';
import { associationTypeOf, isValidDomainName } from './customers.rules.ts';
import { createSubCustomer, freezeSubCustomers, querySubCustomers } from './sub-customers.service.ts';

const tags = ['partner-api'];

/** `yyyy-MM-ddTHH:mm:ssZ`, UTC, as the contract writes times. */
const utcTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "yyyy-MM-dd'T'HH:mm:ss'Z'")
  .transform((v) => new Date(v))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a valid time');

const createBody = z.object({
  domain_name: z
    .string()
    .max(32)
    .refine(
      (v) => v === '' || isValidDomainName(v),
      '5–32 characters of letters, digits, "_" or "-", not starting with a digit, "op_" or "shadow_"',
    )
    .optional()
    .describe('Account name; generated when empty'),
  xaccount_id: z.string().trim().min(1).max(128).describe("The partner platform's user id"),
  xaccount_type: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128).optional(),
  mobile_phone: phoneSchema.optional(),
  email: z.email().max(64).optional(),
  verification_code: z
    .string()
    .regex(/^\d{4,8}$/, 'digits')
    .optional(),
  indirect_partner_id: z.string().min(1).max(64).optional(),
  include_association_result: z.boolean().optional(),
  cooperation_type: z
    .string()
    .max(8)
    .optional()
    .describe('"1" referral; absent or any other value: resale (the reference’s default)'),
  domain_area: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'ISO 3166 two-letter code')
    .optional()
    .describe('Country/region of the customer (ISO 3166 two letters): required on the international site'),
  is_close_market_ms: z.string().max(8).optional(),
});

const queryBody = z.object({
  account_name: z.string().max(64).optional(),
  customer: z.string().max(64).optional(),
  label: z.string().max(64).optional(),
  association_type: z
    .union([z.enum(['1', '2', '3']), z.literal(1), z.literal(2), z.literal(3)])
    .optional()
    .describe('1 referral; resale 2 (China site) or 3 (international site)'),
  associated_on_begin: utcTime.optional(),
  associated_on_end: utcTime.optional(),
  customer_id: z.string().min(1).max(64).optional(),
  indirect_partner_id: z.string().min(1).max(64).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(10),
});

const customerInfo = z.object({
  customer_id: z.string(),
  account_name: z.string(),
  customer: z.string(),
  associated_on: z.string(),
  association_type: z
    .enum(['1', '2', '3'])
    .describe('1 referral; resale 2 (China site) or 3 (international site)'),
  label: z.string(),
  telephone: z.string(),
  email: z.string(),
  verified_status: z.string(),
  country_code: z.string().describe('Country prefix of the phone number, e.g. 0086; "" when unknown'),
  customer_type: z.number().int().describe('-1 none yet, 0 individual, 1 enterprise'),
  is_frozen: z
    .number()
    .int()
    .describe('0 no; China site: 1 account, 2 account and resources frozen; international site: 1 frozen'),
  account_managers: z.array(z.object({ account_name: z.string() })),
  xaccount_id: z.string(),
  xaccount_type: z.string(),
  customer_level: z.string().describe('V0–V5'),
});

/** The ListSubCustomers answer (exported for bench/cpu-pieces.ts). */
export const subCustomersAnswer = z.object({
  count: z.number().int(),
  customer_infos: z.array(customerInfo),
});

const freezeBody = z.object({
  customer_ids: z.array(z.string().min(1).max(64)).min(1).max(10),
  reason: z.string().trim().min(1).max(256),
  freeze_type: z.enum(['ACCOUNT', 'ACCOUNT_AND_RESOURCE']).default('ACCOUNT'),
  indirect_partner_id: z.string().min(1).max(64).optional(),
});
const unfreezeBody = z.object({
  customer_ids: z.array(z.string().min(1).max(64)).min(1).max(10),
  reason: z.string().trim().min(1).max(256),
  unfreeze_type: z.enum(['ACCOUNT', 'ACCOUNT_AND_RESOURCE']).default('ACCOUNT'),
  indirect_partner_id: z.string().min(1).max(64).optional(),
});
const errorDetails = z.object({
  error_details: z.array(z.object({ id: z.string(), error_code: z.string(), error_msg: z.string() })),
});

function apiActor(req: FastifyRequest): Actor & { partnerId: string } {
  const caller = callerOf(req);
  return {
    type: 'api_key',
    id: caller.keyId,
    partnerId: caller.partnerId,
    roles: [],
    requestId: req.id,
    locale: req.locale,
  };
}

/** R6/R18 over the partner API: create, query, freeze and unfreeze sub-customers. */
export async function customersV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/partners/sub-customers',
    {
      schema: {
        tags,
        operationId: 'CreateSubCustomer',
        summary: 'Create a customer (idempotent on xaccount_type + xaccount_id) and associate it',
        body: createBody,
        response: { 200: z.object({ domain_id: z.string(), domain_name: z.string() }) },
      },
    },
    async (req) => {
      const b = req.body;
      if (callerOf(req).site === 'intl' && !b.domain_area)
        throw new AppError('CBC.0100', {
          field: 'domain_area',
          reason: 'is required on the international site',
        });
      return createSubCustomer(ctx, apiActor(req), {
        domainName: b.domain_name || undefined,
        xaccountType: b.xaccount_type,
        xaccountId: b.xaccount_id,
        password: b.password,
        // E.164, as the verification-code sender keeps it and as every phone is stored.
        mobilePhone: b.mobile_phone,
        email: b.email,
        verificationCode: b.verification_code,
        indirectPartnerId: b.indirect_partner_id,
        associationType: b.cooperation_type === '1' ? 'referral' : 'resale',
      });
    },
  );

  r.post(
    '/partners/sub-customers/query',
    {
      schema: {
        tags,
        operationId: 'ListSubCustomers',
        summary: 'Query my customers (or a reseller’s with indirect_partner_id)',
        body: queryBody,
        response: { 200: subCustomersAnswer },
      },
    },
    async (req) => {
      const b = req.body;
      const caller = callerOf(req);
      return querySubCustomers(
        ctx,
        caller.partnerId,
        {
          accountName: b.account_name,
          customer: b.customer,
          label: b.label,
          associationType: associationTypeOf(b.association_type),
          associatedOnBegin: b.associated_on_begin,
          associatedOnEnd: b.associated_on_end,
          customerId: b.customer_id,
          indirectPartnerId: b.indirect_partner_id,
          offset: b.offset,
          limit: b.limit,
        },
        caller.site,
      );
    },
  );

  r.post(
    '/partners/sub-customers/freeze',
    {
      schema: {
        tags,
        operationId: 'FreezeSubCustomers',
        summary: 'Freeze up to 10 customers; failures per customer in error_details',
        body: freezeBody,
        response: { 200: errorDetails },
      },
    },
    async (req) =>
      freezeSubCustomers(
        ctx,
        apiActor(req),
        {
          customerIds: req.body.customer_ids,
          reason: req.body.reason,
          frozen: true,
          freezeType: req.body.freeze_type,
          indirectPartnerId: req.body.indirect_partner_id,
        },
        req.locale,
      ),
  );

  r.post(
    '/partners/sub-customers/unfreeze',
    {
      schema: {
        tags,
        operationId: 'UnfreezeSubCustomers',
        summary: 'Unfreeze up to 10 customers; failures per customer in error_details',
        body: unfreezeBody,
        response: { 200: errorDetails },
      },
    },
    async (req) =>
      freezeSubCustomers(
        ctx,
        apiActor(req),
        {
          customerIds: req.body.customer_ids,
          reason: req.body.reason,
          frozen: false,
          freezeType: req.body.unfreeze_type,
          indirectPartnerId: req.body.indirect_partner_id,
        },
        req.locale,
      ),
  );
}
