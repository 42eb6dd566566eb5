import { defineTemplates } from '../../platform/notifications/template.ts';

/** Programs, hierarchy and ecosystem manager messages (R2, R5). Data always carries `{name}`. */
export const membershipsTemplates = defineTemplates({
  /** To the partner's administrators. Data: program, reason. */
  'memberships.application_approved': {
    link: '/memberships',
    'zh-CN': {
      subject: '【合作伙伴中心】您加入「{program}」的申请已通过',
      body: '您好，{name}：\n\n您的企业加入「{program}」的申请已审核通过，现已成为该计划成员。\n审核意见：{reason}\n\n合作伙伴中心\n{publicUrl}/memberships',
      sms: '【合作伙伴中心】您加入「{program}」的申请已通过。',
    },
    'en-US': {
      subject: '[Partner Center] Your application to {program} is approved',
      body: 'Hello {name},\n\nYour company’s application to join {program} has been approved; you are now a member.\nReviewer’s note: {reason}\n\nPartner Center\n{publicUrl}/memberships',
      sms: '[Partner Center] Your application to {program} is approved.',
    },
  },
  /** To the partner's administrators. Data: program, reason. */
  'memberships.application_rejected': {
    link: '/memberships',
    'zh-CN': {
      subject: '【合作伙伴中心】您加入「{program}」的申请未通过',
      body: '您好，{name}：\n\n很遗憾，您的企业加入「{program}」的申请未通过。\n原因：{reason}\n\n您可以按要求完善后重新申请，如有疑问请联系您的生态经理。\n\n合作伙伴中心\n{publicUrl}/memberships',
      sms: '【合作伙伴中心】您加入「{program}」的申请未通过，原因：{reason}',
    },
    'en-US': {
      subject: '[Partner Center] Your application to {program} was not approved',
      body: 'Hello {name},\n\nYour company’s application to join {program} was not approved.\nReason: {reason}\n\nYou can apply again once the requirements are met; your ecosystem manager can help.\n\nPartner Center\n{publicUrl}/memberships',
      sms: '[Partner Center] Your application to {program} was not approved: {reason}',
    },
  },
  /** To the ecosystem manager. Data: partnerName, program. */
  'memberships.application_to_review': {
    link: '/console/memberships',
    'zh-CN': {
      subject: '【合作伙伴中心】{partnerName} 申请加入「{program}」，请审核',
      body: '您好，{name}：\n\n您负责的伙伴 {partnerName} 提交了加入「{program}」的申请，请在运营控制台审核。\n\n{publicUrl}/console/memberships',
    },
    'en-US': {
      subject: '[Partner Center] {partnerName} applied to {program}: please review',
      body: 'Hello {name},\n\n{partnerName}, a partner you manage, applied to join {program}. Please review it in the operator console.\n\n{publicUrl}/console/memberships',
    },
  },
  /** To the invited partner's administrators. Data: distributorName, expiresAt. */
  'memberships.reseller_invited': {
    link: '/memberships',
    'zh-CN': {
      subject: '【合作伙伴中心】{distributorName} 邀请您成为其云经销商',
      body: '您好，{name}：\n\n总经销商 {distributorName} 邀请您的企业作为云经销商加入其渠道。邀请有效期至 {expiresAt}。\n请登录合作伙伴中心，在「计划与成员资格」中接受或拒绝。\n\n{publicUrl}/memberships',
      sms: '【合作伙伴中心】{distributorName} 邀请您成为其云经销商，请于 {expiresAt} 前登录伙伴中心处理。',
    },
    'en-US': {
      subject: '[Partner Center] {distributorName} invites you to be its cloud reseller',
      body: 'Hello {name},\n\nThe distributor {distributorName} invites your company to join its channel as a cloud reseller. The invitation is valid until {expiresAt}.\nSign in to the Partner Center and accept or decline it under Programs.\n\n{publicUrl}/memberships',
      sms: '[Partner Center] {distributorName} invites you to be its cloud reseller; answer by {expiresAt}.',
    },
  },
  /** To the distributor's administrators. Data: resellerName, outcome (localized). */
  'memberships.invitation_answered': {
    link: '/memberships/resellers',
    'zh-CN': {
      subject: '【合作伙伴中心】{resellerName} {outcome}了您的云经销商邀请',
      body: '您好，{name}：\n\n{resellerName} {outcome}了您的云经销商邀请。\n\n{publicUrl}/memberships/resellers',
    },
    'en-US': {
      subject: '[Partner Center] {resellerName} {outcome} your cloud reseller invitation',
      body: 'Hello {name},\n\n{resellerName} {outcome} your cloud reseller invitation.\n\n{publicUrl}/memberships/resellers',
    },
  },
  /** To the distributor's administrators. Data: resellerName. */
  'memberships.reseller_exited': {
    link: '/memberships/resellers',
    'zh-CN': {
      subject: '【合作伙伴中心】{resellerName} 已退出您的渠道',
      body: '您好，{name}：\n\n云经销商 {resellerName} 已退出您的渠道，不再隶属于您的企业。\n\n{publicUrl}/memberships/resellers',
    },
    'en-US': {
      subject: '[Partner Center] {resellerName} left your channel',
      body: 'Hello {name},\n\nThe cloud reseller {resellerName} has left your channel and no longer belongs to your company.\n\n{publicUrl}/memberships/resellers',
    },
  },
  /** To the partner's administrators. Data: managerName, managerEmail, managerPhone. */
  'memberships.manager_assigned': {
    link: '/memberships',
    'zh-CN': {
      subject: '【合作伙伴中心】您的生态经理：{managerName}',
      body: '您好，{name}：\n\n您的企业的生态经理为 {managerName}，邮箱 {managerEmail}，电话 {managerPhone}。\n计划申请、升级总经销商等事宜可直接联系您的生态经理。\n\n合作伙伴中心\n{publicUrl}/memberships',
    },
    'en-US': {
      subject: '[Partner Center] Your ecosystem manager: {managerName}',
      body: 'Hello {name},\n\nYour company’s ecosystem manager is {managerName}, email {managerEmail}, phone {managerPhone}.\nContact them about program applications and the upgrade to distributor.\n\nPartner Center\n{publicUrl}/memberships',
    },
  },
});

/** The `{outcome}` of `memberships.invitation_answered`, by answer. */
export const INVITATION_ANSWERS = {
  accepted: { 'zh-CN': '接受', 'en-US': 'accepted' },
  declined: { 'zh-CN': '拒绝', 'en-US': 'declined' },
} as const;
