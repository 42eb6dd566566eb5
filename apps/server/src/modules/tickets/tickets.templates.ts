import { defineTemplates } from '../../platform/notifications/template.ts';

/** Ticket messages (R11). Data always carries `{name}`, `{ticketId}` and `{subject}`. */
export const ticketsTemplates = defineTemplates({
  /** To the partner user who opened the ticket: support answered. Data: body. */
  'tickets.replied': {
    link: '/support/tickets/{ticketId}',
    'zh-CN': {
      subject: '【合作伙伴中心】工单“{subject}”有新回复',
      body: '您好，{name}：\n\n技术支持回复了您的工单“{subject}”（{ticketId}）：\n\n{body}\n\n请登录合作伙伴中心查看并回复。\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] New reply on your ticket "{subject}"',
      body: 'Hello {name},\n\nSupport replied to your ticket "{subject}" ({ticketId}):\n\n{body}\n\nSign in to the Partner Center to read and answer it.\n\nPartner Center\n{publicUrl}',
    },
  },
  /** To the opener: support resolved the ticket; confirm or reopen. Data: body. */
  'tickets.resolved': {
    link: '/support/tickets/{ticketId}',
    'zh-CN': {
      subject: '【合作伙伴中心】工单“{subject}”已解决，请确认',
      body: '您好，{name}：\n\n您的工单“{subject}”（{ticketId}）已由技术支持处理为已解决。\n{body}\n\n如问题已解决，请登录确认；如仍有问题，可重新打开工单。\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] Your ticket "{subject}" is resolved: please confirm',
      body: 'Hello {name},\n\nSupport marked your ticket "{subject}" ({ticketId}) as resolved.\n{body}\n\nIf your problem is solved, sign in and confirm it; if not, reopen the ticket.\n\nPartner Center\n{publicUrl}',
    },
  },
  /** To the assigned operator. Data: partnerName, dueAt. */
  'tickets.assigned': {
    link: '/console/tickets/{ticketId}',
    'zh-CN': {
      subject: '【合作伙伴中心】工单已分配给您：{subject}',
      body: '您好，{name}：\n\n{partnerName} 的工单“{subject}”（{ticketId}）已分配给您，处理时限为 {dueAt}（北京时间）。\n\n合作伙伴中心运营控制台\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] Ticket assigned to you: {subject}',
      body: 'Hello {name},\n\nThe ticket "{subject}" ({ticketId}) from {partnerName} is now yours; it is due {dueAt} (Beijing time).\n\nPartner Center console\n{publicUrl}',
    },
  },
  /** To the assigned operator: the partner wrote again. Data: partnerName, body. */
  'tickets.partner_replied': {
    link: '/console/tickets/{ticketId}',
    'zh-CN': {
      subject: '【合作伙伴中心】{partnerName} 回复了工单“{subject}”',
      body: '您好，{name}：\n\n{partnerName} 在工单“{subject}”（{ticketId}）中写道：\n\n{body}\n\n合作伙伴中心运营控制台\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] {partnerName} replied on "{subject}"',
      body: 'Hello {name},\n\n{partnerName} wrote on the ticket "{subject}" ({ticketId}):\n\n{body}\n\nPartner Center console\n{publicUrl}',
    },
  },
  /** Escalation to support admins, the assignee and the ecosystem manager. Data: partnerName, dueAt. */
  'tickets.overdue': {
    link: '/console/tickets/{ticketId}',
    'zh-CN': {
      subject: '【合作伙伴中心】工单已超时：{subject}',
      body: '您好，{name}：\n\n{partnerName} 的工单“{subject}”（{ticketId}）已超过处理时限 {dueAt}（北京时间）仍未解决，已升级，请尽快处理。\n\n合作伙伴中心运营控制台\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] Ticket overdue: {subject}',
      body: 'Hello {name},\n\nThe ticket "{subject}" ({ticketId}) from {partnerName} passed its due time {dueAt} (Beijing time) unresolved and has been escalated. Please handle it now.\n\nPartner Center console\n{publicUrl}',
    },
  },
});
