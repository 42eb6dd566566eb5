export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Text in both languages; every user-facing string is one of these. */
export type Localized = Record<Locale, string>;

/** Accepts `zh_CN`, `zh-cn`, `en_US`, `en`, … (case-insensitive). */
export function parseLocale(value: string | undefined | null): Locale | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase().replace('_', '-');
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en-US';
  return undefined;
}

/** The first supported language in an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const l = parseLocale(part.split(';')[0]);
    if (l) return l;
  }
  return undefined;
}

/** Fills `{name}` placeholders. */
export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
