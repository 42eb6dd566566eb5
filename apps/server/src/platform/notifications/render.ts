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

/**
 * An amount given as yuan text ("-1234.5", "1234.56") with its thousands grouped ("-1,234.50"), or with
 * the currency sign too (`yuan`: "-¥1,234.50"). Exact: only the text's digits are regrouped.
 */
function money(v: unknown, format: 'money' | 'yuan', where: string): string {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(String(v));
  if (!m) throw new TemplateError(`${where}: ${String(v)} is not an amount in yuan`);
  const [, sign = '', whole = '', cents = ''] = m;
  const grouped = `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents.padEnd(2, '0')}`;
  return `${sign}${format === 'yuan' ? '¥' : ''}${grouped}`;
}

/**
 * Fills `{name}`, and `{name:money}` / `{name:yuan}` with an amount formatted (`money` above); a
 * placeholder without a value is a bug in the caller, never sent to a person.
 */
function fill(text: string, data: Record<string, unknown>, where: string): string {
  return text.replace(/\{(\w+)(?::(money|yuan))?\}/g, (_m, k: string, format?: 'money' | 'yuan') => {
    const v = data[k];
    if (v === undefined || v === null) throw new TemplateError(`${where}: no value for {${k}}`);
    return format ? money(v, format, where) : String(v);
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
