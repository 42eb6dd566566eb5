import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

export const IncentiveErrors = defineErrors({
  'incentives.policy_overlap': {
    status: 409,
    message: {
      'zh-CN': '激励政策 {policy} 与已有政策 {other} 在同一伙伴计划、有效期和计入的消费上重叠',
      'en-US': 'Incentive policy {policy} overlaps policy {other}: same program, validity and counted spend',
    },
  },
  'incentives.policy_code_taken': {
    status: 409,
    message: { 'zh-CN': '政策编码 {code} 已被使用', 'en-US': 'The policy code {code} is already in use' },
  },
  'incentives.policy_not_found': {
    status: 404,
    message: { 'zh-CN': '激励政策不存在', 'en-US': 'The incentive policy does not exist' },
  },
  'incentives.valid_from_not_period_start': {
    status: 400,
    message: {
      'zh-CN': '生效日期必须是对账期次的第一天（{kind}），不能从期次中间开始',
      'en-US': 'The validity must start on the first day of a reconciliation period ({kind}), not mid-period',
    },
  },
  'incentives.period_closed': {
    status: 409,
    message: {
      'zh-CN': '对账期次 {period} 已结算，不能再改变该期次的政策',
      'en-US': 'The reconciliation period {period} is settled; its policies can no longer change',
    },
  },
  'incentives.valid_to_before_from': {
    status: 400,
    message: { 'zh-CN': '失效日期必须晚于生效日期', 'en-US': 'The end of validity must be after its start' },
  },
  'incentives.period_invalid': {
    status: 400,
    message: {
      'zh-CN': '对账期次 {period} 无效',
      'en-US': 'The reconciliation period {period} is not valid',
    },
  },
  'incentives.period_not_ended': {
    status: 409,
    message: {
      'zh-CN': '对账期次 {period} 尚未结束，结束后才能结算',
      'en-US': 'The reconciliation period {period} has not ended yet; it can be settled once it has',
    },
  },
  'incentives.run_in_progress': {
    status: 409,
    message: {
      'zh-CN': '对账期次 {period} 正在结算中',
      'en-US': 'A settlement of {period} is already running',
    },
  },
  'incentives.run_not_found': {
    status: 404,
    message: { 'zh-CN': '结算任务不存在', 'en-US': 'The settlement run does not exist' },
  },
  'incentives.run_not_running': {
    status: 409,
    message: {
      'zh-CN': '结算任务已结束，不能取消',
      'en-US': 'The settlement run has finished and cannot be cancelled',
    },
  },
  'incentives.notice_not_found': {
    status: 404,
    message: { 'zh-CN': '激励通知不存在', 'en-US': 'The incentive notice does not exist' },
  },
  'incentives.notice_not_issued': {
    status: 409,
    message: {
      'zh-CN': '激励通知当前状态为“{status}”，只能确认或质疑待确认的通知',
      'en-US': 'The notice is {status}; only a notice awaiting confirmation can be confirmed or disputed',
    },
  },
  'incentives.notice_in_application': {
    status: 409,
    message: {
      'zh-CN': '激励通知已包含在付款申请中，不能再调整',
      'en-US': 'The notice is part of a payment application and can no longer be adjusted',
    },
  },
  'incentives.adjustment_zero': {
    status: 400,
    message: { 'zh-CN': '调整金额不能为 0', 'en-US': 'An adjustment cannot be zero' },
  },
  'incentives.adjustment_negative_total': {
    status: 409,
    message: {
      'zh-CN': '调整后通知金额将为负数（{totalYuan}），请核对调整金额',
      'en-US': 'After the adjustment the notice amount would be negative ({totalYuan}); check the amount',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof IncentiveErrors> {}
}
