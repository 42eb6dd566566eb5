import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

/** R20 invoicing notices, invoice lists and submitted invoices. */
export const InvoicesErrors = defineErrors({
  'invoices.notice_not_found': {
    status: 404,
    message: { 'zh-CN': '开票通知不存在', 'en-US': 'The invoicing notice does not exist' },
  },
  'invoices.invalid_notice': {
    status: 400,
    message: {
      'zh-CN': '开票通知内容无效',
      'en-US': 'The invoicing notice is not valid: {reason}',
    },
  },
  'invoices.link_invalid': {
    status: 404,
    message: {
      'zh-CN': '开票清单链接无效',
      'en-US': 'The invoice list link is not valid',
    },
  },
  'invoices.link_expired': {
    status: 410,
    message: {
      'zh-CN': '开票清单链接已过期，请登录伙伴中心后在“开票与付款 > 开票通知”中查看',
      'en-US':
        'The invoice list link has expired; sign in and open it under Invoicing & payments > Invoicing notices',
    },
  },
  'invoices.ordinary_invoice_refused': {
    status: 400,
    message: {
      'zh-CN': '不接受增值税普通发票，请开具增值税专用发票（纸质专票或电子专票）',
      'en-US': 'Ordinary VAT invoices are not accepted; issue a VAT special invoice (paper or electronic)',
    },
  },
  'invoices.notice_not_open': {
    status: 409,
    message: {
      'zh-CN': '该开票通知当前不能提交发票（状态：{status}）',
      'en-US': 'Invoices cannot be submitted for this notice now (status: {status})',
    },
  },
  'invoices.totals_mismatch': {
    status: 400,
    message: {
      'zh-CN': '发票{field}合计 {submitted} 元与开票通知待开票金额 {expected} 元不一致',
      'en-US':
        'The invoices’ {field} add up to {submitted} yuan; the notice leaves {expected} yuan to invoice',
    },
  },
  'invoices.invoice_arithmetic': {
    status: 400,
    message: {
      'zh-CN': '第 {index} 张发票：不含税金额加税额不等于价税合计',
      'en-US': 'Invoice {index}: the amount without tax plus the tax is not the total',
    },
  },
  'invoices.tax_rounding': {
    status: 400,
    message: {
      'zh-CN': '第 {index} 张发票：税额 {tax} 元与按 {rate} 四舍五入计算的 {expected} 元相差超过 0.01 元',
      'en-US':
        'Invoice {index}: the tax of {tax} yuan differs from {expected} yuan ({rate}, rounded half-up) by more than 0.01 yuan',
    },
  },
  'invoices.wrong_buyer_taxpayer_id': {
    status: 400,
    message: {
      'zh-CN': '第 {index} 张发票：购买方纳税人识别号应为 {expected}',
      'en-US': 'Invoice {index}: the buyer’s taxpayer id must be {expected}',
    },
  },
  'invoices.wrong_seller_taxpayer_id': {
    status: 400,
    message: {
      'zh-CN': '第 {index} 张发票：销售方纳税人识别号应为商业信息认证中的 {expected}',
      'en-US': 'Invoice {index}: the seller’s taxpayer id must be the certified {expected}',
    },
  },
  'invoices.duplicate_number': {
    status: 409,
    message: {
      'zh-CN': '发票号码 {invoiceNumber} 已被提交过，不能重复提交',
      'en-US': 'Invoice number {invoiceNumber} has already been submitted',
    },
  },
  'invoices.file_required': {
    status: 400,
    message: {
      'zh-CN': '第 {index} 张发票：电子专票须上传发票文件（PDF 或 OFD）',
      'en-US': 'Invoice {index}: an electronic special invoice needs its file (PDF or OFD)',
    },
  },
  'invoices.file_not_allowed': {
    status: 400,
    message: {
      'zh-CN': '第 {index} 张发票：纸质专票不上传电子文件，请填写快递信息',
      'en-US': 'Invoice {index}: a paper invoice has no file; give the courier and tracking number',
    },
  },
  'invoices.file_not_found': {
    status: 400,
    message: {
      'zh-CN': '发票文件不存在或已被使用',
      'en-US': 'The invoice file does not exist or is already used',
    },
  },
  'invoices.file_type': {
    status: 400,
    message: {
      'zh-CN': '发票文件须为 PDF 或 OFD 格式',
      'en-US': 'The invoice file must be a PDF or OFD document',
    },
  },
  'invoices.file_too_large': {
    status: 413,
    message: { 'zh-CN': '发票文件不能超过 10 MB', 'en-US': 'The invoice file must not exceed 10 MB' },
  },
  'invoices.tracking_for_electronic': {
    status: 400,
    message: {
      'zh-CN': '电子专票无需邮寄，不能填写快递单号',
      'en-US': 'Electronic invoices are not posted; they take no tracking number',
    },
  },
  'invoices.invoice_not_found': {
    status: 404,
    message: { 'zh-CN': '发票不存在', 'en-US': 'The invoice does not exist' },
  },
  'invoices.invalid_transition': {
    status: 409,
    message: {
      'zh-CN': '发票当前状态（{status}）不允许此操作',
      'en-US': 'This is not possible while the invoice is {status}',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof InvoicesErrors> {}
}
