import type { Locale } from '../i18n/i18n.ts';

/** One language of a template. Text may use `{placeholders}` from the notify call's `data`. */
export interface TemplateText {
  /** Email subject; also the title of the in-app message. */
  subject: string;
  /** Email body (plain text); also the body of the in-app message. */
  body: string;
  /** SMS text; required when the template is sent by SMS. Keep it short. */
  sms?: string;
}

/** A notification template: its text in both languages and, optionally, a portal link. */
export type NotificationTemplate = Record<Locale, TemplateText> & {
  /** Portal path the in-app message links to (placeholders allowed), e.g. `/messages`. */
  link?: string;
};

/**
 * A module's templates, keyed by template id (`<module>.<name>`). Each module keeps them in
 * `modules/<module>/<module>.templates.ts`, e.g.
 * `export const identityTemplates = defineTemplates({ 'identity.email_code': { 'zh-CN': …, 'en-US': … } })`,
 * and its manifest's `templates` puts them in the registry. Always available in `data`: `{publicUrl}`.
 */
export function defineTemplates<K extends string>(
  defs: Record<K, NotificationTemplate>,
): Record<K, NotificationTemplate> {
  return defs;
}
