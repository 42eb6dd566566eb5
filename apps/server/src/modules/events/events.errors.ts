import { defineErrors } from '../../platform/errors/errors.ts';

export const EventsErrors = defineErrors({
  'events.endpoint_not_found': {
    status: 404,
    message: { 'zh-CN': 'Webhook 端点不存在', 'en-US': 'Webhook endpoint not found' },
  },
  'events.delivery_not_found': {
    status: 404,
    message: { 'zh-CN': '投递记录不存在', 'en-US': 'Delivery not found' },
  },
  'events.invalid_url': {
    status: 400,
    message: {
      'zh-CN': '地址必须是 https:// 开头的有效 URL（本机测试可用 http://localhost）',
      'en-US': 'The URL must be a valid https:// address (http://localhost is allowed for testing)',
    },
  },
  'events.endpoint_limit': {
    status: 409,
    message: {
      'zh-CN': '每个合作伙伴最多 {max} 个 Webhook 端点',
      'en-US': 'A partner may have at most {max} webhook endpoints',
    },
  },
  'events.endpoint_unavailable': {
    status: 409,
    message: {
      'zh-CN': '该投递的 Webhook 端点已删除或已停用，无法重放',
      'en-US': 'The webhook endpoint of this delivery is deleted or disabled; it cannot be replayed',
    },
  },
  'events.no_notify_url': {
    status: 409,
    message: {
      'zh-CN': '尚未登记绑定通知地址，无法重放',
      'en-US': 'No bind notification URL is registered; the callback cannot be replayed',
    },
  },
});
