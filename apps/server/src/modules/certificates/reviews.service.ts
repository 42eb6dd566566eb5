import './certificates.errors.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { businessDateTime, extendValidity, isValidAt, reviewCycleOf } from './certificates.dates.ts';
import {
  countReviewsByStatus,
  extendCertificate,
  findCertificate,
  findCertificateByPartner,
  findReview,
  listReviews,
  partnerName,
  type ReviewRow,
  type ReviewStatus,
  reviewsOfCertificate,
  updateReviewIf,
} from './certificates.repository.ts';
import type { Materials } from './certificates.schemas.ts';
import { notifyPartner } from './certificates.service.ts';
import { certificateView, reviewView } from './certificates.views.ts';

/** The partner's certificate, its current review and past reviews (portal; console partner tab). */
export async function getPartnerCertificate(ctx: AppContext, partnerId: string) {
  const now = ctx.clock.now();
  const cert = await findCertificateByPartner(ctx.db, partnerId);
  if (!cert) return { certificate: null, currentReview: null, reviews: [] };
  const reviews = (await reviewsOfCertificate(ctx.db, cert.id)).map((r) => reviewView(r, now));
  const cycle = reviewCycleOf(cert.validUntil);
  // The review deciding the current validity, or the latest one when that was approved (extended).
  const current =
    reviews.find((r) => r.cycleYear === cycle) ?? reviews.find((r) => r.cycleYear === cycle - 1);
  return { certificate: certificateView(cert, now), currentReview: current ?? null, reviews };
}

/** A review of the caller's partner, or not found: other partners' reviews do not exist for it. */
async function ownReview(ctx: AppContext, partnerId: string, reviewId: string): Promise<ReviewRow> {
  const r = await findReview(ctx.db, reviewId);
  if (!r || r.partnerId !== partnerId) throw new AppError('certificates.review_not_found');
  return r;
}

/** The coded refusal for a submission the review's state does not allow. */
function refuseSubmit(r: ReviewRow): never {
  if (r.status === 'submitted') throw new AppError('certificates.review_already_submitted');
  if (r.status === 'approved' || r.status === 'lapsed') throw new AppError('certificates.review_closed');
  throw new AppError('certificates.deadline_passed', { deadline: businessDateTime(r.deadline) });
}

/** The partner submits (or, after a rejection, resubmits) the review's materials before the deadline. */
export async function submitMaterials(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  reviewId: string,
  materials: Materials,
) {
  const now = ctx.clock.now();
  const r = await ownReview(ctx, partnerId, reviewId);
  if (r.status !== 'open' && r.status !== 'rejected') refuseSubmit(r);
  if (now.getTime() > r.deadline.getTime()) refuseSubmit(r);
  return ctx.db.transaction(async (tx) => {
    const updated = await updateReviewIf(tx, r.id, [r.status as ReviewStatus], {
      status: 'submitted',
      materials,
      submissions: r.submissions + 1,
      submittedAt: now,
      submittedBy: actor.id,
      rejectReason: null,
      updatedAt: now,
    });
    if (!updated) {
      const fresh = (await findReview(tx, r.id)) ?? r;
      refuseSubmit(fresh);
    }
    await ctx.audit.record(tx, actor, {
      action: r.status === 'rejected' ? 'certificate.review_resubmitted' : 'certificate.review_submitted',
      entityType: 'certificate_review',
      entityId: r.id,
      partnerId,
      before: { status: r.status },
      after: { status: 'submitted', submissions: updated.submissions, materials },
    });
    return reviewView(updated, now);
  });
}

/**
 * Approves a submitted review: validity moves to 31 January of the next year. The status guard
 * makes exactly one of two concurrent decisions win; the other gets a coded refusal.
 */
export async function approveReview(ctx: AppContext, actor: Actor, reviewId: string) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const r = await findReview(tx, reviewId);
    if (!r) throw new AppError('certificates.review_not_found');
    const cert = await findCertificate(tx, r.certificateId);
    if (cert?.status !== 'active' || !isValidAt(cert.validUntil, now)) {
      throw new AppError('certificates.certificate_expired');
    }
    const updated = await updateReviewIf(tx, r.id, ['submitted'], {
      status: 'approved',
      reviewedAt: now,
      reviewedBy: actor.id,
      closedAt: now,
      updatedAt: now,
    });
    if (!updated) throw new AppError('certificates.review_not_submitted');
    const to = extendValidity(r.currentValidUntil);
    const extended = await extendCertificate(tx, cert.id, r.currentValidUntil, to, now);
    if (!extended) throw new AppError('common.conflict');
    await ctx.audit.record(tx, actor, {
      action: 'certificate.review_approved',
      entityType: 'certificate_review',
      entityId: r.id,
      partnerId: r.partnerId,
      before: { status: 'submitted', validUntil: r.currentValidUntil },
      after: { status: 'approved', validUntil: to },
    });
    await ctx.audit.record(tx, actor, {
      action: 'certificate.renewed',
      entityType: 'certificate',
      entityId: cert.id,
      partnerId: r.partnerId,
      before: { validUntil: r.currentValidUntil },
      after: { validUntil: to },
    });
    await notifyPartner(
      ctx,
      tx,
      r.partnerId,
      'certificates.review_approved',
      `certificates.review_approved:${r.id}`,
      {
        number: cert.number,
        cycleYear: r.cycleYear,
        validUntil: to,
      },
    );
    return reviewView(updated, now);
  });
}

/** Rejects a submitted review with a reason; the partner may resubmit until the deadline. */
export async function rejectReview(ctx: AppContext, actor: Actor, reviewId: string, reason: string) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const r = await findReview(tx, reviewId);
    if (!r) throw new AppError('certificates.review_not_found');
    const updated = await updateReviewIf(tx, r.id, ['submitted'], {
      status: 'rejected',
      rejectReason: reason,
      reviewedAt: now,
      reviewedBy: actor.id,
      updatedAt: now,
    });
    if (!updated) throw new AppError('certificates.review_not_submitted');
    await ctx.audit.record(tx, actor, {
      action: 'certificate.review_rejected',
      entityType: 'certificate_review',
      entityId: r.id,
      partnerId: r.partnerId,
      before: { status: 'submitted' },
      after: { status: 'rejected', reason },
    });
    const cert = await findCertificate(tx, r.certificateId);
    await notifyPartner(
      ctx,
      tx,
      r.partnerId,
      'certificates.review_rejected',
      `certificates.review_rejected:${r.id}:${r.submissions}`,
      { number: cert?.number ?? '', cycleYear: r.cycleYear, reason, deadline: businessDateTime(r.deadline) },
    );
    return reviewView(updated, now);
  });
}

/** Approves each review on its own: one refusal does not undo the others. */
export async function bulkApprove(ctx: AppContext, actor: Actor, ids: string[]) {
  const results: { id: string; ok: boolean; code: string | null; message: string | null }[] = [];
  for (const id of new Set(ids)) {
    try {
      await approveReview(ctx, actor, id);
      results.push({ id, ok: true, code: null, message: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, code: e.code, message: e.messageIn(actor.locale) });
    }
  }
  return { results };
}

export interface QueueQuery {
  status?: ReviewStatus;
  cycleYear?: number;
  q?: string;
  partnerId?: string;
  overdue?: 'true' | 'false';
  limit: number;
  before?: string;
}

/** The console's review queue, newest first, with per-status counts for the filter tabs. */
export async function listReviewQueue(ctx: AppContext, q: QueueQuery) {
  const now = ctx.clock.now();
  const rows = await listReviews(ctx.db, {
    status: q.status,
    cycleYear: q.cycleYear,
    q: q.q,
    partnerId: q.partnerId,
    overdueAt: q.overdue === 'true' ? now : undefined,
    beforeId: q.before,
    limit: q.limit,
  });
  const numbers = new Map<string, string>();
  for (const { r } of rows) {
    if (numbers.has(r.certificateId)) continue;
    numbers.set(r.certificateId, (await findCertificate(ctx.db, r.certificateId))?.number ?? '');
  }
  const items = rows.map(({ r, partnerName }) => ({
    ...reviewView(r, now),
    partnerName,
    certificateNumber: numbers.get(r.certificateId) || null,
  }));
  const last = rows.at(-1);
  return {
    items,
    nextBefore: rows.length === q.limit && last ? last.r.id : null,
    counts: await countReviewsByStatus(ctx.db, q.cycleYear),
  };
}

export async function getReviewDetail(ctx: AppContext, reviewId: string) {
  const now = ctx.clock.now();
  const r = await findReview(ctx.db, reviewId);
  if (!r) throw new AppError('certificates.review_not_found');
  const cert = await findCertificate(ctx.db, r.certificateId);
  return {
    review: {
      ...reviewView(r, now),
      partnerName: (await partnerName(ctx.db, r.partnerId)) ?? '',
      certificateNumber: cert?.number ?? null,
    },
    certificate: cert ? certificateView(cert, now) : null,
  };
}
