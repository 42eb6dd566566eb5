import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

export const PartnerErrors = defineErrors({
  'partners.not_found': { status: 404, message: { 'zh-CN': '伙伴不存在', 'en-US': 'Partner not found' } },
  'partners.already_suspended': {
    status: 409,
    message: { 'zh-CN': '该伙伴已被暂停', 'en-US': 'This partner is already suspended' },
  },
  'partners.not_suspended': {
    status: 409,
    message: { 'zh-CN': '该伙伴未被暂停，无需恢复', 'en-US': 'This partner is not suspended' },
  },
  // On /v2 it answers as CBC.0151 (access denied), the CBC wording.
  'partners.suspended': {
    status: 403,
    message: {
      'zh-CN': '您的伙伴账号已被暂停，暂不能进行此操作，请联系您的生态经理',
      'en-US':
        'Your partner account is suspended: this action is not available. Please contact your ecosystem manager',
    },
    cbc: 'CBC.0151',
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof PartnerErrors> {}
}
