import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import {
  actorOf,
  requireCustomerUser,
  requireOperator,
  requirePartnerUser,
} from '../../platform/http/auth.ts';
import {
  issueCoupon,
  listAllCoupons,
  listCustomerCoupons,
  listPartnerCustomerCoupons,
  revokeCoupon,
} from './coupons.service.ts';

/** Operators who issue coupons (`admin` may anyway). */
export const COUPON_ROLES = ['finance', 'admin'] as const;

const id = z.string().trim().min(1).max(64);
const fen = z.number().int().min(1).max(100_000_000_00);
const couponView = z.object({
  id: z.string(),
  customerId: z.string(),
  customerDomainId: z.string(),
  customerName: z.string(),
  faceValueFen: z.number(),
  minOrderFen: z.number(),
  serviceTypeCodes: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(['available', 'used', 'expired', 'revoked']),
  orderId: z.string().nullable(),
  usedFen: z.number(),
  usedAt: z.string().nullable(),
  note: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  createdAt: z.string(),
});
const couponPage = z.object({ items: z.array(couponView), total: z.number() });
const paging = {
  status: z.enum(['available', 'used', 'revoked']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};
const issueBody = z.strictObject({
  customerDomainId: id,
  faceValueFen: fen.describe('Face value, fen'),
  minOrderFen: z.number().int().min(0).max(100_000_000_00).default(0).describe('Least order amount, fen'),
  serviceTypeCodes: z.array(id).max(20).default([]).describe('Service types it applies to; empty: any'),
  validFrom: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  validUntil: z.iso.datetime({ offset: true }).transform((v) => new Date(v)),
  note: z.string().trim().max(200).optional(),
});

/** Cash coupons: operators issue them (console), customers and their partners see them. */
export const couponsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const operator = {
    preValidation: async (req: FastifyRequest) => {
      requireOperator(req, COUPON_ROLES);
    },
  };
  app.get(
    '/api/console/coupons',
    {
      schema: {
        tags: ['console'],
        security: [{ session: [] }],
        summary: 'Cash coupons issued to customers, newest first',
        querystring: z.strictObject({ customerDomainId: id.optional(), ...paging }),
        response: { 200: couponPage },
      },
      ...operator,
    },
    async (req) => listAllCoupons(ctx, req.query),
  );
  app.post(
    '/api/console/coupons',
    {
      schema: {
        tags: ['console'],
        security: [{ session: [], csrf: [] }],
        summary: 'Issue a cash coupon to a customer (single use, no change given)',
        body: issueBody,
        response: { 200: couponView },
      },
      ...operator,
    },
    async (req) => issueCoupon(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/console/coupons/:id/revoke',
    {
      schema: {
        tags: ['console'],
        security: [{ session: [], csrf: [] }],
        summary: 'Revoke an unused cash coupon, with a reason (a used one cannot be revoked)',
        params: z.strictObject({ id }),
        body: z.strictObject({ reason: z.string().trim().min(2).max(200) }),
        response: { 200: couponView },
      },
      ...operator,
    },
    async (req) => revokeCoupon(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.get(
    '/api/coupons',
    {
      schema: {
        tags: ['orders'],
        security: [{ session: [] }],
        summary: "A customer's cash coupons (my customers' and my resellers')",
        querystring: z.strictObject({ customerDomainId: id, ...paging }),
        response: { 200: couponPage },
      },
      preValidation: async (req) => {
        requirePartnerUser(req);
      },
    },
    async (req) => listPartnerCustomerCoupons(ctx, requirePartnerUser(req).partnerId, req.query),
  );
  app.get(
    '/api/customer/coupons',
    {
      schema: {
        tags: ['customer-area'],
        security: [{ session: [] }],
        summary: 'My cash coupons',
        querystring: z.strictObject(paging),
        response: { 200: couponPage },
      },
      preValidation: async (req) => {
        requireCustomerUser(req);
      },
    },
    async (req) => listCustomerCoupons(ctx, requireCustomerUser(req).customerId, req.query),
  );
};
