import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

/** Orders (R15). Each code has the partner API's code beside it in `ORDERS_CBC`. */
export const OrdersErrors = defineErrors({
  'orders.not_found': {
    status: 404,
    message: { 'zh-CN': '订单不存在', 'en-US': 'The order does not exist' },
  },
  'orders.not_payable': {
    status: 409,
    message: {
      'zh-CN': '订单状态为“{status}”，不能支付',
      'en-US': 'The order is {status}; it cannot be paid',
    },
  },
  'orders.payment_expired': {
    status: 409,
    message: {
      'zh-CN': '订单已过支付截止时间，请重新下单',
      'en-US': 'The payment deadline of the order has passed; place a new order',
    },
  },
  'orders.not_cancellable': {
    status: 409,
    message: {
      'zh-CN': '订单状态为“{status}”，不允许取消',
      'en-US': 'The order is {status}; it cannot be cancelled',
    },
  },
  'orders.resource_pending': {
    status: 409,
    message: {
      'zh-CN': '资源 {resourceId} 已在待支付的订单中，请先支付或取消该订单',
      'en-US': 'Resource {resourceId} is in an order awaiting payment; pay or cancel that order first',
    },
  },
  'orders.partner_pay_resale_only': {
    status: 403,
    message: {
      'zh-CN': '只有转售客户的订单可由伙伴代为支付',
      'en-US': 'Only orders of resale customers can be paid by the partner',
    },
  },
  'orders.request_key_reused': {
    status: 409,
    message: {
      'zh-CN': '请求标识已用于另一笔不同内容的订单',
      'en-US': 'The request key was already used for a different order',
    },
  },
});

/** The partner API's codes for ours (provider's reference: order operations' status codes). */
export const ORDERS_CBC: Record<string, `CBC.${string}`> = {
  'orders.not_found': 'CBC.30000010',
  'orders.not_payable': 'CBC.99003106',
  'orders.payment_expired': 'CBC.99003110',
  'orders.not_cancellable': 'CBC.99005010',
  'orders.resource_pending': 'CBC.99003100',
  'orders.partner_pay_resale_only': 'CBC.99000000',
  'orders.request_key_reused': 'CBC.0101',
};

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof OrdersErrors> {}
}
