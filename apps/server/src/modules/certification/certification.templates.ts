import { defineTemplates } from '../../platform/notifications/template.ts';

/**
 * R3/R10: one message per certification transition, to each partner administrator.
 * Data: name, stage (the stage's name in the recipient's language), reason (rejections).
 */
export const certificationTemplates = defineTemplates({
  'certification.submitted': {
    link: '/partner-info/business',
    'zh-CN': {
      subject: '【合作伙伴中心】{stage}资料已提交',
      body: '您好，{name}：\n\n贵司的{stage}资料已提交，我们将尽快审核，审核结果会通过邮件、短信和站内信通知您。\n\n查看进度：{publicUrl}/partner-info/business\n\n合作伙伴中心',
      sms: '【合作伙伴中心】贵司的{stage}资料已提交，审核结果将另行通知。',
    },
    'en-US': {
      subject: '[Partner Center] {stage}: submitted',
      body: 'Hello {name},\n\nYour company’s {stage} has been submitted. We will review it soon and tell you the result by email, SMS and in-app message.\n\nTrack it: {publicUrl}/partner-info/business\n\nPartner Center',
      sms: '[Partner Center] Your {stage} was submitted; we will tell you the result.',
    },
  },
  'certification.under_review': {
    link: '/partner-info/business',
    'zh-CN': {
      subject: '【合作伙伴中心】{stage}正在审核中',
      body: '您好，{name}：\n\n贵司的{stage}已由审核员受理，正在审核中。审核期间资料不可修改。\n\n查看进度：{publicUrl}/partner-info/business\n\n合作伙伴中心',
      sms: '【合作伙伴中心】贵司的{stage}已进入审核。',
    },
    'en-US': {
      subject: '[Partner Center] {stage}: under review',
      body: 'Hello {name},\n\nA reviewer has taken up your company’s {stage}; it is now under review and cannot be edited meanwhile.\n\nTrack it: {publicUrl}/partner-info/business\n\nPartner Center',
      sms: '[Partner Center] Your {stage} is now under review.',
    },
  },
  'certification.approved': {
    link: '/partner-info/business',
    'zh-CN': {
      subject: '【合作伙伴中心】{stage}已通过',
      body: '您好，{name}：\n\n恭喜，贵司的{stage}已审核通过。\n\n查看详情：{publicUrl}/partner-info/business\n\n合作伙伴中心',
      sms: '【合作伙伴中心】恭喜，贵司的{stage}已审核通过。',
    },
    'en-US': {
      subject: '[Partner Center] {stage}: approved',
      body: 'Hello {name},\n\nGood news: your company’s {stage} has been approved.\n\nDetails: {publicUrl}/partner-info/business\n\nPartner Center',
      sms: '[Partner Center] Your {stage} was approved.',
    },
  },
  'certification.rejected': {
    link: '/partner-info/business',
    'zh-CN': {
      subject: '【合作伙伴中心】{stage}未通过',
      body: '您好，{name}：\n\n很遗憾，贵司的{stage}未通过审核。\n原因：{reason}\n\n请在“伙伴信息 > 商业信息”中修改资料后重新提交；如有疑问可提交工单，我们将在 3 个工作日内处理。\n{publicUrl}/partner-info/business\n\n合作伙伴中心',
      sms: '【合作伙伴中心】贵司的{stage}未通过，原因：{reason}。请登录伙伴中心修改后重新提交。',
    },
    'en-US': {
      subject: '[Partner Center] {stage}: not approved',
      body: 'Hello {name},\n\nYour company’s {stage} was not approved.\nReason: {reason}\n\nCorrect the data under Partner info > Business info and submit it again. Questions? Open a ticket; we answer within 3 working days.\n{publicUrl}/partner-info/business\n\nPartner Center',
      sms: '[Partner Center] Your {stage} was not approved: {reason}. Sign in, correct it and resubmit.',
    },
  },
});
