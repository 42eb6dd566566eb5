import { defineErrors } from '../../platform/errors/errors.ts';

export const BillErrors = defineErrors({
  'bills.invalid_cycle': {
    status: 400,
    message: {
      'zh-CN': '账期“{cycle}”无效，格式应为 YYYY-MM',
      'en-US': 'Bill cycle "{cycle}" is invalid; use YYYY-MM',
    },
  },
  'bills.customer_not_found': {
    status: 404,
    message: { 'zh-CN': '客户不存在或不属于您', 'en-US': 'Customer not found or not yours' },
  },
  'bills.invalid_date_range': {
    status: 400,
    message: {
      'zh-CN': '起止日期必须在账期 {cycle} 内且开始不晚于结束',
      'en-US': 'Begin and end dates must lie in bill cycle {cycle}, begin not after end',
    },
  },
});
