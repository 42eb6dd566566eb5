import { defineTemplates } from '../../platform/notifications/template.ts';

/** Operator management messages (issue #13). */
export const operatorsTemplates = defineTemplates({
  /** To the invited address. Data: inviterName, roles, acceptUrl, expiresAt. */
  'operators.invitation': {
    'zh-CN': {
      subject: '【合作伙伴中心】{inviterName} 邀请您成为运营人员',
      body: '您好：\n\n{inviterName} 邀请您加入合作伙伴中心运营控制台，角色：{roles}。\n\n请在 {expiresAt}（北京时间）前打开以下链接，设置姓名和密码后即可登录（链接仅可使用一次）：\n{acceptUrl}\n\n如果您不认识邀请人，请忽略本邮件。\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] {inviterName} invites you to the operator console',
      body: 'Hello,\n\n{inviterName} invites you to the Partner Center operator console with the roles: {roles}.\n\nOpen this link before {expiresAt} (Beijing time) to set your name and password and sign in (the link works once):\n{acceptUrl}\n\nIf you do not know the sender, ignore this email.\n\nPartner Center\n{publicUrl}',
    },
  },
});

/** Role names as the invitation email writes them. */
export const ROLE_NAMES: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  ecosystem_manager: { 'zh-CN': '生态经理', 'en-US': 'ecosystem manager' },
  reviewer: { 'zh-CN': '审核', 'en-US': 'reviewer' },
  finance: { 'zh-CN': '财务', 'en-US': 'finance' },
  support: { 'zh-CN': '工单处理', 'en-US': 'support' },
  admin: { 'zh-CN': '管理员', 'en-US': 'administrator' },
};
