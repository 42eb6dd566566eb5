import { defineTemplates } from '../../platform/notifications/template.ts';

/** To the partner's administrators when an operator suspends or resumes the partner. Data: partnerName, reason. */
export const directoryTemplates = defineTemplates({
  'directory.partner_suspended': {
    link: '/dashboard',
    'zh-CN': {
      subject: '【合作伙伴中心】您的伙伴账号已被暂停',
      body: '您好，{name}：\n\n{partnerName} 的伙伴账号已被运营人员暂停。\n原因：{reason}\n\n暂停期间您仍可登录并查看数据，但不能关联新客户、发送客户邀请、创建或轮换 API 密钥，合作伙伴 API 的写操作也会被拒绝；暂停期间不产生新的激励。如有疑问请联系您的生态经理。\n\n合作伙伴中心\n{publicUrl}/dashboard',
    },
    'en-US': {
      subject: '[Partner Center] Your partner account is suspended',
      body: 'Hello {name},\n\nAn operator has suspended the partner account of {partnerName}.\nReason: {reason}\n\nWhile suspended you can still sign in and read your data, but you cannot associate new customers, send customer invitations, or create or rotate API keys, and partner API writes are refused; no new incentives accrue. Your ecosystem manager can help.\n\nPartner Center\n{publicUrl}/dashboard',
    },
  },
  'directory.partner_resumed': {
    link: '/dashboard',
    'zh-CN': {
      subject: '【合作伙伴中心】您的伙伴账号已恢复',
      body: '您好，{name}：\n\n{partnerName} 的伙伴账号已恢复正常，所有功能均可使用。\n说明：{reason}\n\n合作伙伴中心\n{publicUrl}/dashboard',
    },
    'en-US': {
      subject: '[Partner Center] Your partner account is active again',
      body: 'Hello {name},\n\nThe partner account of {partnerName} is active again; everything is available.\nNote: {reason}\n\nPartner Center\n{publicUrl}/dashboard',
    },
  },
});
