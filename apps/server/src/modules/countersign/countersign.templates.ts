import { defineTemplates } from '../../platform/notifications/template.ts';

/** R21 countersigning. Data: name, billId, title, externalId, total (yuan), step, dueAt, reason, partnerName. */
export const countersignTemplates = defineTemplates({
  'countersign.step_pending': {
    link: '{link}',
    'zh-CN': {
      subject: '【合作伙伴中心】账单 {title} 待您会签（{step}）',
      body: '您好，{name}：\n\n{partnerName} 的账单 {title}（{externalId}，金额 {total:money} 元）已到“{step}”步骤，请在 {dueAt} 前处理。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，账单 {title}（{total:money} 元）待您会签，请在 {dueAt} 前处理。',
    },
    'en-US': {
      subject: '[Partner Center] Bill {title} awaits your countersignature ({step})',
      body: 'Hello {name},\n\nBill {title} of {partnerName} ({externalId}, {total:yuan}) reached the step “{step}”. Please act before {dueAt}.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: bill {title} ({total:yuan}) awaits your countersignature before {dueAt}.',
    },
  },
  'countersign.returned': {
    link: '/invoicing/bills/{billId}',
    'zh-CN': {
      subject: '【合作伙伴中心】账单 {title} 会签被退回',
      body: '您好，{name}：\n\n账单 {title}（{externalId}，金额 {total:money} 元）在“{step}”步骤被退回。\n原因：{reason}\n\n更正后的账单重新提交后将再次会签。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{name}，账单 {title} 会签被退回：{reason}',
    },
    'en-US': {
      subject: '[Partner Center] Bill {title} was returned in countersigning',
      body: 'Hello {name},\n\nBill {title} ({externalId}, {total:yuan}) was returned at the step “{step}”.\nReason: {reason}\n\nOnce the corrected bill is sent again, countersigning starts over.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {name}: bill {title} was returned: {reason}',
    },
  },
  'countersign.escalated': {
    link: '/console/countersign/{billId}',
    'zh-CN': {
      subject: '【合作伙伴中心】会签超时：账单 {title}（{step}）',
      body: '您好，{name}：\n\n{partnerName} 的账单 {title}（{externalId}，金额 {total:money} 元）在“{step}”步骤已超过处理时限（{dueAt}），请督办。\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] Countersigning overdue: bill {title} ({step})',
      body: 'Hello {name},\n\nBill {title} of {partnerName} ({externalId}, {total:yuan}) is past its due time ({dueAt}) at the step “{step}”. Please follow up.\n\nPartner Center\n{publicUrl}',
    },
  },
});
