import { AppError, type CodesOf, defineErrors, type ErrorCatalogue } from '../errors/errors.ts';
import type { Locale } from '../i18n/i18n.ts';

/** The partner API contract's own codes (`../shared/PARTNER-API.md`). */
export const CbcErrors = defineErrors({
  'CBC.0100': {
    status: 400,
    // One wording per language; the reason is the validator's English text, so only English has it.
    message: { 'zh-CN': '参数错误：{field}', 'en-US': 'Parameter error: {field} {reason}' },
  },
  'CBC.0101': {
    status: 400,
    message: { 'zh-CN': '参数无效：{field}', 'en-US': 'Invalid parameter: {field}' },
  },
  'CBC.0151': { status: 403, message: { 'zh-CN': '访问被拒绝', 'en-US': 'Access denied' } },
  'CBC.0154': { status: 401, message: { 'zh-CN': '令牌无效', 'en-US': 'Invalid token' } },
  'CBC.0155': {
    status: 403,
    message: { 'zh-CN': '当前账号不允许此操作', 'en-US': 'This operation is not allowed for this account' },
  },
  'CBC.0250': {
    status: 429,
    message: { 'zh-CN': '请求过于频繁，已触发流控', 'en-US': 'Flow control: too many requests' },
  },
  'CBC.0999': { status: 500, message: { 'zh-CN': '其他错误', 'en-US': 'Other error' } },
  'CBC.99000000': {
    status: 400,
    message: { 'zh-CN': '没有该客户的操作权限', 'en-US': 'No permission on this customer' },
  },
  'CBC.99000035': {
    status: 400,
    message: { 'zh-CN': '该客户不是您的客户', 'en-US': 'The customer is not your customer' },
  },
  'CBC.99000036': { status: 400, message: { 'zh-CN': '密码格式不正确', 'en-US': 'Invalid password format' } },
  'CBC.99000037': {
    status: 400,
    message: { 'zh-CN': '没有该云经销商的操作权限', 'en-US': 'No permission on this reseller' },
  },
  'CBC.99000050': {
    status: 500,
    message: { 'zh-CN': '查询关联结果超时', 'en-US': 'Querying the association result timed out' },
  },
  'CBC.99003012': { status: 400, message: { 'zh-CN': '资源不存在', 'en-US': 'Resource not found' } },
  'CBC.99003602': {
    status: 400,
    message: { 'zh-CN': '资源已过期或已冻结', 'en-US': 'The resource has expired or is frozen' },
  },
  'CBC.99003605': {
    status: 400,
    message: { 'zh-CN': '已取消自动续费', 'en-US': 'Auto-renewal is already cancelled' },
  },
  'CBC.99008040': { status: 400, message: { 'zh-CN': '操作过于频繁', 'en-US': 'Too frequent' } },
  'APIG.0101': {
    status: 404,
    message: {
      'zh-CN': 'API 不存在或未发布到环境',
      'en-US': 'The API does not exist or has not been published in the environment',
    },
  },
  'APIGW.0301': {
    status: 401,
    message: {
      'zh-CN': '请求签名校验失败（{reason}）',
      'en-US': 'Incorrect IAM authentication information: request signature verification failed ({reason})',
    },
  },
});

declare module '../errors/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof CbcErrors> {}
}

const isApiCode = (code: string) => code.startsWith('CBC.') || code.startsWith('APIGW.');

/**
 * The partner API's dialect of any error, in one place: its own `CBC.`/`APIGW.` codes as they are,
 * other codes as their catalogue's `cbc` code (else `CBC.0999`), with that code's wording.
 */
export function toCbcError(
  catalogue: ErrorCatalogue,
  error: AppError,
  locale: Locale,
): { status: number; error_code: string; error_msg: string } {
  const status = catalogue.def(error.code).status;
  if (isApiCode(error.code)) {
    return { status, error_code: error.code, error_msg: catalogue.message(error, locale) };
  }
  const code = catalogue.def(error.code).cbc ?? 'CBC.0999';
  // A module's code answers as the CBC code it stands for; the platform's own (`common.*`: 404, 413,
  // 415, 429 …) keep their HTTP status, which says more than the CBC code's.
  const answered = error.code.startsWith('common.') ? status : catalogue.def(code).status;
  // The CBC code's wording; without a validator reason, the original English text is the reason.
  const details = { field: '', reason: catalogue.message(error, 'en-US'), ...error.details };
  const text = catalogue.message(new AppError(code as AppError['code'], details), locale);
  return {
    status: answered,
    error_code: code,
    error_msg: text.replace(/\s+/g, ' ').replace(/[\s：:]+$/, ''),
  };
}
