import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { activeProgramsOf } from '../memberships/index.ts';
import { periodByKey, periodOf } from './incentives.periods.ts';
import type { PolicyRules } from './policies.schemas.ts';
import { versionsInForce } from './policies.service.ts';
import {
  fullServiceTypeCode,
  KNOWN_SERVICE_TYPES,
  serviceTypeName,
  shortServiceTypeCode,
} from './service-types.ts';
import { categoryRate } from './settlement.rules.ts';

/** The provider's `incentive_policy` codes. */
const SPECIFIC = '1';
const NON_SPECIFIC = '0';
const NO_PERFORMANCE_NO_REBATE = '2';
const PERFORMANCE_NO_REBATE = '13';

function classify(
  rules: readonly PolicyRules[],
  serviceType: string,
): { policy: string; allowDiscount: boolean } {
  let best = NO_PERFORMANCE_NO_REBATE;
  let allowDiscount = true;
  for (const r of rules) {
    if (r.serviceTypes !== null && !r.serviceTypes.includes(serviceType)) continue;
    const rate = categoryRate(r, serviceType);
    if (rate === null) continue;
    if (!r.allowDiscount) allowDiscount = false;
    const specific = r.rates.some((x) => x.category === serviceType);
    const code = rate === 0 ? PERFORMANCE_NO_REBATE : specific ? SPECIFIC : NON_SPECIFIC;
    // A specific rebate beats a general one, which beats performance only.
    const rank = (c: string) =>
      [NO_PERFORMANCE_NO_REBATE, PERFORMANCE_NO_REBATE, NON_SPECIFIC, SPECIFIC].indexOf(c);
    if (rank(code) > rank(best)) best = code;
  }
  return { policy: best, allowDiscount };
}

/**
 * ListIncentiveDiscountPolicies: per service type, the incentive policy that applies to the
 * calling partner at 23:59:59 on the last day of month `time` (Asia/Shanghai), and whether the
 * partner may grant its own discount. Service types: the known catalogue and those policies name.
 */
export async function listIncentiveDiscountPolicies(
  ctx: AppContext,
  partnerId: string,
  q: { time?: string; service_type_code?: string; offset: number; limit: number },
  locale: Locale,
) {
  const month = q.time ? periodByKey(q.time) : periodOf('monthly', ctx.clock.now());
  const at = new Date((month ?? periodOf('monthly', ctx.clock.now())).end.getTime() - 1000);
  const programs = (await activeProgramsOf(ctx.db, [partnerId])).get(partnerId) ?? [];
  const inForce = [
    ...(await versionsInForce(ctx.db, 'monthly', at)),
    ...(await versionsInForce(ctx.db, 'quarterly', at)),
  ].filter((v) => programs.includes(v.policy.program));
  const rules = inForce.map((v) => v.rules);
  const named = new Set(KNOWN_SERVICE_TYPES);
  for (const r of rules) {
    for (const s of r.serviceTypes ?? []) named.add(shortServiceTypeCode(s));
    for (const x of r.rates) if (x.category !== '*') named.add(shortServiceTypeCode(x.category));
  }
  let types = [...named].sort();
  if (q.service_type_code !== undefined) {
    const wanted = shortServiceTypeCode(q.service_type_code);
    types = types.filter((t) => t === wanted);
  }
  const all = types.map((t) => {
    // Policies may name a type by its short or its full code.
    const c1 = classify(rules, t);
    const c2 = classify(rules, fullServiceTypeCode(t));
    const c = c1.policy !== NO_PERFORMANCE_NO_REBATE ? c1 : c2;
    return {
      service_type_code: fullServiceTypeCode(t),
      service_type_name: serviceTypeName(t)[locale],
      incentive_policy: c.policy,
      allow_discount: c.allowDiscount ? ('YES' as const) : ('NO' as const),
    };
  });
  return { policies: all.slice(q.offset, q.offset + q.limit), total_count: all.length };
}
