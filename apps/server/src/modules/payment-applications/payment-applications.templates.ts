import { defineTemplates } from '../../platform/notifications/template.ts';

/** R19 payment application decisions. Data: quarter, applicationId, amountYuan | reason. */
export const paymentApplicationsTemplates = defineTemplates({
  /** Data: quarter, amountYuan, applicationId. */
  'payment_applications.approved': {
    link: '/benefits/payment-applications',
    'zh-CN': {
      subject: '【合作伙伴中心】{quarter} 付款申请已通过',
      body: '您好，{name}：\n\n贵公司 {quarter} 的激励付款申请（{amountYuan:money} 元，不含税）已通过财务审核，开票通知随后发出，请按开票通知开具增值税专用发票。\n\n查看：{publicUrl}/benefits/payment-applications\n\n合作伙伴中心',
      sms: '【合作伙伴中心】{quarter} 付款申请已通过，请按开票通知开具增值税专用发票。',
    },
    'en-US': {
      subject: '[Partner Center] Payment application {quarter} approved',
      body: 'Hello {name},\n\nYour payment application for {quarter} ({amountYuan:yuan} before tax) was approved by finance. An invoicing notice follows; please issue a VAT special invoice as it describes.\n\nView: {publicUrl}/benefits/payment-applications\n\nPartner Center',
      sms: '[Partner Center] Payment application {quarter} approved. Please invoice as the invoicing notice describes.',
    },
  },
  /** Data: quarter, reason, applicationId. */
  'payment_applications.returned': {
    link: '/benefits/payment-applications',
    'zh-CN': {
      subject: '【合作伙伴中心】{quarter} 付款申请被退回',
      body: '您好，{name}：\n\n贵公司 {quarter} 的付款申请被财务退回，原因：{reason}\n请处理后重新提交：{publicUrl}/benefits/payment-applications\n\n合作伙伴中心',
      sms: '【合作伙伴中心】{quarter} 付款申请被退回：{reason}',
    },
    'en-US': {
      subject: '[Partner Center] Payment application {quarter} returned',
      body: 'Hello {name},\n\nFinance returned your payment application for {quarter}. Reason: {reason}\nPlease resolve it and submit again: {publicUrl}/benefits/payment-applications\n\nPartner Center',
      sms: '[Partner Center] Payment application {quarter} returned: {reason}',
    },
  },
});
