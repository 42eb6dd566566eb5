import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

/** Orders (R15); `cbc` is the partner API's code for each. */
export const OrdersErrors = defineErrors({
  'orders.not_found': {
    status: 404,
    cbc: 'CBC.30000010',
    message: { 'zh-CN': '订单不存在', 'en-US': 'The order does not exist' },
  },
  'orders.not_payable': {
    status: 409,
    cbc: 'CBC.99003106',
    message: {
      'zh-CN': '订单状态为“{status}”，不能支付',
      'en-US': 'The order is {status}; it cannot be paid',
    },
  },
  'orders.payment_expired': {
    status: 409,
    cbc: 'CBC.99003110',
    message: {
      'zh-CN': '订单已过支付截止时间，请重新下单',
      'en-US': 'The payment deadline of the order has passed; place a new order',
    },
  },
  'orders.not_cancellable': {
    status: 409,
    cbc: 'CBC.99005010',
    message: {
      'zh-CN': '订单状态为“{status}”，不允许取消',
      'en-US': 'The order is {status}; it cannot be cancelled',
    },
  },
  'orders.resource_pending': {
    status: 409,
    cbc: 'CBC.99003100',
    message: {
      'zh-CN': '资源 {resourceId} 已在待支付的订单中，请先支付或取消该订单',
      'en-US': 'Resource {resourceId} is in an order awaiting payment; pay or cancel that order first',
    },
  },
  'orders.partner_pay_resale_only': {
    status: 403,
    cbc: 'CBC.99000000',
    message: {
      'zh-CN': '只有转售客户的订单可由伙伴代为支付',
      'en-US': 'Only orders of resale customers can be paid by the partner',
    },
  },
  'orders.request_key_reused': {
    status: 409,
    cbc: 'CBC.0101',
    message: {
      'zh-CN': '请求标识已用于另一笔不同内容的订单',
      'en-US': 'The request key was already used for a different order',
    },
  },
});

/** The provider's codes of the order operations (API reference: PayOrders, CancelCustomerOrder). */
export const OrdersCbcErrors = defineErrors({
  'CBC.99003100': {
    status: 400,
    message: {
      'zh-CN': '资源 {resourceId} 包含在待支付的订单中，不能进行当前操作',
      'en-US': 'Resource {resourceId} is in an order awaiting payment; not allowed now',
    },
  },
  'CBC.30000010': {
    status: 400,
    message: {
      'zh-CN': '无效订单（订单不存在），不能进行操作',
      'en-US': 'Invalid order (it does not exist)',
    },
  },
  'CBC.99003106': {
    status: 400,
    message: {
      'zh-CN': '订单状态已发生变更（{status}），不能进行支付操作',
      'en-US': 'The order status has changed ({status}); it cannot be paid',
    },
  },
  'CBC.99003110': {
    status: 400,
    message: {
      'zh-CN': '订单已经过了支付截止时间，请重新提交订单',
      'en-US': 'The payment deadline of the order has passed; submit a new order',
    },
  },
  'CBC.99005010': {
    status: 400,
    message: {
      'zh-CN': '订单状态（{status}）不允许取消',
      'en-US': 'The order status ({status}) does not allow cancelling',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof OrdersErrors>, CodesOf<typeof OrdersCbcErrors> {}
}
