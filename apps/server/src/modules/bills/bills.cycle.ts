import './bills.errors.ts';
import { AppError } from '../../platform/errors/errors.ts';

const CYCLE = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Asia/Shanghai has been UTC+8 without daylight saving since 1992; bill cycles start later. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** True for `YYYY-MM` with a real month. */
export function isBillCycle(v: string): boolean {
  return CYCLE.test(v);
}

/** The instants [from, to) of a bill cycle `YYYY-MM` in Asia/Shanghai. */
export function cycleBounds(cycle: string): { from: Date; to: Date } {
  const m = CYCLE.exec(cycle);
  if (!m) throw new AppError('bills.invalid_cycle', { cycle });
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return {
    from: new Date(Date.UTC(y, mo - 1, 1) - SHANGHAI_OFFSET_MS),
    to: new Date(Date.UTC(y, mo, 1) - SHANGHAI_OFFSET_MS),
  };
}

/** The bill cycle an instant falls in (Asia/Shanghai). */
export function cycleOf(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);
}

/**
 * `YYYY-MM-DD` day bounds inside a cycle (the API's bill_date_begin/end), as instants [from, to).
 * Null when a date is not inside the cycle or begin is after end.
 */
export function dayRange(cycle: string, begin: string, end: string): { from: Date; to: Date } | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(begin) || !day.test(end)) return null;
  if (begin.slice(0, 7) !== cycle || end.slice(0, 7) !== cycle || begin > end) return null;
  const from = new Date(`${begin}T00:00:00+08:00`);
  const to = new Date(new Date(`${end}T00:00:00+08:00`).getTime() + 86_400_000);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return null;
  return { from, to };
}
