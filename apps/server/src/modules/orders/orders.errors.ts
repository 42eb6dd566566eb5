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
  'orders.coupon_not_found': {
    status: 400,
    cbc: 'CBC.99009001',
    message: {
      'zh-CN': '优惠券 {couponId} 不存在或不属于该订单的客户',
      'en-US': "Coupon {couponId} does not exist or is not the order's customer's",
    },
  },
  'orders.coupon_used': {
    status: 409,
    cbc: 'CBC.99003112',
    message: { 'zh-CN': '优惠券 {couponId} 已被使用', 'en-US': 'Coupon {couponId} has already been used' },
  },
  'orders.coupon_expired': {
    status: 409,
    cbc: 'CBC.99009002',
    message: {
      'zh-CN': '优惠券 {couponId} 不在有效期内',
      'en-US': 'Coupon {couponId} is not within its validity period',
    },
  },
  'orders.coupon_not_applicable': {
    status: 409,
    cbc: 'CBC.99009003',
    message: {
      'zh-CN': '优惠券 {couponId} 不适用于该订单的产品',
      'en-US': "Coupon {couponId} does not apply to the order's products",
    },
  },
  'orders.coupon_min_amount': {
    status: 409,
    cbc: 'CBC.99009004',
    message: {
      'zh-CN': '订单金额未达到优惠券 {couponId} 的最低使用金额 ¥{min}',
      'en-US': 'The order does not reach the minimum amount of coupon {couponId} (¥{min})',
    },
  },
  'orders.coupon_exceeds_order': {
    status: 409,
    cbc: 'CBC.99009005',
    message: {
      'zh-CN': '订单金额已被其他优惠券抵扣完，无需再使用优惠券 {couponId}',
      'en-US': 'The other coupons already cover the order; coupon {couponId} is not needed',
    },
  },
  'orders.coupon_too_many': {
    status: 400,
    cbc: 'CBC.0101',
    message: {
      'zh-CN': '一笔订单最多使用 {max} 张优惠券',
      'en-US': 'An order can use at most {max} coupons',
    },
  },
  'orders.coupon_revoked': {
    status: 400,
    cbc: 'CBC.99009006',
    message: {
      'zh-CN': '优惠券 {couponId} 已被撤销：{revokeReason}',
      'en-US': 'Coupon {couponId} was revoked: {revokeReason}',
    },
  },
  'orders.coupon_not_revocable': {
    status: 409,
    message: {
      'zh-CN': '优惠券 {couponId} 已被使用，不能撤销',
      'en-US': 'Coupon {couponId} has been used and cannot be revoked',
    },
  },
  'orders.coupon_validity_invalid': {
    status: 400,
    message: {
      'zh-CN': '优惠券的失效时间必须晚于生效时间',
      'en-US': 'The coupon must end after it starts',
    },
  },
  'orders.coupon_customer_not_found': {
    status: 404,
    message: { 'zh-CN': '客户不存在', 'en-US': 'The customer does not exist' },
  },
  'orders.discount_unavailable': {
    status: 400,
    cbc: 'CBC.99003108',
    message: {
      'zh-CN': '您选择的折扣不可用于该订单（仅支持优惠券）',
      'en-US': 'The chosen discount cannot be used for this order (only coupons are supported)',
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
  'CBC.99003112': {
    status: 400,
    message: {
      'zh-CN': '优惠券或储值卡已被使用',
      'en-US': 'The coupon or stored-value card has already been used',
    },
  },
  'CBC.99003108': {
    status: 400,
    message: {
      'zh-CN': '您选择的折扣不可用于该订单',
      'en-US': 'The chosen discount cannot be used for this order',
    },
  },
  // Partner API codes of our own for coupons (the reference leaves these cases open).
  'CBC.99009001': {
    status: 400,
    message: {
      'zh-CN': '优惠券 {couponId} 不存在或不属于该订单的客户',
      'en-US': "Coupon {couponId} does not exist or is not the order's customer's",
    },
  },
  'CBC.99009002': {
    status: 400,
    message: {
      'zh-CN': '优惠券 {couponId} 不在有效期内',
      'en-US': 'Coupon {couponId} is not within its validity period',
    },
  },
  'CBC.99009003': {
    status: 400,
    message: {
      'zh-CN': '优惠券 {couponId} 不适用于该订单的产品',
      'en-US': "Coupon {couponId} does not apply to the order's products",
    },
  },
  'CBC.99009004': {
    status: 400,
    message: {
      'zh-CN': '订单金额未达到优惠券 {couponId} 的最低使用金额 ¥{min}',
      'en-US': 'The order does not reach the minimum amount of coupon {couponId} (¥{min})',
    },
  },
  'CBC.99009005': {
    status: 400,
    message: {
      'zh-CN': '订单金额已被其他优惠券抵扣完，无需再使用优惠券 {couponId}',
      'en-US': 'The other coupons already cover the order; coupon {couponId} is not needed',
    },
  },
  'CBC.99009006': {
    status: 400,
    message: {
      'zh-CN': '优惠券 {couponId} 已被撤销：{revokeReason}',
      'en-US': 'Coupon {couponId} was revoked: {revokeReason}',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof OrdersErrors>, CodesOf<typeof OrdersCbcErrors> {}
}
