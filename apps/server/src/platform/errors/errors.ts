import { format, type Locale, type Localized } from '../i18n/i18n.ts';

export interface ErrorDef {
  status: number;
  message: Localized;
}

const catalog = new Map<string, ErrorDef>();

/**
 * Registers a module's error codes. Codes are stable: dotted (`identity.invalid_credentials`) for
 * the portal API, `CBC.xxxx` for the partner API. Messages may use `{placeholders}` from details.
 */
export function defineErrors<K extends string>(defs: Record<K, ErrorDef>): Record<K, K> {
  const codes = {} as Record<K, K>;
  for (const [code, def] of Object.entries(defs) as [K, ErrorDef][]) {
    catalog.set(code, def);
    codes[code] = code;
  }
  return codes;
}

export function errorDef(code: string): ErrorDef | undefined {
  return catalog.get(code);
}

export function allErrorCodes(): [string, ErrorDef][] {
  return [...catalog.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The one error type of the domain. `details` fill the message and are returned to the caller. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    const def = catalog.get(code);
    if (!def) throw new Error(`unregistered error code ${code}`);
    super(code, options);
    this.name = 'AppError';
    this.status = def.status;
  }
  messageIn(locale: Locale): string {
    const def = catalog.get(this.code);
    return def ? format(def.message[locale], this.details) : this.code;
  }
}

export const CommonErrors = defineErrors({
  'common.validation': {
    status: 400,
    message: { 'zh-CN': '请求参数无效：{field} {reason}', 'en-US': 'Invalid request: {field} {reason}' },
  },
  'common.malformed_json': {
    status: 400,
    message: { 'zh-CN': '请求体不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  },
  'common.body_too_large': {
    status: 413,
    message: { 'zh-CN': '请求体过大', 'en-US': 'The request body is too large' },
  },
  'common.unsupported_media_type': {
    status: 415,
    message: { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  },
  'common.not_found': {
    status: 404,
    message: { 'zh-CN': '资源不存在', 'en-US': 'Not found' },
  },
  'common.unauthenticated': {
    status: 401,
    message: { 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
  },
  'common.forbidden': {
    status: 403,
    message: { 'zh-CN': '无权执行此操作', 'en-US': 'You are not allowed to do this' },
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
    message: { 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests; try again later' },
  },
  'common.conflict': {
    status: 409,
    message: { 'zh-CN': '数据已被修改，请刷新后重试', 'en-US': 'The data changed; reload and try again' },
  },
  'common.internal': {
    status: 500,
    message: { 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
  },
  'common.unavailable': {
    status: 503,
    message: { 'zh-CN': '服务暂不可用', 'en-US': 'Service unavailable' },
  },
});
