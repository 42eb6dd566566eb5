import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadAntdLocale } from './antd-locale.ts';

export type Language = 'zh-CN' | 'en-US';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'lang';

export function parseLanguage(value: string | null | undefined): Language | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v.startsWith('zh')) return 'zh-CN';
  if (v.startsWith('en')) return 'en-US';
  return undefined;
}

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

/** The visitor's language: their last choice here, else the browser's, else Chinese. */
function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled; the cookie still works.
  }
  return (
    parseLanguage(stored) ??
    parseLanguage(readCookie(STORAGE_KEY)) ??
    parseLanguage(navigator.languages?.[0] ?? navigator.language) ??
    'zh-CN'
  );
}

/** Remembers the choice in this browser; the cookie also tells the server which language to answer in. */
export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Ignored: see initialLanguage.
  }
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: it must be set before the next request; the Cookie Store API is async and not in every browser we support.
  document.cookie = `${STORAGE_KEY}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}

export function currentLanguage(): Language {
  return parseLanguage(i18next.language) ?? 'zh-CN';
}

/** Loads every text of one language (the platform's and each feature's). */
export type LoadTexts = (lang: Language) => Promise<Record<string, unknown>>;

/**
 * Starts i18next with the visitor's language. Texts come per language from `load`, so a visitor
 * downloads one language only; changing language loads the other before switching.
 */
export async function initI18n(load: LoadTexts): Promise<void> {
  await i18next
    .use(initReactI18next)
    .use({
      type: 'backend',
      init() {},
      read(lang: string, _ns: string, done: (err: unknown, data?: Record<string, unknown>) => void) {
        const language = parseLanguage(lang);
        if (!language) return done(null, {});
        Promise.all([load(language), loadAntdLocale(language)]).then(
          ([data]) => done(null, data),
          (err) => done(err),
        );
      },
    })
    .init({
      lng: initialLanguage(),
      // Both languages have every key (a test checks), so the other one is never needed.
      fallbackLng: false,
      load: 'currentOnly',
      supportedLngs: LANGUAGES,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  applyDocumentLanguage(i18next.language);
}

function applyDocumentLanguage(lang: string): void {
  document.documentElement.lang = lang;
}
i18next.on('languageChanged', applyDocumentLanguage);

export default i18next;
