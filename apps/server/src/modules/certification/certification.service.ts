import './certification.errors.ts';
import type { DbOrTx } from '@pc/db';
import type { z } from 'zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { encryptBankAccount } from './bank-account.crypto.ts';
import { notifyTransition } from './certification.notify.ts';
import {
  findStage,
  insertSubmission,
  listReviews,
  lockStage,
  type SubmissionRow,
  transition,
} from './certification.repository.ts';
import {
  type BusinessView,
  businessData,
  type businessDraftBody,
  type QualificationView,
  qualificationData,
  type qualificationDraftBody,
  type Stage,
} from './certification.schemas.ts';
import { businessViewOf, qualificationViewOf } from './certification.views.ts';

export type DraftInput =
  | { stage: 'qualification'; data: z.infer<typeof qualificationDraftBody> }
  | { stage: 'business'; data: z.infer<typeof businessDraftBody> };

export type ViewOf<S extends Stage> = S extends 'qualification' ? QualificationView : BusinessView;

export async function stageView<S extends Stage>(
  db: DbOrTx,
  partnerId: string,
  stage: S,
): Promise<ViewOf<S>> {
  const row = await findStage(db, partnerId, stage);
  const reviews = row ? await listReviews(db, row.id) : [];
  const view = stage === 'qualification' ? qualificationViewOf(row, reviews) : businessViewOf(row, reviews);
  return view as ViewOf<S>;
}

/** Both stages as the partner sees them (bank account masked). */
export async function getCertification(ctx: AppContext, partnerId: string) {
  return {
    qualification: await stageView(ctx.db, partnerId, 'qualification'),
    business: await stageView(ctx.db, partnerId, 'business'),
  };
}

/** The columns a form fills: secrets sealed, queue columns copied out of the data. */
function columnsOf(
  ctx: AppContext,
  id: string,
  input: DraftInput,
  previous: Record<string, unknown>,
): Partial<SubmissionRow> & { data: Record<string, unknown> } {
  if (input.stage === 'qualification') {
    const data = { ...previous, ...input.data };
    return { data, companyName: (data.companyName as string | undefined) ?? null };
  }
  const { bankAccountNumber, ...rest } = input.data;
  const data = { ...previous, ...rest };
  const out: Partial<SubmissionRow> & { data: Record<string, unknown> } = {
    data,
    companyName: (data.companyLegalName as string | undefined) ?? null,
    taxpayerStatus: (data.taxpayerStatus as string | undefined) ?? null,
  };
  // Digits only, whoever calls (the route's schema already strips spaces; demo data may not).
  const digits = bankAccountNumber?.replace(/\D/g, '');
  if (digits) {
    out.bankAccountEnc = encryptBankAccount(ctx.config.secretKey, id, digits);
    out.bankAccountLast4 = digits.slice(-4);
  }
  return out;
}

/**
 * Saves the form as a draft. Allowed before the first submission and after a rejection (the
 * rejection reason stays visible until the partner resubmits); refused while in review or approved.
 */
export async function saveDraft<S extends Stage>(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  input: Extract<DraftInput, { stage: S }>,
): Promise<ViewOf<S>> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await lockStage(tx, partnerId, input.stage);
    if (!row) {
      const id = newId('cer', now.getTime());
      const created = await insertSubmission(tx, {
        id,
        partnerId,
        stage: input.stage,
        status: 'draft',
        ...columnsOf(ctx, id, input, {}),
        createdAt: now,
        updatedAt: now,
      });
      await ctx.audit.record(tx, actor, {
        action: 'certification.draft_created',
        entityType: 'certification',
        entityId: created.id,
        partnerId,
        after: { stage: input.stage, status: 'draft', fields: Object.keys(created.data as object) },
      });
      return;
    }
    if (row.status !== 'draft' && row.status !== 'rejected') throw new AppError('certification.not_editable');
    const cols = columnsOf(ctx, row.id, input, row.data as Record<string, unknown>);
    const updated = await transition(
      tx,
      row.id,
      { from: ['draft', 'rejected'] },
      { ...cols, updatedAt: now },
    );
    if (!updated) throw new AppError('common.conflict');
    await ctx.audit.record(tx, actor, {
      action: 'certification.draft_saved',
      entityType: 'certification',
      entityId: row.id,
      partnerId,
      // Field names only: the audit log must not become a second copy of bank data.
      after: { stage: input.stage, status: updated.status, fields: Object.keys(input.data) },
    });
  });
  return stageView(ctx.db, partnerId, input.stage as S);
}

/** Field names that are missing or invalid for a submission. */
function missingFields(row: SubmissionRow): string[] {
  if (row.stage === 'qualification') {
    const r = qualificationData.safeParse(row.data);
    return r.success ? [] : [...new Set(r.error.issues.map((i) => String(i.path[0])))];
  }
  const r = businessData.omit({ bankAccountNumber: true }).safeParse(row.data);
  const out = r.success ? [] : [...new Set(r.error.issues.map((i) => String(i.path[0])))];
  if (!row.bankAccountEnc) out.push('bankAccountNumber');
  return out;
}

/** draft | rejected → submitted. Business information needs an approved qualification first (R3). */
export async function submitStage<S extends Stage>(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  stage: S,
): Promise<ViewOf<S>> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await lockStage(tx, partnerId, stage);
    if (!row) throw new AppError('certification.no_draft');
    if (row.status === 'submitted' || row.status === 'under_review') {
      throw new AppError('certification.already_submitted');
    }
    if (row.status === 'approved') throw new AppError('certification.already_approved');
    const missing = missingFields(row);
    if (missing.length > 0) throw new AppError('certification.incomplete', { fields: missing.join(', ') });
    if (stage === 'business') {
      const q = await findStage(tx, partnerId, 'qualification');
      if (q?.status !== 'approved') throw new AppError('certification.qualification_required');
    }
    const updated = await transition(
      tx,
      row.id,
      { from: ['draft', 'rejected'] },
      {
        status: 'submitted',
        submittedAt: now,
        claimedBy: null,
        claimedAt: null,
        decidedBy: null,
        decidedAt: null,
        rejectionReason: null,
        updatedAt: now,
      },
    );
    if (!updated) throw new AppError('common.conflict');
    await ctx.audit.record(tx, actor, {
      action: row.status === 'rejected' ? 'certification.resubmitted' : 'certification.submitted',
      entityType: 'certification',
      entityId: row.id,
      partnerId,
      before: { status: row.status },
      after: { stage, status: 'submitted' },
    });
    await notifyTransition(ctx, tx, updated, 'submitted');
  });
  return stageView(ctx.db, partnerId, stage);
}
