import { defineTemplates } from '../../platform/notifications/template.ts';

/** Identity messages: codes, welcome, security notices. Data always carries `{name}`. */
export const identityTemplates = defineTemplates({
  /** Sign-up email confirmation. Data: name, code, minutes. */
  'identity.email_code': {
    'zh-CN': {
      subject: '【合作伙伴中心】邮箱验证码 {code}',
      body: '您好，{name}：\n\n您正在注册合作伙伴中心，邮箱验证码为：{code}\n验证码 {minutes} 分钟内有效，请勿告诉他人。\n\n如非本人操作，请忽略本邮件。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】您的验证码为 {code}，{minutes} 分钟内有效，请勿告诉他人。',
    },
    'en-US': {
      subject: '[Partner Center] Your email code {code}',
      body: 'Hello {name},\n\nYour Partner Center email confirmation code is: {code}\nIt is valid for {minutes} minutes. Do not share it with anyone.\n\nIf you did not sign up, ignore this email.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] Your code is {code}, valid for {minutes} minutes. Do not share it.',
    },
  },
  /** R9: one code to the current contact, one to the new one. Data: name, code, minutes. */
  'identity.contact_code': {
    'zh-CN': {
      subject: '【合作伙伴中心】账号联系方式变更验证码 {code}',
      body: '您好，{name}：\n\n您正在修改合作伙伴中心账号的手机号或邮箱，验证码为：{code}\n验证码 {minutes} 分钟内有效，请勿告诉他人。\n\n如非本人操作，请立即登录并修改密码。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】您正在修改账号联系方式，验证码 {code}，{minutes} 分钟内有效。如非本人操作，请立即修改密码。',
    },
    'en-US': {
      subject: '[Partner Center] Code to change your contact details: {code}',
      body: 'Hello {name},\n\nYou are changing the phone number or email of your Partner Center account. Your code is: {code}\nIt is valid for {minutes} minutes. Do not share it with anyone.\n\nIf this was not you, sign in and change your password now.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] Code to change your contact details: {code}, valid for {minutes} minutes. Not you? Change your password now.',
    },
  },
  /** After the email is confirmed: the registration is complete. Data: name, email, signInUrl. */
  'identity.welcome': {
    link: '/',
    'zh-CN': {
      subject: '【合作伙伴中心】欢迎加入，注册已完成',
      body: '您好，{name}：\n\n您的企业已在合作伙伴中心完成注册，管理员账号为 {email}。\n下一步请登录完成经销商资质认证，申请激励付款前还需完成商业信息认证。\n\n登录：{signInUrl}\n\n合作伙伴中心',
    },
    'en-US': {
      subject: '[Partner Center] Welcome: your registration is complete',
      body: 'Hello {name},\n\nYour company is now registered in the Partner Center; the administrator account is {email}.\nNext, sign in and complete reseller qualification certification; business information certification is needed before incentive payouts.\n\nSign in: {signInUrl}\n\nPartner Center',
    },
  },
  /**
   * Someone tried to register with an address that already has an account (the sign-up answer is
   * the same either way, so only the owner learns it). Data: name, email, signInUrl.
   */
  'identity.account_exists': {
    'zh-CN': {
      subject: '【合作伙伴中心】您已有账号',
      body: '您好，{name}：\n\n有人使用您的邮箱 {email} 申请注册合作伙伴中心，但该邮箱已有账号，因此没有创建新账号。\n如是您本人操作，请直接登录：{signInUrl}\n如非本人操作，请忽略本邮件，您的账号不受影响。\n\n合作伙伴中心',
    },
    'en-US': {
      subject: '[Partner Center] You already have an account',
      body: 'Hello {name},\n\nSomeone asked to register {email} in the Partner Center, but this address already has an account, so no new one was created.\nIf it was you, sign in: {signInUrl}\nIf it was not you, ignore this email; your account is unaffected.\n\nPartner Center',
    },
  },
  /** Security notice after a password change. Data: name. */
  'identity.password_changed': {
    'zh-CN': {
      subject: '【合作伙伴中心】您的登录密码已修改',
      body: '您好，{name}：\n\n您的合作伙伴中心账号密码刚刚已修改，其他设备上的登录已退出。\n如非本人操作，请立即联系我们。\n\n合作伙伴中心\n{publicUrl}',
    },
    'en-US': {
      subject: '[Partner Center] Your password was changed',
      body: 'Hello {name},\n\nThe password of your Partner Center account was just changed, and your other sessions were signed out.\nIf this was not you, contact us at once.\n\nPartner Center\n{publicUrl}',
    },
  },
  /** R9: sent to the old contact once a change is done. Data: name, newTarget (masked). */
  'identity.contact_changed': {
    'zh-CN': {
      subject: '【合作伙伴中心】账号联系方式已变更',
      body: '您好，{name}：\n\n您的合作伙伴中心账号联系方式已变更为 {newTarget}，此后通知将发送到新的联系方式。\n如非本人操作，请立即联系我们。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】您的账号联系方式已变更为 {newTarget}。如非本人操作，请立即联系我们。',
    },
    'en-US': {
      subject: '[Partner Center] Your contact details were changed',
      body: 'Hello {name},\n\nThe contact details of your Partner Center account were changed to {newTarget}; notices now go there.\nIf this was not you, contact us at once.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] Your account contact was changed to {newTarget}. Not you? Contact us at once.',
    },
  },
  /**
   * Someone signed up with a phone number that belongs to an account: the sign-up answers as for a
   * new number (the new account starts without it) and the number's owner gets this. Data: name, signInUrl.
   */
  'identity.phone_in_use': {
    'zh-CN': {
      subject: '【合作伙伴中心】有人使用您的手机号注册',
      body: '您好，{name}：\n\n有人使用您账号的手机号申请注册合作伙伴中心。该手机号已属于您的账号，没有绑定到新账号。\n如是您本人操作，请直接登录：{signInUrl}\n如非本人操作，请忽略本消息，您的账号不受影响。\n\n合作伙伴中心',
      sms: '【合作伙伴中心】有人使用您的手机号申请注册，该号码仍属于您的账号。如是您本人，请直接登录；如非本人操作，请忽略。',
    },
    'en-US': {
      subject: '[Partner Center] Someone signed up with your phone number',
      body: 'Hello {name},\n\nSomeone asked to register in the Partner Center with the phone number of your account. The number stays with your account and was not added to a new one.\nIf it was you, sign in: {signInUrl}\nIf it was not you, ignore this message; your account is unaffected.\n\nPartner Center',
      sms: '[Partner Center] Someone signed up with your phone number; it stays with your account. If it was you, sign in; if not, ignore this.',
    },
  },
  /**
   * Someone asked to move this account's email or phone to another account: the request answered as
   * for a free contact, no code went to it, and its owner gets this. Data: name.
   */
  'identity.contact_in_use': {
    'zh-CN': {
      subject: '【合作伙伴中心】有人尝试绑定您的联系方式',
      body: '您好，{name}：\n\n有人尝试将您账号的邮箱或手机号绑定到另一个合作伙伴中心账号。该联系方式仍属于您的账号，未发送验证码，也未做任何更改。\n如非本人操作，无需处理。\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】有人尝试将您的手机号绑定到另一个账号，号码仍属于您的账号，未做任何更改。',
    },
    'en-US': {
      subject: '[Partner Center] Someone tried to use your contact details',
      body: 'Hello {name},\n\nSomeone tried to add the email address or phone number of your account to another Partner Center account. It stays with your account; no code was sent and nothing changed.\nIf it was not you, nothing needs doing.\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] Someone tried to add your phone number to another account; it stays with yours and nothing changed.',
    },
  },
});
