import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

export const OperatorErrors = defineErrors({
  'operators.email_registered': {
    status: 409,
    message: {
      'zh-CN': '{email} 已有账号，不能邀请为运营人员',
      'en-US': '{email} already has an account and cannot be invited as an operator',
    },
  },
  'operators.invitation_not_found': {
    status: 404,
    message: {
      'zh-CN': '邀请不存在或链接无效',
      'en-US': 'The invitation does not exist or the link is invalid',
    },
  },
  'operators.invitation_accepted': {
    status: 409,
    message: { 'zh-CN': '该邀请已被接受', 'en-US': 'This invitation has already been accepted' },
  },
  'operators.invitation_revoked': {
    status: 409,
    message: { 'zh-CN': '该邀请已被撤销', 'en-US': 'This invitation has been revoked' },
  },
  'operators.invitation_expired': {
    status: 410,
    message: {
      'zh-CN': '该邀请已过期，请联系管理员重新发送',
      'en-US': 'This invitation has expired; ask an administrator to send it again',
    },
  },
  'operators.not_found': {
    status: 404,
    message: { 'zh-CN': '运营人员不存在', 'en-US': 'Operator not found' },
  },
  'operators.last_admin': {
    status: 409,
    message: {
      'zh-CN': '不能停用最后一位启用的管理员，也不能取消其管理员角色；请先为另一位运营人员授予管理员角色',
      'en-US':
        'The last active administrator cannot be disabled or lose the admin role; make another operator an administrator first',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof OperatorErrors> {}
}
