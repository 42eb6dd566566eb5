import { inBusinessTz } from '../../platform/clock/clock.ts';
import type { ProgramCode } from '../programs/programs.data.ts';

export type ApplicationKind = 'join' | 'assc' | 'upgrade';

/** How a program is entered: cloud resellers only by invitation; ASSC and distributor are R5's two steps. */
export function applicationKindOf(program: ProgramCode): ApplicationKind | 'invitation' {
  if (program === 'cloud_reseller') return 'invitation';
  if (program === 'authorized_sales_support_center') return 'assc';
  if (program === 'distributor') return 'upgrade';
  return 'join';
}

/** The calendar year (Asia/Shanghai) an instant falls in. */
export function businessYear(at: Date): number {
  return inBusinessTz(at).getFullYear();
}

export interface YearAmount {
  year: number;
  amountFen: number;
}

/**
 * R5: the year that qualifies for the ASSC application: the best of last year (complete) and this
 * year so far; the threshold is inclusive. Undefined when neither reaches it.
 */
export function qualifyingPerformance(
  rows: readonly YearAmount[],
  now: Date,
  thresholdFen: number,
): YearAmount | undefined {
  const year = businessYear(now);
  const candidates = rows
    .filter((r) => r.year === year || r.year === year - 1)
    .sort((a, b) => b.amountFen - a.amountFen);
  const best = candidates[0];
  return best && best.amountFen >= thresholdFen ? best : undefined;
}

/** The best amount of last and this year, for the refusal message. */
export function bestRecentFen(rows: readonly YearAmount[], now: Date): number {
  const year = businessYear(now);
  return Math.max(0, ...rows.filter((r) => r.year === year || r.year === year - 1).map((r) => r.amountFen));
}

export const INVITATION_DAYS = 14;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000);
}
