import { BUSINESS_TZ } from '../../platform/clock/clock.ts';
import { AppError } from '../../platform/errors/errors.ts';
import './organization.errors.ts';
import type { InvitationStatus } from './organization.schemas.ts';

/** How long an invitation link stays valid. */
export const INVITATION_DAYS = 7;
/** A certificate is "expiring" (and warned about once) this many days before its expiry date. */
export const EXPIRY_WARNING_DAYS = 30;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000);
}

/** What the list shows: a pending invitation past its time is expired even before the job runs. */
export function effectiveStatus(row: { status: string; expiresAt: Date }, now: Date): InvitationStatus {
  if (row.status === 'pending' && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return row.status as InvitationStatus;
}

/** The calendar date of an instant in Asia/Shanghai, `YYYY-MM-DD`. */
export function businessDate(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: BUSINESS_TZ }).format(at);
}

/** `YYYY-MM` of an instant in Asia/Shanghai: one monthly reminder per member per month. */
export function businessMonth(at: Date): string {
  return businessDate(at).slice(0, 7);
}

/** A calendar date `days` later (or earlier when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A certificate is valid through its expiry date, expiring within the last 30 days of it. */
export function expiryState(endsOn: string, today: string): 'valid' | 'expiring' | 'expired' {
  if (endsOn < today) return 'expired';
  if (endsOn <= addDays(today, EXPIRY_WARNING_DAYS)) return 'expiring';
  return 'valid';
}

/** Exactly one of administrator and member; project specialist on top. Returns them in order. */
export function normalizeRoles(roles: readonly string[]): string[] {
  const set = new Set(roles);
  const base = ['admin', 'member'].filter((r) => set.has(r));
  const extra = [...set].filter((r) => r !== 'admin' && r !== 'member');
  if (base.length !== 1 || extra.some((r) => r !== 'project_specialist')) {
    throw new AppError('organization.roles_invalid');
  }
  return [...base, ...extra];
}

/** Dates of a qualification record that make sense together. */
export function checkQualificationDates(input: {
  kind: string;
  startsOn?: string | null;
  endsOn?: string | null;
}): void {
  if (input.kind === 'certificate' && !input.endsOn) throw new AppError('organization.expiry_required');
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    throw new AppError('organization.dates_out_of_order');
  }
}
