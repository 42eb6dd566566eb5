import type { Locale } from '../i18n/i18n.ts';
import type { NotificationTemplate } from './template.ts';

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export interface Rendered {
  subject: string;
  body: string;
  sms: string | null;
  link: string | null;
}

/** Fills `{name}`; a placeholder without a value is a bug in the caller, never sent to a person. */
function fill(text: string, data: Record<string, unknown>, where: string): string {
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => {
    const v = data[k];
    if (v === undefined || v === null) throw new TemplateError(`${where}: no value for {${k}}`);
    return String(v);
  });
}

/** Links are optional: a link whose placeholders have no values is left out. */
function fillOptional(text: string, data: Record<string, unknown>): string | null {
  try {
    return fill(text, data, 'link');
  } catch {
    return null;
  }
}

export function renderTemplate(
  registry: Readonly<Record<string, NotificationTemplate>>,
  id: string,
  locale: Locale,
  data: Record<string, unknown>,
): Rendered {
  const tpl = registry[id];
  if (!tpl) throw new TemplateError(`unknown notification template ${id}`);
  const text = tpl[locale];
  const where = `${id}/${locale}`;
  return {
    subject: fill(text.subject, data, where),
    body: fill(text.body, data, where),
    sms: text.sms ? fill(text.sms, data, where) : null,
    link: tpl.link ? fillOptional(tpl.link, data) : null,
  };
}
