import { defineErrors } from '../../platform/errors/errors.ts';

export const BudgetErrors = defineErrors({
  'budgets.not_found': {
    status: 404,
    message: { 'zh-CN': '该客户尚未设置预算', 'en-US': 'The customer has no budget' },
  },
  'budgets.invalid_amount': {
    status: 400,
    message: {
      'zh-CN': '预算金额必须大于 0，最多两位小数，且不超过 {max} 元',
      'en-US': 'The budget must be more than 0, with at most two decimals, and at most {max} yuan',
    },
  },
  'budgets.recipient_contact_required': {
    status: 400,
    message: {
      'zh-CN': '接收人“{name}”至少需要手机号或邮箱之一',
      'en-US': 'Recipient "{name}" needs a mobile phone or an email address',
    },
  },
  'budgets.too_many_recipients': {
    status: 409,
    message: {
      'zh-CN': '每个客户最多 {max} 个预警接收人',
      'en-US': 'A customer can have at most {max} alert recipients',
    },
  },
  'budgets.recipient_not_found': {
    status: 404,
    message: { 'zh-CN': '接收人不存在', 'en-US': 'Recipient not found' },
  },
  'budgets.not_restricted': {
    status: 409,
    message: { 'zh-CN': '该客户当前未因预算被限制', 'en-US': 'The customer is not restricted by its budget' },
  },
});
