import './certification.errors.ts';
import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { issueCertificate } from '../certificates/certificates.service.ts';
import { getPartner } from '../partners/partners.service.ts';
import { decryptBankAccount, maskBankAccount } from './bank-account.crypto.ts';
import { notifyTransition } from './certification.notify.ts';
import {
  findSubmission,
  insertReview,
  listQueue,
  listReviews,
  type SubmissionRow,
  transition,
} from './certification.repository.ts';
import type { QueueQuery, ReviewDetail } from './certification.schemas.ts';
import { queueItemOf } from './certification.views.ts';

/** The operator `admin` may decide what another reviewer claimed; reviewers only their own. */
const isAdmin = (actor: Actor) => actor.roles.includes('admin');

export async function listReviewQueue(ctx: AppContext, actor: Actor, q: QueueQuery) {
  const { rows, total } = await listQueue(ctx.db, { ...q, claimedBy: q.mine ? (actor.id ?? '') : undefined });
  return { items: rows.map(queueItemOf), total };
}

export async function getReviewDetail(
  ctx: AppContext,
  id: string,
  db: DbOrTx = ctx.db,
): Promise<ReviewDetail> {
  const row = await findSubmission(db, id);
  if (!row) throw new AppError('common.not_found');
  const partner = await getPartner(ctx, row.partnerId, db);
  const reviews = await listReviews(db, row.id);
  const data: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(row.data as Record<string, unknown>))
    data[k] = v == null ? null : String(v);
  if (row.stage === 'business') data.bankAccountNumber = maskBankAccount(row.bankAccountLast4);
  return {
    ...queueItemOf(row),
    partnerName: partner?.name ?? null,
    data,
    history: reviews.map((r) => ({
      decision: r.decision as 'approved' | 'rejected',
      reason: r.reason,
      reviewerId: r.reviewerId,
      at: r.at.toISOString(),
    })),
  };
}

/** Why a guarded transition matched no row, as the most specific error. */
async function refusal(
  db: DbOrTx,
  id: string,
  actor: Actor,
  expected: 'submitted' | 'under_review',
  version?: number,
): Promise<AppError> {
  const row = await findSubmission(db, id);
  if (!row) return new AppError('common.not_found');
  if (row.status !== expected) {
    return new AppError(
      expected === 'submitted' ? 'certification.not_claimable' : 'certification.not_under_review',
    );
  }
  if (version !== undefined && row.version !== version) return new AppError('common.conflict');
  if (row.claimedBy !== actor.id) return new AppError('certification.claimed_by_other');
  return new AppError('common.conflict');
}

/** submitted → under_review, claimed by this reviewer. Two reviewers claiming at once: one wins. */
export async function claimSubmission(ctx: AppContext, actor: Actor, id: string, version?: number) {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await transition(
      tx,
      id,
      { from: ['submitted'], version },
      { status: 'under_review', claimedBy: actor.id, claimedAt: now, updatedAt: now },
    );
    if (!row) throw await refusal(tx, id, actor, 'submitted', version);
    await ctx.audit.record(tx, actor, {
      action: 'certification.claimed',
      entityType: 'certification',
      entityId: id,
      partnerId: row.partnerId,
      before: { status: 'submitted' },
      after: { stage: row.stage, status: 'under_review', claimedBy: actor.id },
    });
    await notifyTransition(ctx, tx, row, 'under_review');
  });
  return getReviewDetail(ctx, id);
}

type Decision = { decision: 'approved' } | { decision: 'rejected'; reason: string };

/**
 * under_review → approved | rejected. The conditional update is the lock: of two concurrent
 * decisions on one submission exactly one matches `status = under_review`, the other is refused
 * and changes nothing. Approving the qualification stage issues the partner certificate (R7).
 */
export async function decideSubmission(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: Decision,
  version?: number,
): Promise<ReviewDetail> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row: SubmissionRow | undefined = await transition(
      tx,
      id,
      { from: ['under_review'], version, claimedBy: isAdmin(actor) ? undefined : (actor.id ?? '') },
      {
        status: decision.decision,
        decidedBy: actor.id,
        decidedAt: now,
        rejectionReason: decision.decision === 'rejected' ? decision.reason : null,
        updatedAt: now,
      },
    );
    if (!row) throw await refusal(tx, id, actor, 'under_review', version);
    await insertReview(tx, {
      id: newId('cerv', now.getTime()),
      submissionId: id,
      decision: decision.decision,
      reason: decision.decision === 'rejected' ? decision.reason : null,
      reviewerId: actor.id,
      at: now,
    });
    await ctx.audit.record(tx, actor, {
      action: `certification.${decision.decision}`,
      entityType: 'certification',
      entityId: id,
      partnerId: row.partnerId,
      before: { status: 'under_review' },
      after: { stage: row.stage, status: row.status, reason: row.rejectionReason },
    });
    await notifyTransition(ctx, tx, row, decision.decision);
    if (row.stage === 'qualification' && decision.decision === 'approved') {
      await issueCertificate(ctx, tx, row.partnerId, actor);
    }
  });
  return getReviewDetail(ctx, id);
}

export interface BulkInput {
  action: 'claim' | 'approve' | 'reject';
  ids: string[];
  reason?: string;
}

/** Each item in its own transaction: one refusal does not undo the others; every outcome is reported. */
export async function bulkReview(ctx: AppContext, actor: Actor, input: BulkInput) {
  if (input.action === 'reject' && !input.reason) {
    throw new AppError('common.validation', { field: 'reason', reason: 'required' });
  }
  const results = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      if (input.action === 'claim') await claimSubmission(ctx, actor, id);
      else if (input.action === 'approve') await decideSubmission(ctx, actor, id, { decision: 'approved' });
      else await decideSubmission(ctx, actor, id, { decision: 'rejected', reason: input.reason ?? '' });
      results.push({ id, ok: true, code: null, message: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, code: e.code, message: e.messageIn(actor.locale) });
    }
  }
  return { results };
}

/** Finance only: the full account number, once, with the reason in the audit log. */
export async function revealBankAccount(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await findSubmission(tx, id);
    if (!row) throw new AppError('common.not_found');
    if (!row.bankAccountEnc) throw new AppError('certification.no_bank_account');
    const bankAccountNumber = decryptBankAccount(ctx.config.secretKey, row.id, row.bankAccountEnc);
    await ctx.audit.record(tx, actor, {
      action: 'certification.bank_account_revealed',
      entityType: 'certification',
      entityId: row.id,
      partnerId: row.partnerId,
      after: { reason, last4: row.bankAccountLast4 },
    });
    return { bankAccountNumber };
  });
}
