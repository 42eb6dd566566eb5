import { defineErrors } from '../../platform/errors/errors.ts';

export const CertificationErrors = defineErrors({
  'certification.not_editable': {
    status: 409,
    message: {
      'zh-CN': '认证资料已提交审核或已通过，当前不能修改',
      'en-US': 'The certification is submitted for review or approved, so it cannot be edited now',
    },
  },
  'certification.already_submitted': {
    status: 409,
    message: {
      'zh-CN': '认证资料已提交，请勿重复提交，请等待审核结果',
      'en-US': 'The certification is already submitted; wait for the review result',
    },
  },
  'certification.already_approved': {
    status: 409,
    message: {
      'zh-CN': '该认证已通过，无需再次提交',
      'en-US': 'This certification is already approved; there is nothing to submit',
    },
  },
  'certification.no_draft': {
    status: 409,
    message: {
      'zh-CN': '尚未填写认证资料，请先填写并保存',
      'en-US': 'There is no certification data yet; fill in the form and save it first',
    },
  },
  'certification.incomplete': {
    status: 400,
    message: {
      'zh-CN': '认证资料不完整或格式不正确：{fields}',
      'en-US': 'The certification data is incomplete or invalid: {fields}',
    },
  },
  'certification.qualification_required': {
    status: 409,
    message: {
      'zh-CN': '请先通过经销商资质认证，再提交商业信息认证',
      'en-US': 'Pass the reseller qualification certification before submitting business information',
    },
  },
  'certification.not_claimable': {
    status: 409,
    message: {
      'zh-CN': '该认证不是待审核状态（可能已被他人领取或处理），无法领取',
      'en-US': 'This certification is not waiting for review (someone may have claimed or decided it)',
    },
  },
  'certification.not_under_review': {
    status: 409,
    message: {
      'zh-CN': '该认证不在审核中，无法审批；请先领取待审核的认证',
      'en-US': 'This certification is not under review, so it cannot be decided; claim a submitted one first',
    },
  },
  'certification.claimed_by_other': {
    status: 409,
    message: {
      'zh-CN': '该认证已由其他审核员领取',
      'en-US': 'Another reviewer has claimed this certification',
    },
  },
  'certification.no_bank_account': {
    status: 404,
    message: {
      'zh-CN': '该认证没有银行账号',
      'en-US': 'This certification has no bank account',
    },
  },
  'certification.payout_blocked': {
    status: 403,
    message: {
      'zh-CN': '商业信息认证通过后才能申请付款，请前往“伙伴信息 > 商业信息”完成认证',
      'en-US':
        'Payouts need an approved business information certification; complete it under Partner info > Business info',
    },
  },
});
