import { inBusinessTz } from '../../platform/clock/clock.ts';

/** `YYYY-MM` of the instant in Asia/Shanghai: the bill cycle an order counts in. */
export function billCycleOf(at: Date): string {
  const z = inBusinessTz(at);
  return `${z.getFullYear()}-${String(z.getMonth() + 1).padStart(2, '0')}`;
}
