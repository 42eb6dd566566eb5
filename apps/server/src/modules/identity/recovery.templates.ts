import { defineTemplates } from '../../platform/notifications/template.ts';

/** Password reset. Data: name, code, minutes, emailParam (the address, URL-encoded). */
export const recoveryTemplates = defineTemplates({
  'identity.password_reset': {
    'zh-CN': {
      subject: '【合作伙伴中心】重置密码验证码 {code}',
      body: '您好，{name}：\n\n您正在重置合作伙伴中心账号的密码，验证码为：{code}\n也可以打开以下链接直接设置新密码：\n{publicUrl}/reset-password?email={emailParam}&code={code}\n\n验证码和链接 {minutes} 分钟内有效，只能使用一次。重置后，所有设备上的登录都会退出。\n如非本人操作，请忽略本邮件，您的密码不会改变。\n\n合作伙伴中心',
    },
    'en-US': {
      subject: '[Partner Center] Your password reset code {code}',
      body: 'Hello {name},\n\nYou asked to reset the password of your Partner Center account. Your code is: {code}\nOr open this link to set a new password:\n{publicUrl}/reset-password?email={emailParam}&code={code}\n\nThe code and the link work once, for {minutes} minutes. After the reset, every signed-in device is signed out.\nIf this was not you, ignore this email; your password stays as it is.\n\nPartner Center',
    },
  },
});
