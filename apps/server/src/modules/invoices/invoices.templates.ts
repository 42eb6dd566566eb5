import { defineTemplates } from '../../platform/notifications/template.ts';

/**
 * R20/R21 invoicing notices and invoice checks, to the partner's administrators. Data: name,
 * noticeId, documentNo, source, buyer*, lines, exTax, tax, total, rate (percent), listUrl; for checks
 * invoiceNumber and reason.
 */
export const invoicesTemplates = defineTemplates({
  'invoices.notice_issued': {
    link: '/invoicing/notices/{noticeId}',
    'zh-CN': {
      subject: '【合作伙伴中心】开票通知 {documentNo}：请开具增值税专用发票 {total:money} 元',
      body: '您好，{name}：\n\n您的{source}已确认，请按以下信息开具增值税专用发票（纸质专票或电子专票，不接受增值税普通发票）：\n\n购买方名称：{buyerName}\n纳税人识别号：{buyerTaxpayerId}\n地址、电话：{buyerAddress}\n开户行及账号：{buyerBank}\n货物或应税劳务、服务名称：{lines}\n金额（不含税）：{exTax:money} 元\n税率：{rate}\n税额：{tax:money} 元\n价税合计：{total:money} 元\n\n查看并打印开票清单（链接 30 天内有效）：\n{listUrl}\n\n开具后请在伙伴中心“开票与付款 > 开票通知”中提交发票信息；纸质发票请连同开票清单一并邮寄。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，开票通知 {documentNo}：请开具增值税专用发票，价税合计 {total:money} 元（不含税 {exTax:money} 元）。开票清单：{listUrl}',
    },
    'en-US': {
      subject: '[Partner Center] Invoicing notice {documentNo}: issue a VAT special invoice of {total:yuan}',
      body: 'Hello {name},\n\nYour {source} is confirmed. Please issue a VAT special invoice (paper or electronic; ordinary VAT invoices are not accepted) with these details:\n\nBuyer: {buyerName}\nTaxpayer id: {buyerTaxpayerId}\nAddress and phone: {buyerAddress}\nBank and account: {buyerBank}\nGoods or services: {lines}\nAmount without tax: {exTax:yuan}\nRate: {rate}\nTax: {tax:yuan}\nTotal: {total:yuan}\n\nView and print the invoice list (the link works for 30 days):\n{listUrl}\n\nThen record the invoice under Invoicing & payments > Invoicing notices; post a paper invoice together with the printed invoice list.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: invoicing notice {documentNo}: issue a VAT special invoice, total {total:yuan} ({exTax:yuan} without tax). Invoice list: {listUrl}',
    },
  },
  'invoices.invoice_returned': {
    link: '/invoicing/notices/{noticeId}',
    'zh-CN': {
      subject: '【合作伙伴中心】发票 {invoiceNumber} 被退回',
      body: '您好，{name}：\n\n开票通知 {documentNo} 的发票 {invoiceNumber} 审核未通过，已退回。\n原因：{reason}\n\n请更正后在伙伴中心“开票与付款 > 开票通知”中重新提交发票。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，发票 {invoiceNumber} 被退回：{reason}。请更正后重新提交。',
    },
    'en-US': {
      subject: '[Partner Center] Invoice {invoiceNumber} was returned',
      body: 'Hello {name},\n\nInvoice {invoiceNumber} for invoicing notice {documentNo} did not pass the check and was returned.\nReason: {reason}\n\nPlease correct it and submit the invoice again under Invoicing & payments > Invoicing notices.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: invoice {invoiceNumber} was returned: {reason}. Please correct and resubmit.',
    },
  },
  'invoices.invoice_accepted': {
    link: '/invoicing/notices/{noticeId}',
    'zh-CN': {
      subject: '【合作伙伴中心】发票 {invoiceNumber} 已审核通过',
      body: '您好，{name}：\n\n开票通知 {documentNo} 的发票 {invoiceNumber} 已审核通过，我们将按约定付款。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，发票 {invoiceNumber} 已审核通过。',
    },
    'en-US': {
      subject: '[Partner Center] Invoice {invoiceNumber} accepted',
      body: 'Hello {name},\n\nInvoice {invoiceNumber} for invoicing notice {documentNo} passed the check; payment follows as agreed.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: invoice {invoiceNumber} was accepted.',
    },
  },
});
