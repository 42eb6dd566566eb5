import { defineErrors } from '../../platform/errors/errors.ts';

export const CertificateErrors = defineErrors({
  'certificates.not_found': {
    status: 404,
    message: { 'zh-CN': '尚未颁发伙伴证书', 'en-US': 'No partner certificate has been issued' },
  },
  'certificates.review_not_found': {
    status: 404,
    message: { 'zh-CN': '年度复核不存在', 'en-US': 'The annual review does not exist' },
  },
  'certificates.review_already_submitted': {
    status: 409,
    message: {
      'zh-CN': '复核材料已提交，正在等待审核，不能重复提交',
      'en-US': 'The materials were already submitted and are awaiting review',
    },
  },
  'certificates.review_closed': {
    status: 409,
    message: {
      'zh-CN': '该年度复核已结束，不能再提交材料',
      'en-US': 'This annual review is closed; materials can no longer be submitted',
    },
  },
  'certificates.deadline_passed': {
    status: 409,
    message: {
      'zh-CN': '材料提交截止时间（{deadline}）已过，不能再提交',
      'en-US': 'The materials deadline ({deadline}) has passed',
    },
  },
  'certificates.review_not_submitted': {
    status: 409,
    message: {
      'zh-CN': '只有已提交、待审核的年度复核可以通过或驳回',
      'en-US': 'Only a review whose materials are submitted and awaiting review can be approved or rejected',
    },
  },
  'certificates.certificate_expired': {
    status: 409,
    message: {
      'zh-CN': '证书已过期，需重新通过资质认证后再颁发',
      'en-US': 'The certificate has expired; it is issued again after a new qualification certification',
    },
  },
});
