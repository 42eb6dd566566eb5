import { AppError, type CodesOf, defineErrors, type ErrorCode } from '../../platform/errors/errors.ts';
import { ORDERS_CBC } from '../orders/index.ts';
import '../../platform/partner-api/cbc.errors.ts';
import { SUBSCRIPTIONS_CBC } from './subscriptions.errors.ts';

/**
 * The provider's codes of the resource and order operations that the shared catalogue does not
 * have yet (API reference: RenewalResources, CancelResourcesSubscription, PayOrders,
 * CancelCustomerOrder, ListRenewRateOnPeriod status codes).
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

const MAP = { ...SUBSCRIPTIONS_CBC, ...ORDERS_CBC } as Record<string, ErrorCode>;

/** The provider's code with our message (which names the resource or the order's state). */
class CbcError extends AppError {
  constructor(
    code: ErrorCode,
    readonly original: AppError,
  ) {
    // The partner API answers with the provider's code and its wording, filled from our details.
    super(code, original.details, { cause: original });
  }
}

/** Our error in the partner API's dialect: the provider's code, same details and message. */
export function toCbcError(e: unknown): unknown {
  if (!(e instanceof AppError)) return e;
  const code = MAP[e.code];
  return code ? new CbcError(code, e) : e;
}

/** Runs a partner-API handler, answering our errors with the provider's codes. */
export async function inCbc<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toCbcError(e);
  }
}

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof SubscriptionsCbcErrors> {}
}
