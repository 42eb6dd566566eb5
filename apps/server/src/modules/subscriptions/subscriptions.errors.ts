import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

/** Resources, renewals and the catalogue (R15); `cbc` is the partner API's code for each. */
export const SubscriptionsErrors = defineErrors({
  'subscriptions.resource_not_found': {
    status: 404,
    cbc: 'CBC.99003012',
    message: { 'zh-CN': '资源 {resourceId} 不存在', 'en-US': 'Resource {resourceId} does not exist' },
  },
  'subscriptions.resource_frozen': {
    status: 409,
    cbc: 'CBC.99003602',
    message: {
      'zh-CN': '资源 {resourceId} 已冻结，不能执行此操作',
      'en-US': 'Resource {resourceId} is frozen ({reason}); this operation is not allowed',
    },
  },
  'subscriptions.resource_released': {
    status: 409,
    cbc: 'CBC.99003016',
    message: {
      'zh-CN': '资源 {resourceId} 已过期释放或已退订，不能续费',
      'en-US': 'Resource {resourceId} has been released or unsubscribed; it cannot be renewed',
    },
  },
  'subscriptions.resource_expired': {
    status: 409,
    cbc: 'CBC.99003602',
    message: {
      'zh-CN': '资源 {resourceId} 已过期或已冻结，不能执行此操作',
      'en-US': 'Resource {resourceId} has expired or is frozen; this operation is not allowed',
    },
  },
  'subscriptions.not_period': {
    status: 409,
    cbc: 'CBC.30050013',
    message: {
      'zh-CN': '资源 {resourceId} 是按需计费资源，不支持续费或自动续费',
      'en-US': 'Resource {resourceId} is pay-per-use; it cannot be renewed or auto-renewed',
    },
  },
  'subscriptions.auto_renew_already_cancelled': {
    status: 409,
    cbc: 'CBC.99003605',
    message: {
      'zh-CN': '资源 {resourceId} 的自动续费已取消',
      'en-US': 'Auto-renewal of resource {resourceId} is already cancelled',
    },
  },
  'subscriptions.period_too_long': {
    status: 400,
    cbc: 'CBC.99003154',
    message: {
      'zh-CN': '资源 {resourceId} 已购时长加本次续费时长超过最长 5 年，请重新选择续费时长',
      'en-US':
        'Resource {resourceId}: the time bought plus this renewal exceeds 5 years; choose a shorter period',
    },
  },
  'subscriptions.no_price': {
    status: 409,
    cbc: 'CBC.99006006',
    message: {
      'zh-CN': '产品目录中没有资源 {resourceId} 的规格价格',
      'en-US': 'The catalogue has no price for the specification of resource {resourceId}',
    },
  },
  'subscriptions.no_renewed_period': {
    status: 409,
    cbc: 'CBC.99003128',
    message: {
      'zh-CN': '资源 {resourceId} 没有未生效的续费周期，不能只退订续费周期',
      'en-US': 'Resource {resourceId} has no renewed period that has not started; nothing to unsubscribe',
    },
  },
  'subscriptions.unsubscribe_frozen': {
    status: 409,
    cbc: 'CBC.99003656',
    message: {
      'zh-CN': '资源 {resourceId} 已冻结，不能退订',
      'en-US': 'Resource {resourceId} is frozen; it cannot be unsubscribed',
    },
  },
  'subscriptions.customer_frozen': {
    status: 409,
    cbc: 'CBC.99003602',
    message: {
      'zh-CN': '客户已冻结或已被限制购买，不能新购或续费',
      'en-US': 'The customer is frozen or restricted from purchases; no new orders or renewals',
    },
  },
  'subscriptions.product_unavailable': {
    status: 404,
    message: {
      'zh-CN': '该产品不存在或已下架',
      'en-US': 'The product does not exist or is no longer sold',
    },
  },
  'subscriptions.region_unavailable': {
    status: 409,
    message: {
      'zh-CN': '该产品在区域 {regionCode} 不可购买',
      'en-US': 'The product cannot be bought in region {regionCode}',
    },
  },
  'subscriptions.purchase_resale_only': {
    status: 403,
    message: {
      'zh-CN': '伙伴只能为转售客户代为购买',
      'en-US': 'A partner can buy only for its resale customers',
    },
  },
  'subscriptions.invalid_token': {
    status: 401,
    message: { 'zh-CN': '资源同步令牌无效', 'en-US': 'Invalid resource ingestion token' },
  },
  'subscriptions.product_exists': {
    status: 409,
    message: {
      'zh-CN': '该规格在此区域已有价格',
      'en-US': 'This specification already has a price in this region',
    },
  },
  'subscriptions.product_not_found': {
    status: 404,
    message: { 'zh-CN': '产品不存在', 'en-US': 'The product does not exist' },
  },
});

/**
 * The provider's codes of the resource operations that the shared catalogue does not have (API
 * reference: RenewalResources, CancelResourcesSubscription, ListRenewRateOnPeriod status codes).
 */
export const SubscriptionsCbcErrors = defineErrors({
  'CBC.99003016': {
    status: 400,
    message: {
      'zh-CN': '资源 {resourceId} 已过期删除或不存在',
      'en-US': 'Resource {resourceId} has been deleted after expiry or does not exist',
    },
  },
  'CBC.30050013': {
    status: 400,
    message: {
      'zh-CN': '资源 {resourceId} 不支持续费（按需计费）',
      'en-US': 'Resource {resourceId} cannot be renewed (pay-per-use)',
    },
  },
  'CBC.99003154': {
    status: 400,
    message: {
      'zh-CN': '资源 {resourceId} 已购买时长加本次续费时长已超过最大值',
      'en-US': 'Resource {resourceId}: the time bought plus this renewal exceeds the maximum',
    },
  },
  'CBC.99006006': {
    status: 400,
    message: {
      'zh-CN': '找不到资源 {resourceId} 询价的产品',
      'en-US': 'No product found to price resource {resourceId}',
    },
  },
  'CBC.99003128': {
    status: 400,
    message: {
      'zh-CN': '资源 {resourceId} 无已续费周期或续费周期已生效，不支持退订续费周期',
      'en-US': 'Resource {resourceId} has no renewed period that has not started',
    },
  },
  'CBC.99003656': {
    status: 400,
    message: {
      'zh-CN': '资源 {resourceId} 已冻结，不能执行此操作',
      'en-US': 'Resource {resourceId} is frozen; not allowed',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof SubscriptionsErrors>, CodesOf<typeof SubscriptionsCbcErrors> {}
}
