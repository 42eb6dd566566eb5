import { defineErrors } from '../../platform/errors/errors.ts';

export const TicketErrors = defineErrors({
  'tickets.not_found': {
    status: 404,
    message: { 'zh-CN': '工单不存在', 'en-US': 'Ticket not found' },
  },
  'tickets.not_resolved': {
    status: 409,
    message: {
      'zh-CN': '只有已解决的工单才能确认或重新打开',
      'en-US': 'Only a resolved ticket can be confirmed or reopened',
    },
  },
  'tickets.already_resolved': {
    status: 409,
    message: {
      'zh-CN': '工单已解决或已关闭，不能再次解决',
      'en-US': 'The ticket is already resolved or closed',
    },
  },
  'tickets.subject_not_found': {
    status: 404,
    message: {
      'zh-CN': '要关联的对象不存在或不属于贵公司',
      'en-US': 'The item this ticket should be about does not exist or is not your company’s',
    },
  },
  'tickets.resolved_reply': {
    status: 409,
    message: {
      'zh-CN': '工单已解决：请确认解决，或填写说明重新打开',
      'en-US': 'The ticket is resolved: confirm it, or reopen it with your message',
    },
  },
  'tickets.closed': {
    status: 409,
    message: {
      'zh-CN': '工单已关闭，不能再回复；如有新问题请提交新工单',
      'en-US': 'The ticket is closed and takes no more replies; open a new ticket for a new question',
    },
  },
  'tickets.assignee_invalid': {
    status: 400,
    message: {
      'zh-CN': '处理人必须是有工单处理权限的运营人员',
      'en-US': 'The assignee must be an operator who handles tickets',
    },
  },
  'tickets.holiday_invalid_date': {
    status: 400,
    message: { 'zh-CN': '日期 {date} 无效', 'en-US': 'The date {date} is not valid' },
  },
  'tickets.holiday_not_weekend': {
    status: 400,
    message: {
      'zh-CN': '调休上班日必须是周六或周日：{date}',
      'en-US': 'An adjusted working day must be a Saturday or Sunday: {date}',
    },
  },
  'tickets.holiday_not_found': {
    status: 404,
    message: { 'zh-CN': '日历中没有 {date}', 'en-US': 'The calendar has no entry for {date}' },
  },
});
