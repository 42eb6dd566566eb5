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
 *   `region_code`, `enterprise_project_id` (each 1–64 characters) and `resource_name` (1–128).
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
}

const RESOURCE_FIELDS: [keyof SpendResource, string, number][] = [
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
  };
  for (const [key, field, max] of RESOURCE_FIELDS) {
    const v = r[field];
    if (v === undefined || v === null || v === '') continue;
    const t = text(v, field, max);
    if (typeof t !== 'string') return t;
    out[key] = t;
  }
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
