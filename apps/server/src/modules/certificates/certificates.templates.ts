import { defineTemplates } from '../../platform/notifications/template.ts';

/**
 * R7 partner certificate messages. Data always carries `{name}` and `{number}`; dates are
 * Asia/Shanghai calendar dates (`validUntil` a 31 January, `deadline` `YYYY-MM-DD HH:mm`).
 */
export const certificateTemplates = defineTemplates({
  /** Data: number, validUntil. */
  'certificates.issued': {
    link: '/partner-info/certificate',
    'zh-CN': {
      subject: '【合作伙伴中心】伙伴证书已颁发（{number}）',
      body: '您好，{name}：\n\n贵公司已通过资质认证，伙伴证书 {number} 已颁发，有效期至 {validUntil}。\n每年 12 月 1 日开启年度复核，请在通知的截止时间前提交复核材料，通过后证书有效期延长一年。\n\n查看证书：{publicUrl}/partner-info/certificate\n\n合作伙伴中心',
      sms: '【合作伙伴中心】伙伴证书 {number} 已颁发，有效期至 {validUntil}。',
    },
    'en-US': {
      subject: '[Partner Center] Your partner certificate {number} is issued',
      body: 'Hello {name},\n\nYour company passed qualification certification and partner certificate {number} is issued, valid until {validUntil}.\nThe annual review opens every 1 December; submit the review materials by the deadline in the notice, and approval extends the certificate by a year.\n\nView the certificate: {publicUrl}/partner-info/certificate\n\nPartner Center',
      sms: '[Partner Center] Partner certificate {number} is issued, valid until {validUntil}.',
    },
  },
  /** Data: number, validUntil, deadline, cycleYear. */
  'certificates.review_opened': {
    link: '/partner-info/certificate',
    'zh-CN': {
      subject: '【合作伙伴中心】{cycleYear} 年度证书复核已开启，请于 {deadline} 前提交材料',
      body: '您好，{name}：\n\n贵公司的伙伴证书 {number} 有效期至 {validUntil}。{cycleYear} 年度复核现已开启，请于 {deadline}（北京时间）前在合作伙伴中心提交复核材料。\n复核通过后证书有效期延长一年；未通过复核的证书将于有效期届满后次日失效。\n\n提交材料：{publicUrl}/partner-info/certificate\n\n合作伙伴中心',
      sms: '【合作伙伴中心】{cycleYear} 年度证书复核已开启，请于 {deadline} 前提交材料，逾期证书将于 {validUntil} 后失效。',
    },
    'en-US': {
      subject: '[Partner Center] {cycleYear} certificate review: submit materials by {deadline}',
      body: 'Hello {name},\n\nYour partner certificate {number} is valid until {validUntil}. The {cycleYear} annual review is now open: submit the review materials in the Partner Center by {deadline} (Beijing time).\nApproval extends the certificate by a year; a certificate that is not renewed expires the day after its validity ends.\n\nSubmit materials: {publicUrl}/partner-info/certificate\n\nPartner Center',
      sms: '[Partner Center] The {cycleYear} certificate review is open. Submit materials by {deadline}, or the certificate expires after {validUntil}.',
    },
  },
  /** Data: number, cycleYear, validUntil (the new one). */
  'certificates.review_approved': {
    link: '/partner-info/certificate',
    'zh-CN': {
      subject: '【合作伙伴中心】{cycleYear} 年度复核已通过，证书有效期延至 {validUntil}',
      body: '您好，{name}：\n\n贵公司 {cycleYear} 年度证书复核已通过，伙伴证书 {number} 有效期已延长至 {validUntil}。\n\n查看证书：{publicUrl}/partner-info/certificate\n\n合作伙伴中心',
      sms: '【合作伙伴中心】年度复核已通过，伙伴证书 {number} 有效期延至 {validUntil}。',
    },
    'en-US': {
      subject: '[Partner Center] {cycleYear} review approved: certificate valid until {validUntil}',
      body: 'Hello {name},\n\nYour {cycleYear} certificate review was approved; partner certificate {number} is now valid until {validUntil}.\n\nView the certificate: {publicUrl}/partner-info/certificate\n\nPartner Center',
      sms: '[Partner Center] Review approved: certificate {number} is valid until {validUntil}.',
    },
  },
  /** Data: number, cycleYear, reason, deadline. */
  'certificates.review_rejected': {
    link: '/partner-info/certificate',
    'zh-CN': {
      subject: '【合作伙伴中心】{cycleYear} 年度复核未通过，请修改后重新提交',
      body: '您好，{name}：\n\n贵公司 {cycleYear} 年度证书复核未通过，原因：{reason}\n请在 {deadline}（北京时间）前修改材料并重新提交。如有疑问，可在“支持”中提交工单。\n\n重新提交：{publicUrl}/partner-info/certificate\n\n合作伙伴中心',
      sms: '【合作伙伴中心】年度复核未通过：{reason}。请于 {deadline} 前重新提交。',
    },
    'en-US': {
      subject: '[Partner Center] {cycleYear} review not approved: please resubmit',
      body: 'Hello {name},\n\nYour {cycleYear} certificate review was not approved. Reason: {reason}\nPlease revise the materials and resubmit by {deadline} (Beijing time). Questions? Open a ticket under Support.\n\nResubmit: {publicUrl}/partner-info/certificate\n\nPartner Center',
      sms: '[Partner Center] Review not approved: {reason}. Resubmit by {deadline}.',
    },
  },
  /** Data: number, validUntil (the last valid day). */
  'certificates.expired': {
    link: '/partner-info/certificate',
    'zh-CN': {
      subject: '【合作伙伴中心】伙伴证书 {number} 已失效',
      body: '您好，{name}：\n\n贵公司伙伴证书 {number} 的有效期已于 {validUntil} 届满，因未完成年度复核，证书已失效。失效期间不能获得新的激励。\n重新通过资质认证后将重新颁发证书。\n\n查看详情：{publicUrl}/partner-info/certificate\n\n合作伙伴中心',
      sms: '【合作伙伴中心】伙伴证书 {number} 因未完成年度复核已失效，失效期间不能获得新的激励。',
    },
    'en-US': {
      subject: '[Partner Center] Partner certificate {number} has expired',
      body: 'Hello {name},\n\nYour partner certificate {number} was valid until {validUntil} and, without a passed annual review, has now expired. No new incentives are earned while it is expired.\nThe certificate is issued again after a new qualification certification.\n\nDetails: {publicUrl}/partner-info/certificate\n\nPartner Center',
      sms: '[Partner Center] Partner certificate {number} expired without an annual review; no new incentives while expired.',
    },
  },
});
