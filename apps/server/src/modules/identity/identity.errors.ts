import { type CodesOf, defineErrors } from '../../platform/errors/errors.ts';

export const IdentityErrors = defineErrors({
  'identity.email_taken': {
    status: 409,
    message: {
      'zh-CN': '该邮箱已注册，请直接登录或找回密码',
      'en-US': 'This email is already registered; sign in or reset your password',
    },
    cbc: 'CBC.99001003',
  },
  'identity.weak_password': {
    status: 400,
    message: {
      'zh-CN': '密码强度不足：至少 8 位，且包含大写字母、小写字母、数字、符号中的至少三种，不能包含邮箱名',
      'en-US':
        'The password is too weak: at least 8 characters, with three of upper case, lower case, digits and symbols, and not containing the email name',
    },
  },
  'identity.code_invalid': {
    status: 400,
    message: { 'zh-CN': '验证码错误', 'en-US': 'The verification code is wrong' },
    cbc: 'CBC.99001002',
  },
  'identity.code_expired': {
    status: 400,
    message: {
      'zh-CN': '验证码已过期，请重新获取',
      'en-US': 'The verification code has expired; request a new one',
    },
    cbc: 'CBC.99001002',
  },
  'identity.code_rate_limited': {
    status: 429,
    message: {
      'zh-CN': '验证码发送过于频繁，请 {retryAfter} 秒后再试',
      'en-US': 'Codes were sent too often; try again in {retryAfter} seconds',
    },
  },
  'identity.sign_in_throttled': {
    status: 429,
    message: {
      'zh-CN': '登录失败次数过多，请 {retryAfter} 秒后再试',
      'en-US': 'Too many failed sign-ins; try again in {retryAfter} seconds',
    },
  },
  'identity.too_many_attempts': {
    status: 429,
    message: {
      'zh-CN': '尝试次数过多，请稍后再试',
      'en-US': 'Too many attempts; try again later',
    },
    cbc: 'CBC.99008040',
  },
  'identity.invalid_credentials': {
    status: 401,
    message: { 'zh-CN': '邮箱或密码错误', 'en-US': 'Wrong email or password' },
  },
  'identity.email_not_verified': {
    status: 403,
    message: {
      'zh-CN': '邮箱尚未验证，请输入邮件中的验证码完成验证',
      'en-US': 'Your email is not confirmed yet; enter the code from the email we sent',
    },
  },
  'identity.account_disabled': {
    status: 403,
    message: {
      'zh-CN': '账号已停用，请联系管理员',
      'en-US': 'This account is disabled; contact your administrator',
    },
  },
  'identity.federated_profile': {
    status: 409,
    message: {
      'zh-CN': '该账号的资料由统一身份中心管理，请前往账号中心修改',
      'en-US': 'This account’s profile is managed by the central identity provider; change it there',
    },
  },
  'identity.wrong_password': {
    status: 400,
    message: { 'zh-CN': '当前密码错误', 'en-US': 'The current password is wrong' },
  },
  'identity.same_password': {
    status: 400,
    message: {
      'zh-CN': '新密码不能与当前密码相同',
      'en-US': 'The new password must differ from the current one',
    },
  },
  'identity.same_contact': {
    status: 400,
    message: {
      'zh-CN': '新的联系方式与当前的相同',
      'en-US': 'The new contact is the same as the current one',
    },
  },
  'identity.contact_taken': {
    status: 409,
    message: {
      'zh-CN': '该联系方式已被其他账号使用',
      'en-US': 'This contact is already used by another account',
    },
    cbc: 'CBC.99001003',
  },
  'identity.invalid_phone': {
    status: 400,
    message: {
      'zh-CN': '手机号码无效：请填写 11 位中国大陆手机号，或以 + 和国家代码开头的号码',
      'en-US':
        'The phone number is not valid: enter an 11-digit mainland China mobile number, or a number starting with + and the country code',
    },
    cbc: 'CBC.0100',
  },
  'identity.invalid_email': {
    status: 400,
    message: { 'zh-CN': '邮箱格式不正确', 'en-US': 'The email address is not valid' },
  },
  'identity.change_closed': {
    status: 409,
    message: {
      'zh-CN': '该变更已完成或已过期，请重新发起',
      'en-US': 'This change is already completed or has expired; start again',
    },
  },
});

declare module '../../platform/errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof IdentityErrors> {}
}
