import { defineTemplates } from '../../platform/notifications/template.ts';

/** R14/R19 incentive notices and payment applications. Amounts are yuan text (`1234.56`). */
export const incentivesTemplates = defineTemplates({
  /** Data: period, preTaxYuan, invoiceYuan, formula (in the recipient's language), noticeId. */
  'incentives.notice_issued': {
    link: '/benefits/incentives/{noticeId}',
    'zh-CN': {
      subject: '【合作伙伴中心】{period} 期激励通知：激励金额（不含税）{preTaxYuan:money} 元',
      body: '您好，{name}：\n\n贵公司 {period} 对账期次的激励已结算。\n激励金额（不含税）：{preTaxYuan:money} 元\n开票金额：{invoiceYuan:money} 元\n计算方式：{formula}\n\n请在合作伙伴中心确认激励，如有异议可提出质疑。确认后可按自然季度申请付款。\n查看通知：{publicUrl}/benefits/incentives/{noticeId}\n\n合作伙伴中心',
      sms: '【合作伙伴中心】{period} 期激励已结算，不含税 {preTaxYuan:money} 元，开票金额 {invoiceYuan:money} 元，请登录确认。',
    },
    'en-US': {
      subject: '[Partner Center] Incentive notice {period}: {preTaxYuan:yuan} before tax',
      body: 'Hello {name},\n\nYour incentive for the reconciliation period {period} is settled.\nIncentive before tax: {preTaxYuan:yuan}\nInvoice amount: {invoiceYuan:yuan}\nHow it is computed: {formula}\n\nPlease confirm the incentive in the Partner Center, or dispute it. Once confirmed, apply for payment by calendar quarter.\nView the notice: {publicUrl}/benefits/incentives/{noticeId}\n\nPartner Center',
      sms: '[Partner Center] Incentive {period} settled: {preTaxYuan:yuan} before tax, invoice amount {invoiceYuan:yuan}. Please sign in to confirm.',
    },
  },
  /** Data: period, preTaxYuan, noticeId. The taxpayer status is not certified yet. */
  'incentives.notice_issued_no_status': {
    link: '/benefits/incentives/{noticeId}',
    'zh-CN': {
      subject: '【合作伙伴中心】{period} 期激励通知：激励金额（不含税）{preTaxYuan:money} 元',
      body: '您好，{name}：\n\n贵公司 {period} 对账期次的激励已结算，激励金额（不含税）{preTaxYuan:money} 元。\n开票金额根据纳税人身份计算；贵公司尚未通过商业信息认证，请先完成认证：{publicUrl}/partner-info/business\n\n查看通知：{publicUrl}/benefits/incentives/{noticeId}\n\n合作伙伴中心',
      sms: '【合作伙伴中心】{period} 期激励已结算，不含税 {preTaxYuan:money} 元。请完成商业信息认证后确认并申请付款。',
    },
    'en-US': {
      subject: '[Partner Center] Incentive notice {period}: {preTaxYuan:yuan} before tax',
      body: 'Hello {name},\n\nYour incentive for the reconciliation period {period} is settled: {preTaxYuan:yuan} before tax.\nThe invoice amount depends on your taxpayer status; please complete business information certification first: {publicUrl}/partner-info/business\n\nView the notice: {publicUrl}/benefits/incentives/{noticeId}\n\nPartner Center',
      sms: '[Partner Center] Incentive {period} settled: {preTaxYuan:yuan} before tax. Complete business information certification, then confirm and apply for payment.',
    },
  },
  /** Data: period, amountYuan, reason, noticeId. */
  'incentives.notice_adjusted': {
    link: '/benefits/incentives/{noticeId}',
    'zh-CN': {
      subject: '【合作伙伴中心】{period} 期激励通知已调整',
      body: '您好，{name}：\n\n贵公司 {period} 期激励通知已调整 {amountYuan:money} 元，原因：{reason}\n请重新确认：{publicUrl}/benefits/incentives/{noticeId}\n\n合作伙伴中心',
      sms: '【合作伙伴中心】{period} 期激励通知已调整 {amountYuan:money} 元，请登录重新确认。',
    },
    'en-US': {
      subject: '[Partner Center] Incentive notice {period} adjusted',
      body: 'Hello {name},\n\nYour incentive notice for {period} was adjusted by {amountYuan:yuan}. Reason: {reason}\nPlease confirm it again: {publicUrl}/benefits/incentives/{noticeId}\n\nPartner Center',
      sms: '[Partner Center] Incentive notice {period} adjusted by {amountYuan:yuan}. Please sign in to confirm again.',
    },
  },
});
