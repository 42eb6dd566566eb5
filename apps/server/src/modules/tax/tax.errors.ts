import { defineErrors } from '../../platform/errors/errors.ts';

export const TaxErrors = defineErrors({
  'tax.rate_exists': {
    status: 409,
    message: {
      'zh-CN': '{status} 已有自 {effectiveFrom} 起生效的税率，不能重复添加',
      'en-US': 'A rate for {status} effective from {effectiveFrom} already exists',
    },
  },
  'tax.rate_in_past': {
    status: 400,
    message: {
      'zh-CN': '生效日期 {effectiveFrom} 早于今天（{today}），已结算的期次不能改变税率',
      'en-US':
        'The effective date {effectiveFrom} is before today ({today}); rates of settled periods cannot change',
    },
  },
  'tax.taxpayer_status_unknown': {
    status: 409,
    message: {
      'zh-CN': '尚未通过商业信息认证，纳税人身份未知，无法计算开票金额',
      'en-US':
        'Business information is not certified yet, so the taxpayer status and the invoice amount are unknown',
    },
  },
});
