import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

export const PaymentApplicationErrors = defineErrors({
  'payment_applications.quarter_invalid': {
    status: 400,
    message: {
      'zh-CN': '季度 {quarter} 无效，格式为 YYYY-Qn',
      'en-US': 'The quarter {quarter} is not valid (YYYY-Qn)',
    },
  },
  'payment_applications.quarter_not_ended': {
    status: 409,
    message: {
      'zh-CN': '{quarter} 尚未结束，季度结束后才能申请付款',
      'en-US': 'The quarter {quarter} has not ended; apply for its payment once it has',
    },
  },
  'payment_applications.nothing_confirmed': {
    status: 409,
    message: {
      'zh-CN': '{quarter} 没有已确认的激励，请先确认激励通知',
      'en-US': 'There is no confirmed incentive in {quarter}; confirm the incentive notices first',
    },
  },
  'payment_applications.unconfirmed_notices': {
    status: 409,
    message: {
      'zh-CN': '{quarter} 还有 {count} 份激励通知未确认或有质疑，请处理后再申请',
      'en-US':
        '{count} incentive notice(s) of {quarter} are not confirmed or are disputed; resolve them first',
    },
  },
  'payment_applications.not_found': {
    status: 404,
    message: { 'zh-CN': '付款申请不存在', 'en-US': 'The payment application does not exist' },
  },
  'payment_applications.not_submitted': {
    status: 409,
    message: {
      'zh-CN': '付款申请当前状态为“{status}”，只能审核待审核的申请',
      'en-US': 'The application is {status}; only a submitted application can be reviewed',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof PaymentApplicationErrors> {}
}
