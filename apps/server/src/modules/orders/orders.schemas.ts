import { z } from 'zod';

const id = z.string().trim().min(1).max(64);
const type = z.enum(['new', 'renew', 'change', 'unsubscribe', 'to_on_demand']);
const status = z.enum(['pending_payment', 'paid', 'cancelled', 'refunded']);
const day = z.iso.date().describe('YYYY-MM-DD, Asia/Shanghai');

export const orderQuery = z.strictObject({
  orderId: id.optional(),
  customerDomainId: id.optional(),
  type: type.optional(),
  status: status.optional(),
  serviceTypeCode: id.optional(),
  createdFrom: day.optional(),
  createdTo: day.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const orderExportQuery = orderQuery.omit({ offset: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']),
});
export const customerOrderQuery = orderQuery.omit({ customerDomainId: true });

export const orderLine = z.object({
  id: z.string(),
  resourceId: z.string(),
  serviceTypeCode: z.string(),
  resourceTypeCode: z.string(),
  regionCode: z.string(),
  productSpecDesc: z.string(),
  periodType: z.enum(['month', 'year']).nullable(),
  periodNum: z.number().nullable(),
  officialFen: z.number(),
  discountFen: z.number(),
  amountFen: z.number(),
  couponFen: z.number().describe('Of amountFen, what cash coupons paid'),
  effectiveAt: z.string().nullable(),
  expireAt: z.string().nullable(),
  baseOrderId: z.string().nullable(),
});
export const orderItem = z.object({
  id: z.string(),
  customerId: z.string(),
  customerDomainId: z.string(),
  customerName: z.string(),
  partnerId: z.string().nullable(),
  type,
  status,
  officialFen: z.number(),
  discountFen: z.number(),
  amountFen: z.number(),
  couponFen: z.number().describe('Of amountFen, what cash coupons paid; the rest was cash'),
  refundOf: z.string().nullable(),
  paidBy: z.string().nullable(),
  source: z.string(),
  createdAt: z.string(),
  paymentDeadline: z.string().nullable(),
  paidAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  billCycle: z.string().nullable(),
  lines: z.array(orderLine),
});
export const orderPage = z.object({ items: z.array(orderItem), total: z.number() });
export const orderDetail = orderItem.extend({
  refunds: z.array(orderItem),
  coupons: z.array(z.object({ id: z.string(), faceValueFen: z.number(), usedFen: z.number() })),
});
export const orderParams = z.strictObject({ id });
