import { defineTemplates } from './template.ts';

/** Templates that belong to no single module. */
export const commonTemplates = defineTemplates({
  /** A free-form notice from the platform (maintenance windows, policy changes). */
  'common.notice': {
    link: '{link}',
    'zh-CN': {
      subject: '【合作伙伴中心】{title}',
      body: '您好，{name}：\n\n{text}\n\n合作伙伴中心\n{publicUrl}',
      sms: '【合作伙伴中心】{title}：{text}',
    },
    'en-US': {
      subject: '[Partner Center] {title}',
      body: 'Hello {name},\n\n{text}\n\nPartner Center\n{publicUrl}',
      sms: '[Partner Center] {title}: {text}',
    },
  },
});
