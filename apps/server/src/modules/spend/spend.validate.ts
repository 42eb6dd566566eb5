import { inBusinessTz } from '../../platform/clock/clock.ts';

/**
 * One spend record as the bulk endpoint and the import accept it. Rules (documented in the API):
 * - `record_id`: 1–64 printable characters, the idempotency key (stored exactly once);
 * - `customer_id`: the customer's account id (customers.domain_id);
 * - `spent_at`: ISO 8601 instant with a zone (`Z` or `±hh:mm`);
 * - `service_type`: 1–64 characters;
 * - `amount_fen`: an integer ≥ 0 and ≤ 10^12. Zero is accepted (free-tier usage lines exist in
 *   real bills; they are stored and change no total). Negative amounts (refunds) are refused:
 *   budget thresholds assume usage only grows within a period;
 * - `payment_kind`: `cash` or `voucher`; only cash counts as eligible (performance, incentives);
 * - optional resource detail for the bills' fee records: `resource_id`, `resource_type`,
 *   `region_code`, `enterprise_project_id` (each 1–64 characters) and `resource_name` (1–128);
 * - optional usage detail, as the provider's fee records name it (kept as given in `detail`):
 *   `usage_type`, `usage_amount`, `usage_measure_id`, `free_resource_usage`,
 *   `free_resource_measure_id`, `ri_usage`, `ri_usage_measure_id`, `product_id`, `product_name`,
 *   `resource_tag`, `sub_service_type_code/_name`, `sub_resource_type_code/_name`,
 *   `sub_resource_id/_name`, `payment_type` (`ALL_UPFRONT` | `PARTIAL_UPFRONT` | `NO_UPFRONT`).
 */
export interface SpendInput {
  recordId: string;
  customerDomainId: string;
  spentAt: Date;
  billCycle: string;
  serviceType: string;
  amountFen: number;
  paymentKind: 'cash' | 'voucher';
  resource: SpendResource;
}

/** What a record may say about the resource it was spent on (all optional). */
export interface SpendResource {
  resourceId: string | null;
  resourceType: string | null;
  resourceName: string | null;
  regionCode: string | null;
  enterpriseProjectId: string | null;
  /** The usage detail fields given (snake_case, as the provider names them), or null. */
  detail: SpendDetail | null;
}

export type SpendDetail = Record<string, string | number>;

/** Usage detail fields: text (max length), a quantity ≥ 0, a measure id, or one of a set. */
const DETAIL_FIELDS: [string, number | 'quantity' | 'measure' | readonly string[]][] = [
  ['usage_type', 64],
  ['usage_amount', 'quantity'],
  ['usage_measure_id', 'measure'],
  ['free_resource_usage', 'quantity'],
  ['free_resource_measure_id', 'measure'],
  ['ri_usage', 'quantity'],
  ['ri_usage_measure_id', 'measure'],
  ['product_id', 64],
  ['product_name', 128],
  ['resource_tag', 256],
  ['sub_service_type_code', 64],
  ['sub_service_type_name', 128],
  ['sub_resource_type_code', 64],
  ['sub_resource_type_name', 128],
  ['sub_resource_id', 64],
  ['sub_resource_name', 128],
  ['payment_type', ['ALL_UPFRONT', 'PARTIAL_UPFRONT', 'NO_UPFRONT']],
];
const QUANTITY = /^\d{1,15}(\.\d{1,8})?$/;

function detailOf(r: Record<string, unknown>): { detail: SpendDetail | null } | { reason: string } {
  let out: SpendDetail | null = null;
  for (const [field, rule] of DETAIL_FIELDS) {
    const v = r[field];
    if (v === undefined || v === null || v === '') continue;
    let value: string | number;
    if (rule === 'quantity' || rule === 'measure') {
      const n = typeof v === 'string' && QUANTITY.test(v) ? Number(v) : v;
      const ok =
        typeof n === 'number' &&
        Number.isFinite(n) &&
        n >= 0 &&
        n < 1e15 &&
        (rule === 'quantity' || (Number.isInteger(n) && n <= 999));
      if (!ok)
        return {
          reason:
            rule === 'quantity'
              ? `${field}: must be a number ≥ 0`
              : `${field}: must be an integer measure id from 0 to 999`,
        };
      value = n as number;
    } else if (Array.isArray(rule)) {
      if (typeof v !== 'string' || !rule.includes(v))
        return { reason: `${field}: must be one of ${rule.join(', ')}` };
      value = v;
    } else {
      const t = text(v, field, rule as number);
      if (typeof t !== 'string') return t;
      value = t;
    }
    out = { ...(out ?? {}), [field]: value };
  }
  return { detail: out };
}

const RESOURCE_FIELDS: [Exclude<keyof SpendResource, 'detail'>, string, number][] = [
  ['resourceId', 'resource_id', 64],
  ['resourceType', 'resource_type', 64],
  ['resourceName', 'resource_name', 128],
  ['regionCode', 'region_code', 64],
  ['enterpriseProjectId', 'enterprise_project_id', 64],
];

function resourceOf(r: Record<string, unknown>): SpendResource | { reason: string } {
  const out: SpendResource = {
    resourceId: null,
    resourceType: null,
    resourceName: null,
    regionCode: null,
    enterpriseProjectId: null,
    detail: null,
  };
  for (const [key, field, max] of RESOURCE_FIELDS) {
    const v = r[field];
    if (v === undefined || v === null || v === '') continue;
    const t = text(v, field, max);
    if (typeof t !== 'string') return t;
    out[key] = t;
  }
  const detail = detailOf(r);
  if ('reason' in detail) return detail;
  out.detail = detail.detail;
  return out;
}

export const MAX_AMOUNT_FEN = 1_000_000_000_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

export type Validated = { ok: true; value: SpendInput } | { ok: false; reason: string };

function text(v: unknown, field: string, max: number): string | { reason: string } {
  if (typeof v !== 'string') return { reason: `${field}: must be a string` };
  if (v.length === 0 || v.length > max) return { reason: `${field}: must be 1-${max} characters` };
  if (CONTROL.test(v)) return { reason: `${field}: contains control characters` };
  return v;
}

/** China has kept UTC+8 without daylight saving since 1992 (it had DST 1986–1991). */
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM` of the instant in Asia/Shanghai (fast path: ingestion computes one per record). */
export function billCycleOf(d: Date): string {
  const t = d.getTime();
  if (t >= FIXED_OFFSET_FROM && t < 253402300800000)
    return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
  const z = inBusinessTz(d);
  return `${z.getFullYear()}-${String(z.getMonth() + 1).padStart(2, '0')}`;
}

/** Validates one raw record (JSON object from the API, NDJSON line or CSV row). */
export function validateSpend(raw: unknown): Validated {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'record: must be an object' };
  const r = raw as Record<string, unknown>;
  const recordId = text(r.record_id, 'record_id', 64);
  if (typeof recordId !== 'string') return { ok: false, ...recordId };
  const customer = text(r.customer_id, 'customer_id', 64);
  if (typeof customer !== 'string') return { ok: false, ...customer };
  const serviceType = text(r.service_type, 'service_type', 64);
  if (typeof serviceType !== 'string') return { ok: false, ...serviceType };
  const at = r.spent_at;
  if (typeof at !== 'string' || !ISO_INSTANT.test(at))
    return { ok: false, reason: 'spent_at: must be an ISO 8601 time with a zone, e.g. 2026-03-01T08:00:00Z' };
  const spentAt = new Date(at);
  if (Number.isNaN(spentAt.getTime())) return { ok: false, reason: 'spent_at: not a valid time' };
  let amount = r.amount_fen;
  if (typeof amount === 'string' && /^\d{1,13}$/.test(amount)) amount = Number(amount);
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > MAX_AMOUNT_FEN)
    return { ok: false, reason: `amount_fen: must be an integer from 0 to ${MAX_AMOUNT_FEN}` };
  const kind = r.payment_kind;
  if (kind !== 'cash' && kind !== 'voucher')
    return { ok: false, reason: 'payment_kind: must be cash or voucher' };
  const resource = resourceOf(r);
  if ('reason' in resource) return { ok: false, ...resource };
  return {
    ok: true,
    value: {
      recordId,
      customerDomainId: customer,
      spentAt,
      billCycle: billCycleOf(spentAt),
      serviceType,
      amountFen: amount,
      paymentKind: kind,
      resource,
    },
  };
}
