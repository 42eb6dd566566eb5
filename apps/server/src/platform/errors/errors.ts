import { format, type Locale, type Localized } from '../i18n/i18n.ts';

export interface ErrorDef {
  status: number;
  message: Localized;
  /**
   * The partner API's code for this error when `/v2` reports it (`CBC.xxxx`); its text is then the
   * CBC code's own wording. Codes without one are `CBC.0999` there.
   */
  cbc?: `CBC.${string}` | `APIGW.${string}`;
}

/**
 * Every error code of the app, as a type. Each `<module>.errors.ts` adds its codes once, from its
 * catalogue object:
 *
 *   export const SpendErrors = defineErrors({ 'spend.invalid_token': { status: 401, message: … } });
 *   declare module '../../platform/errors/errors.ts' {
 *     interface ErrorCodes extends CodesOf<typeof SpendErrors> {}
 *   }
 *
 * and lists the catalogue in its manifest (`errors: SpendErrors`). Nothing is registered at run time:
 * `buildApp` builds one catalogue from the platform's and every manifest's (`createErrorCatalogue`).
 */
// Merged with each module's codes (declaration merging).
export interface ErrorCodes extends CodesOf<typeof CommonErrors> {}
export type ErrorCode = keyof ErrorCodes & string;
export type CodesOf<C> = { readonly [K in keyof C]: true };

/** A catalogue of codes: dotted (`identity.invalid_credentials`) or the partner API's (`CBC.xxxx`). */
export function defineErrors<const C extends Record<string, ErrorDef>>(defs: C): C {
  return defs;
}

/** The one error type of the domain. `details` fill the message and are returned to the caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'AppError';
  }
}

/** Every code with its status and texts; built once per app from the platform's and the modules' catalogues. */
export interface ErrorCatalogue {
  /** The definition of a code; an unknown code counts as `common.internal`. */
  def(code: string): ErrorDef;
  has(code: string): boolean;
  /** The error's message in a language, placeholders filled from its details. */
  message(error: AppError, locale: Locale): string;
  entries(): [string, ErrorDef][];
}

export function createErrorCatalogue(sources: readonly Readonly<Record<string, ErrorDef>>[]): ErrorCatalogue {
  const all = new Map<string, ErrorDef>();
  for (const source of [CommonErrors, ...sources]) {
    for (const [code, def] of Object.entries(source)) {
      const seen = all.get(code);
      if (seen && seen !== def) throw new Error(`error code ${code} is declared twice`);
      all.set(code, def);
    }
  }
  const internal = CommonErrors['common.internal'];
  const def = (code: string) => all.get(code) ?? internal;
  return {
    def,
    has: (code) => all.has(code),
    message: (error, locale) => format(def(error.code).message[locale], error.details),
    entries: () => [...all.entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}

export const CommonErrors = defineErrors({
  'common.validation': {
    status: 400,
    // The reason is the validator's English text: only the English message carries it.
    message: { 'zh-CN': '请求参数无效：{field}', 'en-US': 'Invalid request: {field} {reason}' },
    cbc: 'CBC.0100',
  },
  'common.malformed_json': {
    status: 400,
    message: { 'zh-CN': '请求体不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
    cbc: 'CBC.0100',
  },
  'common.nul_character': {
    status: 400,
    message: {
      'zh-CN': '请求参数无效：{field} 含有不允许的空字符（U+0000）',
      'en-US': 'Invalid request: {field} contains a NUL character (U+0000), which is not allowed',
    },
    cbc: 'CBC.0100',
  },
  'common.bad_url': {
    status: 400,
    message: { 'zh-CN': '请求地址无效', 'en-US': 'The request URL is not valid' },
    cbc: 'CBC.0100',
  },
  'common.uri_too_long': {
    status: 414,
    message: { 'zh-CN': '请求地址过长', 'en-US': 'The request URL is too long' },
    cbc: 'CBC.0100',
  },
  'common.unsupported_charset': {
    status: 415,
    message: {
      'zh-CN': '不支持的字符集 {charset}，请使用 UTF-8',
      'en-US': 'Unsupported charset {charset}; send UTF-8',
    },
    cbc: 'CBC.0100',
  },
  'common.body_too_large': {
    status: 413,
    message: { 'zh-CN': '请求体过大', 'en-US': 'The request body is too large' },
    cbc: 'CBC.0100',
  },
  'common.unsupported_media_type': {
    status: 415,
    message: { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
    cbc: 'CBC.0100',
  },
  'common.not_found': {
    status: 404,
    message: { 'zh-CN': '资源不存在', 'en-US': 'Not found' },
    cbc: 'CBC.99003012',
  },
  'common.unauthenticated': {
    status: 401,
    message: { 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
    cbc: 'CBC.0154',
  },
  'common.forbidden': {
    status: 403,
    message: { 'zh-CN': '无权执行此操作', 'en-US': 'You are not allowed to do this' },
    cbc: 'CBC.0151',
  },
  'common.csrf': {
    status: 403,
    message: {
      'zh-CN': '安全校验失败，请刷新页面后重试',
      'en-US': 'Security check failed; reload the page and try again',
    },
  },
  'common.rate_limited': {
    status: 429,
    message: {
      'zh-CN': '请求过于频繁，请 {retryAfter} 秒后再试',
      'en-US': 'Too many requests; try again in {retryAfter} seconds',
    },
    cbc: 'CBC.0250',
  },
  'common.conflict': {
    status: 409,
    message: { 'zh-CN': '数据已被修改，请刷新后重试', 'en-US': 'The data changed; reload and try again' },
  },
  'common.internal': {
    status: 500,
    message: { 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
    cbc: 'CBC.0999',
  },
  'common.unavailable': {
    status: 503,
    message: { 'zh-CN': '服务暂不可用', 'en-US': 'Service unavailable' },
  },
});
