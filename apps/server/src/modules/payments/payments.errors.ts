import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

/** R21/R4 payments to partners. */
export const PaymentsErrors = defineErrors({
  'payments.not_payable': {
    status: 409,
    message: {
      'zh-CN': '开票通知当前不能付款（状态：{status}）：须在发票审核通过后付款，且只付一次',
      'en-US': 'This notice cannot be paid now (status: {status}): payment follows invoice acceptance, once',
    },
  },
  'payments.amount_mismatch': {
    status: 400,
    message: {
      'zh-CN': '付款金额 {amount} 元须等于开票通知的价税合计 {expected} 元',
      'en-US': 'The payment of {amount} yuan must equal the notice’s total of {expected} yuan',
    },
  },
  'payments.no_certified_account': {
    status: 409,
    message: {
      'zh-CN': '伙伴没有已认证的银行账户，不能付款',
      'en-US': 'The partner has no certified bank account; it cannot be paid',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof PaymentsErrors> {}
}
