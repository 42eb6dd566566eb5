import { defineTemplates } from '../../platform/notifications/template.ts';

/** Organization messages (R12): invitations, the monthly reminder, certificate expiry warnings. */
export const organizationTemplates = defineTemplates({
  /** To the invited address. Data: partnerName, inviterName, acceptUrl, expiresAt. */
  'organization.invitation': {
    'zh-CN': {
      subject: '【合作伙伴中心】{inviterName} 邀请您加入 {partnerName}',
      body: '您好：\n\n{inviterName} 邀请您以成员身份加入合作伙伴 {partnerName} 的合作伙伴中心组织。\n\n请在 {expiresAt}（北京时间）前打开以下链接接受邀请并设置密码：\n{acceptUrl}\n\n如果您不认识邀请人，请忽略本邮件。\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] {inviterName} invites you to join {partnerName}',
      body: 'Hello,\n\n{inviterName} invites you to join the Partner Center organization of {partnerName}.\n\nOpen this link before {expiresAt} (Beijing time) to accept and set your password:\n{acceptUrl}\n\nIf you do not know the sender, ignore this email.\n\nPartner Center\n{publicUrl}',
    },
  },
  /** To the administrators: an invitee accepted. Data: name, memberName, memberEmail. */
  'organization.invitation_accepted': {
    link: '/organization/members',
    'zh-CN': {
      subject: '【合作伙伴中心】{memberName} 已接受邀请',
      body: '您好，{name}：\n\n{memberName}（{memberEmail}）已接受邀请，成为贵公司的成员。\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] {memberName} accepted the invitation',
      body: 'Hello {name},\n\n{memberName} ({memberEmail}) accepted the invitation and is now a member of your company.\n\nPartner Center\n{publicUrl}',
    },
  },
  /** Monthly, to every member. Data: name, partnerName, lastUpdated. */
  'organization.qualification_reminder': {
    link: '/organization/my-qualifications',
    'zh-CN': {
      subject: '【合作伙伴中心】请更新您的个人资质',
      body: '您好，{name}：\n\n请登录合作伙伴中心，在“组织管理 > 我的资质”中检查并更新您在 {partnerName} 的任职信息、证书、培训和项目经历。\n最近一次更新：{lastUpdated}\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] Please keep your qualifications current',
      body: 'Hello {name},\n\nPlease sign in to the Partner Center and review your employment, certificates, training and projects at {partnerName} under Organization > My qualifications.\nLast updated: {lastUpdated}\n\nPartner Center\n{publicUrl}',
    },
  },
  /** 30 days before a member's certificate expires; to the member and the administrators. Data: name, memberName, certificateName, expiresOn. */
  'organization.certificate_expiring': {
    link: '/organization/my-qualifications',
    'zh-CN': {
      subject: '【合作伙伴中心】证书“{certificateName}”将于 {expiresOn} 到期',
      body: '您好，{name}：\n\n{memberName} 的证书“{certificateName}”将于 {expiresOn} 到期。请及时续证，并在“组织管理 > 我的资质”中更新到期日期。\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] The certificate "{certificateName}" expires on {expiresOn}',
      body: 'Hello {name},\n\nThe certificate "{certificateName}" of {memberName} expires on {expiresOn}. Please renew it and update its expiry date under Organization > My qualifications.\n\nPartner Center\n{publicUrl}',
    },
  },
});

/** `{lastUpdated}` of `organization.qualification_reminder` when the qualifications were never filled in. */
export const NEVER_FILLED = { 'zh-CN': '尚未填写', 'en-US': 'never' } as const;
