import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

/** Second factor and sign-in ticket errors (password reset reuses the code errors of identity). */
export const RecoveryErrors = defineErrors({
  'identity.sign_in_ticket_invalid': {
    status: 401,
    message: {
      'zh-CN': '登录已超时，请重新输入邮箱和密码',
      'en-US': 'The sign-in has timed out; enter your email and password again',
    },
  },
  'identity.totp_invalid': {
    status: 400,
    message: {
      'zh-CN': '动态验证码或恢复码错误（每个验证码只能使用一次）',
      'en-US': 'The authenticator code or recovery code is wrong (each code works only once)',
    },
  },
  'identity.totp_not_enabled': {
    status: 409,
    message: { 'zh-CN': '尚未启用两步验证', 'en-US': 'Two-step verification is not turned on' },
  },
  'identity.totp_not_started': {
    status: 409,
    message: {
      'zh-CN': '请先获取新的密钥再输入验证码',
      'en-US': 'Get a new secret before entering a code',
    },
  },
  'identity.totp_already_enabled': {
    status: 409,
    message: { 'zh-CN': '两步验证已启用', 'en-US': 'Two-step verification is already on' },
  },
  'identity.totp_required': {
    status: 403,
    message: {
      'zh-CN': '运营人员必须使用两步验证，不能关闭',
      'en-US': 'Operators must use two-step verification; it cannot be turned off',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof RecoveryErrors> {}
}
