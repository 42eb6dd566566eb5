import { maskBankAccount } from './bank-account.crypto.ts';
import type { ReviewRow, SubmissionRow } from './certification.repository.ts';
import type { BusinessView, QualificationView, Stage, Status } from './certification.schemas.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function base(row: SubmissionRow | undefined, reviews: ReviewRow[]) {
  return {
    id: row?.id ?? null,
    status: (row?.status ?? 'none') as Status | 'none',
    version: row?.version ?? 0,
    submittedAt: iso(row?.submittedAt ?? null),
    decidedAt: iso(row?.decidedAt ?? null),
    rejectionReason: row?.status === 'rejected' ? row.rejectionReason : null,
    history: reviews.map((r) => ({
      decision: r.decision as 'approved' | 'rejected',
      reason: r.reason,
      at: r.at.toISOString(),
    })),
  };
}

export function qualificationViewOf(row: SubmissionRow | undefined, reviews: ReviewRow[]): QualificationView {
  return {
    ...base(row, reviews),
    stage: 'qualification',
    data: (row?.data ?? {}) as QualificationView['data'],
  };
}

export function businessViewOf(row: SubmissionRow | undefined, reviews: ReviewRow[]): BusinessView {
  const data = (row?.data ?? {}) as Omit<BusinessView['data'], 'bankAccountMasked'>;
  return {
    ...base(row, reviews),
    stage: 'business',
    data: { ...data, bankAccountMasked: maskBankAccount(row?.bankAccountLast4 ?? null) },
  };
}

export function queueItemOf(row: SubmissionRow) {
  return {
    id: row.id,
    partnerId: row.partnerId,
    stage: row.stage as Stage,
    status: row.status as Status,
    companyName: row.companyName,
    taxpayerStatus: row.taxpayerStatus,
    version: row.version,
    submittedAt: iso(row.submittedAt),
    claimedBy: row.claimedBy,
    claimedAt: iso(row.claimedAt),
    decidedAt: iso(row.decidedAt),
    rejectionReason: row.rejectionReason,
  };
}
