import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

export const MembershipErrors = defineErrors({
  'memberships.already_member': {
    status: 409,
    message: {
      'zh-CN': '您的企业已是该计划的成员',
      'en-US': 'Your company is already a member of this program',
    },
  },
  'memberships.application_open': {
    status: 409,
    message: {
      'zh-CN': '该计划已有一份待审核的申请，请等待审核结果',
      'en-US': 'An application to this program is already waiting for review',
    },
  },
  'memberships.application_not_pending': {
    status: 409,
    message: {
      'zh-CN': '该申请已处理（当前状态：{status}），不能再次操作',
      'en-US': 'This application has already been handled (status: {status})',
    },
  },
  'memberships.reseller_by_invitation': {
    status: 400,
    message: {
      'zh-CN': '云经销商须由总经销商邀请加入，请联系您的总经销商发送邀请',
      'en-US': 'Cloud resellers join by a distributor’s invitation; ask your distributor to invite you',
    },
  },
  'memberships.not_cloud_reseller': {
    status: 400,
    message: {
      'zh-CN': '仅云经销商可申请加入授权销售支持中心计划',
      'en-US': 'Only cloud resellers can apply to the Authorized Sales Support Center program',
    },
  },
  'memberships.below_threshold': {
    status: 400,
    message: {
      'zh-CN': '年度业绩未达到 {threshold} 元（当前最高为 {best} 元），暂不能申请',
      'en-US':
        'Annual performance has not reached CNY {threshold} (best so far: CNY {best}); you cannot apply yet',
    },
  },
  'memberships.not_assc_member': {
    status: 400,
    message: {
      'zh-CN': '须先加入授权销售支持中心计划，才能申请升级为总经销商',
      'en-US': 'Join the Authorized Sales Support Center program before applying to upgrade to distributor',
    },
  },
  'memberships.not_for_distributors': {
    status: 400,
    message: {
      'zh-CN': '总经销商专注发展和支持云经销商，不能申请该计划；解决方案提供商计划面向直接服务最终客户的伙伴',
      'en-US':
        'Distributors develop and support cloud resellers and cannot apply to this program; the Solution Provider program is for partners who serve end customers directly',
    },
  },
  'memberships.not_for_resellers': {
    status: 400,
    message: {
      'zh-CN':
        '云经销商通过总经销商向最终客户销售，不能申请该计划；解决方案提供商计划面向直接服务最终客户的伙伴',
      'en-US':
        'Cloud resellers sell to end customers under their distributor and cannot apply to this program; the Solution Provider program is for partners who serve end customers directly',
    },
  },
  'memberships.not_distributor': {
    status: 403,
    message: {
      'zh-CN': '仅总经销商可邀请和查看云经销商',
      'en-US': 'Only distributors can invite and view cloud resellers',
    },
  },
  'memberships.has_distributor': {
    status: 409,
    message: {
      'zh-CN': '您的企业已隶属于一家总经销商，须先退出当前总经销商，才能加入其他总经销商',
      'en-US': 'Your company already belongs to a distributor; exit it before joining another',
    },
  },
  'memberships.invitee_has_distributor': {
    status: 409,
    message: {
      'zh-CN': '该伙伴已隶属于一家总经销商，对方退出后才能邀请',
      'en-US': 'This partner already belongs to a distributor; it must exit before you can invite it',
    },
  },
  'memberships.no_distributor': {
    status: 400,
    message: {
      'zh-CN': '您的企业当前不隶属于任何总经销商',
      'en-US': 'Your company does not belong to a distributor',
    },
  },
  'memberships.invitee_not_found': {
    status: 404,
    message: {
      'zh-CN': '未找到以该邮箱为管理员的已注册伙伴，请对方先完成注册',
      'en-US': 'No registered partner has an administrator with this email; ask them to register first',
    },
  },
  'memberships.invite_self': {
    status: 400,
    message: { 'zh-CN': '不能邀请自己的企业', 'en-US': 'You cannot invite your own company' },
  },
  'memberships.invitee_is_distributor': {
    status: 400,
    message: {
      'zh-CN': '对方是总经销商，不能作为云经销商加入',
      'en-US': 'This partner is a distributor and cannot join as a cloud reseller',
    },
  },
  'memberships.invitation_pending': {
    status: 409,
    message: {
      'zh-CN': '已向该伙伴发出邀请，正在等待对方回复',
      'en-US': 'An invitation to this partner is already waiting for its answer',
    },
  },
  'memberships.invitation_not_pending': {
    status: 409,
    message: {
      'zh-CN': '该邀请已处理（当前状态：{status}）',
      'en-US': 'This invitation has already been handled (status: {status})',
    },
  },
  'memberships.invitation_expired': {
    status: 409,
    message: {
      'zh-CN': '该邀请已过期，请联系总经销商重新邀请',
      'en-US': 'This invitation has expired; ask the distributor to invite you again',
    },
  },
  'memberships.not_your_partner': {
    status: 403,
    message: {
      'zh-CN': '仅该伙伴的生态经理可审核此申请',
      'en-US': 'Only this partner’s ecosystem manager can review this application',
    },
  },
  'memberships.no_manager': {
    status: 409,
    message: {
      'zh-CN': '该伙伴尚未分配生态经理，请先分配',
      'en-US': 'This partner has no ecosystem manager yet; assign one first',
    },
  },
  'memberships.not_ecosystem_manager': {
    status: 400,
    message: {
      'zh-CN': '所选用户不是在职的生态经理',
      'en-US': 'The chosen user is not an active ecosystem manager',
    },
  },
  'memberships.reason_required': {
    status: 400,
    message: { 'zh-CN': '驳回时须填写原因', 'en-US': 'A reason is required to reject' },
  },
  'memberships.invalid_year': {
    status: 400,
    message: {
      'zh-CN': '业绩年度 {year} 无效，只能录入 2000 年至今年的业绩',
      'en-US': 'Performance year {year} is not valid; only 2000 to the current year can be recorded',
    },
  },
  'memberships.import_invalid': {
    status: 400,
    message: {
      'zh-CN': '导入文件第 {line} 行有误，未导入任何数据',
      'en-US': 'Line {line} of the import is invalid: {reason}. Nothing was imported',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof MembershipErrors> {}
}
