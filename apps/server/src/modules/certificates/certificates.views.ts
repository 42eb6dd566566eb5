import { extendValidity, isValidAt } from './certificates.dates.ts';
import type { CertificateRow, ReviewRow } from './certificates.repository.ts';
import type { Materials } from './certificates.schemas.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function certificateView(c: CertificateRow, now: Date) {
  return {
    id: c.id,
    number: c.number,
    status:
      c.status === 'active' && isValidAt(c.validUntil, now) ? ('active' as const) : ('expired' as const),
    issuedAt: c.issuedAt.toISOString(),
    validUntil: c.validUntil,
    renewedAt: iso(c.renewedAt),
    expiredAt: iso(c.expiredAt),
  };
}

export function reviewView(r: ReviewRow, now: Date) {
  const awaiting = r.status === 'open' || r.status === 'rejected';
  const beforeDeadline = now.getTime() <= r.deadline.getTime();
  return {
    id: r.id,
    partnerId: r.partnerId,
    cycleYear: r.cycleYear,
    status: r.status as 'open' | 'submitted' | 'approved' | 'rejected' | 'lapsed',
    deadline: r.deadline.toISOString(),
    currentValidUntil: r.currentValidUntil,
    extendedValidUntil: extendValidity(r.currentValidUntil),
    materials: (r.materials as Materials | null) ?? null,
    submissions: r.submissions,
    submittedAt: iso(r.submittedAt),
    reviewedAt: iso(r.reviewedAt),
    rejectReason: r.rejectReason,
    openedAt: r.openedAt.toISOString(),
    closedAt: iso(r.closedAt),
    overdue: awaiting && !beforeDeadline,
    canSubmit: awaiting && beforeDeadline,
  };
}
