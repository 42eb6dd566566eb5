import { defineTemplates } from '../../platform/notifications/template.ts';

/** Customers and associations (R6). Data always carries `{name}` (the recipient). */
export const customersTemplates = defineTemplates({
  /** To the customer when an association succeeds. Data: partnerName, type (localized), domainName. */
  'customers.associated': {
    link: '/customer',
    'zh-CN': {
      subject: '【合作伙伴中心】您已成功关联伙伴 {partnerName}',
      body: '您好，{name}：\n\n您的账号 {domainName} 已成功与伙伴 {partnerName} 建立关联，关联类型：{type}。\n伙伴将为您提供服务。如有疑问，请登录查看账号信息。\n\n合作伙伴中心\n{publicUrl}/customer',
      sms: '【合作伙伴中心】您的账号 {domainName} 已成功关联伙伴 {partnerName}（{type}）。',
    },
    'en-US': {
      subject: '[Partner Center] You are now associated with {partnerName}',
      body: 'Hello {name},\n\nYour account {domainName} is now associated with the partner {partnerName} ({type}).\nThe partner will serve your account. Sign in to see your account details.\n\nPartner Center\n{publicUrl}/customer',
      sms: '[Partner Center] Your account {domainName} is now associated with {partnerName} ({type}).',
    },
  },
  /** To the customer when the association ends or changes type. Data: partnerName, change (localized). */
  'customers.association_changed': {
    link: '/customer',
    'zh-CN': {
      subject: '【合作伙伴中心】您与伙伴 {partnerName} 的关联已变更',
      body: '您好，{name}：\n\n您的账号 {domainName} 与伙伴 {partnerName} 的关联已变更：{change}。\n\n合作伙伴中心\n{publicUrl}/customer',
      sms: '【合作伙伴中心】您的账号 {domainName} 与伙伴 {partnerName} 的关联已变更：{change}。',
    },
    'en-US': {
      subject: '[Partner Center] Your association with {partnerName} changed',
      body: 'Hello {name},\n\nThe association of your account {domainName} with the partner {partnerName} changed: {change}.\n\nPartner Center\n{publicUrl}/customer',
      sms: '[Partner Center] Association of {domainName} with {partnerName} changed: {change}.',
    },
  },
  /** To an invited email address. Data: partnerName, type (localized), link, expiresAt. */
  'customers.invited': {
    'zh-CN': {
      subject: '【合作伙伴中心】{partnerName} 邀请您成为其客户',
      body: '您好：\n\n伙伴 {partnerName} 邀请您的账号与其建立关联（{type}）。\n请在 {expiresAt} 前打开以下链接，注册或登录客户账号后接受邀请：\n{link}\n\n如非本人操作，请忽略本邮件。\n\n合作伙伴中心',
    },
    'en-US': {
      subject: '[Partner Center] {partnerName} invites you to become its customer',
      body: 'Hello,\n\nThe partner {partnerName} invites your account to be associated with it ({type}).\nOpen this link before {expiresAt}, sign up or sign in with a customer account and accept:\n{link}\n\nIf you did not expect this, ignore this email.\n\nPartner Center',
    },
  },
  /** To the partner's administrators. Data: customerName, domainName, type (localized). */
  'customers.application_received': {
    link: '/customers?tab=requests',
    'zh-CN': {
      subject: '【合作伙伴中心】客户 {customerName} 申请与您关联',
      body: '您好，{name}：\n\n客户 {customerName}（账号 {domainName}）申请与贵司建立关联（{type}）。\n请登录合作伙伴中心，在「客户 > 邀请与申请」中接受或拒绝。\n\n{publicUrl}/customers?tab=requests',
    },
    'en-US': {
      subject: '[Partner Center] Customer {customerName} applied to associate with you',
      body: 'Hello {name},\n\nThe customer {customerName} (account {domainName}) applied to be associated with your company ({type}).\nSign in to the Partner Center and accept or decline it under Customers > Invitations and applications.\n\n{publicUrl}/customers?tab=requests',
    },
  },
  /** To the customer. Data: partnerName. */
  'customers.application_declined': {
    link: '/customer',
    'zh-CN': {
      subject: '【合作伙伴中心】伙伴 {partnerName} 未接受您的关联申请',
      body: '您好，{name}：\n\n伙伴 {partnerName} 未接受您的关联申请。您可以在账号页向其他伙伴提交申请。\n\n合作伙伴中心\n{publicUrl}/customer',
    },
    'en-US': {
      subject: '[Partner Center] {partnerName} declined your association request',
      body: 'Hello {name},\n\nThe partner {partnerName} declined your request to be associated with it. You can apply to another partner from your account page.\n\nPartner Center\n{publicUrl}/customer',
    },
  },
  /** The sign-up page's verification code. Data: code, minutes. */
  'customers.signup_code': {
    'zh-CN': {
      subject: '【合作伙伴中心】客户注册验证码 {code}',
      body: '您好：\n\n您的客户账号注册验证码是 {code}，{minutes} 分钟内有效。如非本人操作，请忽略本邮件。\n\n合作伙伴中心',
      sms: '【合作伙伴中心】您的注册验证码是 {code}，{minutes} 分钟内有效。',
    },
    'en-US': {
      subject: '[Partner Center] Your customer sign-up code {code}',
      body: 'Hello,\n\nYour customer sign-up code is {code}; it is valid for {minutes} minutes. If you did not ask for it, ignore this email.\n\nPartner Center',
      sms: '[Partner Center] Your sign-up code is {code}, valid for {minutes} minutes.',
    },
  },
});
