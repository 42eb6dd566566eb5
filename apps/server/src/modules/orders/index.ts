import { defineModule } from '../../platform/module.ts';
import { couponsRoutes } from './coupons.routes.ts';
import { couponsV2Routes } from './coupons.v2.routes.ts';
import { seedDemoCoupons } from './orders.demo.ts';
import { OrdersCbcErrors, OrdersErrors } from './orders.errors.ts';
import { ordersRoutes } from './orders.routes.ts';
import { ordersTemplates } from './orders.templates.ts';
import { ordersV2Routes } from './orders.v2.routes.ts';

/**
 * Orders (R15): every purchase, renewal, change and unsubscribe of a customer is an order, amounts
 * in fen. What other modules may use:
 * - `ordersForBillCycle(ctx, customerIds, 'YYYY-MM')`: the orders counting in a bill cycle (paid or
 *   later refunded at what they cost, refund orders negative), with their lines by resource;
 * - `placeOrder`, `markOrderPaid`, `markOrderCancelled`, `markOrdersRefunded`, `orderByRequestKey`,
 *   `pendingRefs`, `paidLinesOf`: the state changes, each in the caller's transaction;
 * - `listPartnerOrders`, `partnerOrder`, `refundOrdersOf`, `orderViews`: reads for lists and details;
 * - cash coupons: operators issue them, `markOrderPaid(…, couponIds)` applies them to a payment.
 */

export { type CouponView, couponsUsedBy, MAX_COUPONS_PER_ORDER } from './coupons.service.ts';
export { typeName } from './orders.names.ts';
export { findOrder, type OrderLineRow, overduePending, setLinePeriod } from './orders.repository.ts';
export {
  isRequestKeyRace,
  markOrderCancelled,
  markOrderPaid,
  markOrdersRefunded,
  type OrderLineInput,
  type OrderStatus,
  type OrderType,
  type OrderWithLines,
  orderByRequestKey,
  PAYMENT_WINDOW_MS,
  type Payer,
  paidLinesOf,
  pendingRefs,
  placeOrder,
} from './orders.service.ts';
export {
  type CycleOrder,
  customerOrder,
  listCustomerOwnOrders,
  listPartnerOrders,
  type OrderLineView,
  type OrderView,
  ordersForBillCycle,
  orderViews,
  partnerOrder,
  refundOrdersOf,
} from './orders.views.ts';

/** The orders module's manifest; other modules import only this file. */
export const ordersModule = defineModule({
  name: 'orders',
  routes: [ordersRoutes, couponsRoutes],
  partnerApiRoutes: [ordersV2Routes, couponsV2Routes],
  jobs: [],
  templates: ordersTemplates,
  errors: { ...OrdersErrors, ...OrdersCbcErrors },
  demo: seedDemoCoupons,
  tenancy: {
    partnerOnly: [/^\/api\/orders/, /^\/api\/coupons/],
    operatorRoles: [{ path: /^\/api\/console\/coupons/, roles: ['finance', 'admin'] }],
  },
});
