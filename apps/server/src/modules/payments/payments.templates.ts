import { defineTemplates } from '../../platform/notifications/template.ts';

/** R21 payment of an invoicing notice. Data: name, noticeId, documentNo, amount, paidOn, account (masked). */
export const paymentsTemplates = defineTemplates({
  'payments.paid': {
    link: '/invoicing/notices/{noticeId}',
    'zh-CN': {
      subject: '【合作伙伴中心】开票通知 {documentNo} 已付款 {amount:money} 元',
      body: '您好，{name}：\n\n开票通知 {documentNo} 的款项 {amount:money} 元已于 {paidOn} 支付至您认证的银行账户（{account}）。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，开票通知 {documentNo} 已付款 {amount:money} 元（{paidOn}，账户 {account}）。',
    },
    'en-US': {
      subject: '[Partner Center] Invoicing notice {documentNo} paid: {amount:yuan}',
      body: 'Hello {name},\n\n{amount:yuan} for invoicing notice {documentNo} was paid on {paidOn} to your certified bank account ({account}).\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: notice {documentNo} paid, {amount:yuan} ({paidOn}, account {account}).',
    },
  },
});
