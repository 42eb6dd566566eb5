import type { Locale } from 'antd/es/locale';

// The app's languages (as in ./index.ts, which imports this file).
type Language = 'zh-CN' | 'en-US';

// Ant Design's own texts (pagination, date pickers, empty states), loaded with the language.
const LOADERS: Record<Language, () => Promise<{ default: Locale }>> = {
  'zh-CN': () => import('antd/es/locale/zh_CN'),
  'en-US': () => import('antd/es/locale/en_US'),
};
const loaded = new Map<Language, Locale>();

export async function loadAntdLocale(lang: Language): Promise<void> {
  if (!loaded.has(lang)) loaded.set(lang, (await LOADERS[lang]()).default);
}

/** The locale of a language already loaded (initI18n and changeLanguage load it first). */
export function antdLocale(lang: Language): Locale | undefined {
  return loaded.get(lang);
}
