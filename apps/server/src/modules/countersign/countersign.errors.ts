import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

/** R21 countersigned bills. */
export const CountersignErrors = defineErrors({
  'countersign.invalid_token': {
    status: 401,
    message: { 'zh-CN': '数据接入令牌无效', 'en-US': 'The ingest token is not valid' },
  },
  'countersign.bill_not_found': {
    status: 404,
    message: { 'zh-CN': '账单不存在', 'en-US': 'The bill does not exist' },
  },
  'countersign.unknown_partner': {
    status: 400,
    message: { 'zh-CN': '伙伴 {partner} 不存在', 'en-US': 'Partner {partner} does not exist' },
  },
  'countersign.already_in_progress': {
    status: 409,
    message: {
      'zh-CN': '账单 {externalId} 已在会签中或已完成，只有被退回的账单可以重新提交',
      'en-US': 'Bill {externalId} is being countersigned or done; only a returned bill can be sent again',
    },
  },
  'countersign.not_your_step': {
    status: 403,
    message: {
      'zh-CN': '当前会签步骤（{step}）不由您处理',
      'en-US': 'The current countersigning step ({step}) is not yours',
    },
  },
  'countersign.not_countersigning': {
    status: 409,
    message: {
      'zh-CN': '账单当前不在会签中（状态：{status}）',
      'en-US': 'The bill is not being countersigned (status: {status})',
    },
  },
  'countersign.invalid_chain': {
    status: 400,
    message: {
      'zh-CN': '会签链无效（审批人须为不重复的有效角色）',
      'en-US': 'The approver chain is not valid: {reason}',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof CountersignErrors> {}
}
