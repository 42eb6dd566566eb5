// The app's texts: the platform's plus each feature's under its name, one language at a time.
import { FEATURES } from './features/index.ts';
import type { Feature } from './platform/feature.ts';
import type { enUS } from './platform/i18n/en-US.ts';
import type { Language } from './platform/i18n/index.ts';

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

/** All texts of one language. */
export async function loadTexts(lang: Language): Promise<Record<string, unknown>> {
  const [platform, ...features] = await Promise.all([
    PLATFORM[lang](),
    ...FEATURES.map(async (f) => (f.strings ? { [f.name]: await f.strings[lang]() } : {})),
  ]);
  return Object.assign({}, platform, ...features);
}
