// The app's texts: the platform's plus each feature's under its name, one language at a time.
import { FEATURES } from './features/index.ts';
import type { Feature } from './platform/feature.ts';
import type { enUS } from './platform/i18n/en-US.ts';
import i18next, { currentLanguage, type Language } from './platform/i18n/index.ts';

type FeatureTexts<F> =
  F extends Feature<infer N, infer S> ? ([S] extends [never] ? Record<never, never> : Record<N, S>) : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every key `t()` accepts. */
export type AppTexts = typeof enUS & Intersect<FeatureTexts<(typeof FEATURES)[number]>>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: AppTexts };
  }
}

const PLATFORM: Record<Language, () => Promise<Record<string, unknown>>> = {
  'en-US': () => import('./platform/i18n/en-US.ts').then((m) => m.enUS),
  'zh-CN': () => import('./platform/i18n/zh-CN.ts').then((m) => m.zhCN),
};

/** Features whose texts this page has needed so far (a language switch loads them again). */
const wanted = new Set<string>();
const loaded = new Set<string>();
const loading = new Map<string, Promise<void>>();

async function featureTexts(name: string, lang: Language): Promise<Record<string, unknown>> {
  const f = FEATURES.find((x) => x.name === name);
  return f?.strings ? { [name]: await f.strings[lang]() } : {};
}

/**
 * The texts i18next starts with or switches to: the platform's and those of the features already
 * needed. A feature's texts come with its pages (see ensureTexts), so the sign-in page downloads none.
 */
export async function loadTexts(lang: Language): Promise<Record<string, unknown>> {
  const names = [...wanted];
  const [platform, ...features] = await Promise.all([
    PLATFORM[lang](),
    ...names.map((n) => featureTexts(n, lang)),
  ]);
  for (const n of names) loaded.add(`${lang}:${n}`);
  return Object.assign({}, platform, ...features);
}

/** Asks for these features' texts before i18next starts, so they come with the platform's in one go. */
export function wantTexts(names: readonly string[]): void {
  for (const n of names) wanted.add(n);
}

/** Whether these features' texts are there in the language in use. */
export function hasTexts(names: readonly string[]): boolean {
  const lang = currentLanguage();
  return names.every((n) => loaded.has(`${lang}:${n}`));
}

/** Loads these features' texts in the language in use (once; the same promise while loading). */
export function ensureTexts(names: readonly string[]): Promise<void> {
  const lang = currentLanguage();
  return Promise.all(
    names.map((name) => {
      wanted.add(name);
      const key = `${lang}:${name}`;
      let p = loading.get(key);
      if (!p) {
        p = featureTexts(name, lang).then((texts) => {
          i18next.addResourceBundle(lang, 'translation', texts, true, true);
          loaded.add(key);
        });
        loading.set(key, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/** Every text of one language (for tests). */
export async function loadAllTexts(lang: Language): Promise<Record<string, unknown>> {
  const [platform, ...features] = await Promise.all([
    PLATFORM[lang](),
    ...FEATURES.map((f) => featureTexts(f.name, lang)),
  ]);
  return Object.assign({}, platform, ...features);
}
