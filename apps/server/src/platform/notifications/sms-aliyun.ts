import { createHmac, randomUUID } from 'node:crypto';
import { PermanentSmsError, type SmsMessage, type SmsProvider, type SmsReport } from './sms.ts';

export interface AliyunSmsOptions {
  accessKeyId: string;
  accessKeySecret: string;
  /** The approved signature name (签名名称), e.g. `合作伙伴中心`. */
  signName: string;
  /** Our template id → the approved Alibaba Cloud template code (`SMS_123456789`). */
  templates: Readonly<Record<string, string>>;
  /** `https://dysmsapi.aliyuncs.com/` unless configured (tests point it at a local fake gateway). */
  endpoint: string;
  timeoutMs?: number;
}

/** RFC 3986 encoding as the Alibaba Cloud RPC signature wants it (`%20`, `%2A`, `~` kept). */
export function percentEncode(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%7E/g, '~');
}

/**
 * The RPC signature (SignatureVersion 1.0): the parameters sorted by name and percent-encoded into
 * a canonical query, `GET&%2F&` + that query encoded again, HMAC-SHA1 with `secret&`, Base64.
 */
export function aliyunSignature(method: string, params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

/** Alibaba Cloud wants mainland numbers without +86, others with their country code and no `+`. */
export function aliyunPhone(phone: string): string {
  if (phone.startsWith('+86')) return phone.slice(3);
  return phone.startsWith('+') ? phone.slice(1) : phone;
}

/** Answers no retry can change: the number, the template or the signature is wrong. */
const PERMANENT = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.INVALID_PARAMETERS',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.PARAM_LENGTH_LIMIT',
]);

/**
 * Alibaba Cloud SMS (`dysmsapi`, API version 2017-05-25): `SendSms` with the approved template code
 * per template and the signature name; the record's id goes as `OutId`, and the answer's `BizId` is
 * the provider id. Delivery reports come back by the console's HTTP push (`SmsReport`).
 */
export function createAliyunSmsProvider(o: AliyunSmsOptions): SmsProvider {
  return {
    name: 'aliyun',
    async send(m: SmsMessage) {
      const templateCode = o.templates[m.template];
      if (!templateCode) throw new PermanentSmsError(`no Alibaba Cloud template code for ${m.template}`);
      const params: Record<string, string> = {
        AccessKeyId: o.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        OutId: m.id,
        PhoneNumbers: aliyunPhone(m.to),
        RegionId: 'cn-hangzhou',
        SignName: o.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: templateCode,
        TemplateParam: JSON.stringify(m.params),
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      };
      params.Signature = aliyunSignature('GET', params, o.accessKeySecret);
      const query = Object.entries(params)
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
        .join('&');
      const res = await fetch(`${o.endpoint.replace(/\/?$/, '/')}?${query}`, {
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      const body = (await res.json().catch(() => ({}))) as { Code?: string; BizId?: string };
      if (body.Code === 'OK' && body.BizId) return { providerId: body.BizId };
      const code = body.Code ?? `HTTP ${res.status}`;
      if (PERMANENT.has(code)) throw new PermanentSmsError(`aliyun ${code}`);
      throw new Error(`aliyun ${code} (HTTP ${res.status})`);
    },
  };
}

/** The HTTP push of delivery reports: a JSON array; reports without our `out_id` are skipped. */
export function parseAliyunReports(body: unknown): SmsReport[] {
  if (!Array.isArray(body)) return [];
  return body.flatMap((r: Record<string, unknown>) =>
    r && typeof r.out_id === 'string' && r.out_id
      ? [
          {
            notificationId: r.out_id,
            providerId: typeof r.biz_id === 'string' ? r.biz_id : null,
            delivered: r.success === true || r.success === 'true',
            error: typeof r.err_code === 'string' && r.success !== true ? r.err_code : null,
          },
        ]
      : [],
  );
}
