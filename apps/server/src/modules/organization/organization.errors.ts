import { defineErrors } from '../../platform/errors/errors.ts';

export const OrganizationErrors = defineErrors({
  'organization.email_registered': {
    status: 409,
    message: {
      'zh-CN': '{email} 已注册合作伙伴中心账号，不能再邀请',
      'en-US': '{email} already has a Partner Center account and cannot be invited',
    },
  },
  'organization.invitation_pending': {
    status: 409,
    message: {
      'zh-CN': '已有发给 {email} 的待接受邀请；可撤销后重新邀请',
      'en-US': 'An invitation to {email} is already pending; revoke it to invite again',
    },
  },
  'organization.invitation_not_found': {
    status: 404,
    message: {
      'zh-CN': '邀请不存在或链接无效',
      'en-US': 'The invitation does not exist or the link is invalid',
    },
  },
  'organization.invitation_accepted': {
    status: 409,
    message: { 'zh-CN': '该邀请已被接受', 'en-US': 'This invitation has already been accepted' },
  },
  'organization.invitation_revoked': {
    status: 409,
    message: { 'zh-CN': '该邀请已被管理员撤销', 'en-US': 'This invitation was revoked by the administrator' },
  },
  'organization.invitation_expired': {
    status: 409,
    message: {
      'zh-CN': '该邀请已过期，请联系管理员重新邀请',
      'en-US': 'This invitation has expired; ask your administrator to invite you again',
    },
  },
  'organization.member_not_found': {
    status: 404,
    message: { 'zh-CN': '成员不存在', 'en-US': 'Member not found' },
  },
  'organization.roles_invalid': {
    status: 400,
    message: {
      'zh-CN': '角色须为“管理员”或“成员”之一，可另加“项目专员”',
      'en-US': 'Roles must be exactly one of administrator or member, optionally with project specialist',
    },
  },
  'organization.last_admin': {
    status: 409,
    message: {
      'zh-CN': '公司至少需要一位有效的管理员',
      'en-US': 'The company needs at least one active administrator',
    },
  },
  'organization.self_deactivate': {
    status: 409,
    message: { 'zh-CN': '不能停用自己的账号', 'en-US': 'You cannot deactivate your own account' },
  },
  'organization.qualification_not_found': {
    status: 404,
    message: { 'zh-CN': '资质记录不存在', 'en-US': 'Qualification record not found' },
  },
  'organization.expiry_required': {
    status: 400,
    message: { 'zh-CN': '证书必须填写到期日期', 'en-US': 'A certificate needs an expiry date' },
  },
  'organization.dates_out_of_order': {
    status: 400,
    message: {
      'zh-CN': '结束（到期）日期不能早于开始（颁发）日期',
      'en-US': 'The end (expiry) date cannot be before the start (issue) date',
    },
  },
});
