import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { createInvoicingNotice } from '../invoices/index.ts';
import { getPartner, getPartnerByDomainId } from '../partners/index.ts';
import { chainOf } from './countersign.chains.ts';
import './countersign.errors.ts';
import { approversOf, notifyStep } from './countersign.notify.ts';
import {
  type BillRow,
  findBillByExternal,
  insertBillOnce,
  insertSteps,
  lockBill,
  type StepRow,
  stepsOf,
  updateBill,
  updateStep,
} from './countersign.repository.ts';
import type { IngestBill } from './countersign.schemas.ts';

/** How long each approver has before the step escalates to their manager. */
export const STEP_DUE_HOURS = 48;

const KIND_TEXT = {
  marketplace: { 'zh-CN': '云商店商品账单', 'en-US': 'Marketplace (KooGallery) bill' },
  procurement: { 'zh-CN': '采购介入类账单', 'en-US': 'Procurement bill' },
} as const;

type Outcome = { outcome: 'created' | 'resent' | 'duplicate'; billId: string };

async function partnerOf(ctx: AppContext, tx: DbOrTx, ref: string) {
  const p = ref.startsWith('prt_') ? await getPartner(ctx, ref, tx) : await getPartnerByDomainId(tx, ref);
  if (!p) throw new AppError('countersign.unknown_partner', { partner: ref });
  return p;
}

/** Writes the round's steps from the kind's chain; the first becomes pending and its approvers are told. */
async function startRound(ctx: AppContext, tx: DbOrTx, bill: BillRow, now: Date): Promise<void> {
  const { steps } = await chainOf(tx, bill.kind);
  const rows = steps.map((s, i) => ({
    id: newId('css', now.getTime()),
    billId: bill.id,
    round: bill.round,
    seq: i + 1,
    approver: s.approver,
    label: s.label,
    status: i === 0 ? 'pending' : 'waiting',
    dueAt: i === 0 ? new Date(now.getTime() + STEP_DUE_HOURS * 3600_000) : null,
  }));
  await insertSteps(tx, rows);
  const first = (await stepsOf(tx, bill.id)).find((s) => s.round === bill.round && s.seq === 1) as StepRow;
  await updateBill(tx, bill.id, { currentStep: 1 });
  await notifyStep(
    ctx,
    tx,
    'countersign.step_pending',
    bill,
    first,
    await approversOf(ctx, tx, bill, first.approver),
  );
}

/**
 * One bill from the billing system or the console upload: stored once per (kind, external id);
 * the same bill again is a duplicate, unless it was returned — then it is the corrected bill and
 * countersigning starts a new round.
 */
export async function ingestOneBill(ctx: AppContext, actor: Actor, input: IngestBill): Promise<Outcome> {
  return ctx.db.transaction(async (tx) => {
    const partner = await partnerOf(ctx, tx, input.partner);
    const now = ctx.clock.now();
    const lines = input.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      amountFen: l.amount_fen,
    }));
    const fields = {
      partnerId: partner.id,
      title: input.title,
      period: input.period,
      lines,
      totalFen: lines.reduce((s, l) => s + l.amountFen, 0),
    };
    const existing = await findBillByExternal(tx, input.kind, input.external_id);
    if (existing) {
      if (existing.status !== 'returned') return { outcome: 'duplicate', billId: existing.id };
      if (existing.partnerId !== partner.id)
        throw new AppError('countersign.unknown_partner', { partner: input.partner });
      const bill = await updateBill(tx, existing.id, {
        ...fields,
        status: 'countersigning',
        round: existing.round + 1,
        returnReason: null,
        updatedAt: now,
      });
      await audit(ctx, tx, actor, bill, 'countersign.bill_resent', {
        round: bill.round,
        totalFen: bill.totalFen,
      });
      await startRound(ctx, tx, bill, now);
      return { outcome: 'resent', billId: bill.id };
    }
    const bill = await insertBillOnce(tx, {
      id: newId('csb', now.getTime()),
      kind: input.kind,
      externalId: input.external_id,
      ...fields,
      status: 'countersigning',
      round: 1,
      createdAt: now,
      updatedAt: now,
    });
    if (!bill) {
      const winner = await findBillByExternal(tx, input.kind, input.external_id);
      return { outcome: 'duplicate', billId: winner?.id ?? '' };
    }
    await audit(ctx, tx, actor, bill, 'countersign.bill_received', {
      totalFen: bill.totalFen,
      kind: bill.kind,
    });
    await startRound(ctx, tx, bill, now);
    return { outcome: 'created', billId: bill.id };
  });
}

export async function ingestBills(ctx: AppContext, actor: Actor, bills: IngestBill[]) {
  const results = [];
  for (const [index, b] of bills.entries()) {
    try {
      const r = await ingestOneBill(ctx, actor, b);
      results.push({ index, externalId: b.external_id, ...r, code: null, message: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({
        index,
        externalId: b.external_id,
        outcome: 'error' as const,
        billId: null,
        code: e.code,
        message: ctx.errors.message(e, actor.locale),
      });
    }
  }
  return { results };
}

function audit(ctx: AppContext, tx: DbOrTx, actor: Actor, bill: BillRow, action: string, after: object) {
  return ctx.audit.record(tx, actor, {
    action,
    entityType: 'countersign_bill',
    entityId: bill.id,
    partnerId: bill.partnerId,
    after: { externalId: bill.externalId, ...after },
  });
}

/** May this actor act on the step? The partner's administrators, or operators of the role (and operator admins). */
function mayAct(actor: Actor, bill: BillRow, step: StepRow): boolean {
  if (step.approver === 'partner') {
    return actor.type === 'user' && actor.partnerId === bill.partnerId && actor.roles.includes('admin');
  }
  return actor.type === 'operator' && (actor.roles.includes(step.approver) || actor.roles.includes('admin'));
}

async function currentStep(tx: DbOrTx, actor: Actor, id: string, partnerId: string | null) {
  const bill = await lockBill(tx, id);
  if (!bill || (partnerId && bill.partnerId !== partnerId)) throw new AppError('countersign.bill_not_found');
  if (bill.status !== 'countersigning')
    throw new AppError('countersign.not_countersigning', { status: bill.status });
  const steps = (await stepsOf(tx, bill.id)).filter((s) => s.round === bill.round);
  const step = steps.find((s) => s.status === 'pending');
  if (!step) throw new AppError('countersign.not_countersigning', { status: bill.status });
  if (!mayAct(actor, bill, step)) {
    throw new AppError('countersign.not_your_step', {
      step: (step.label as Record<string, string>)[actor.locale],
    });
  }
  return { bill, steps, step };
}

/**
 * Approves the caller's step; the next approver is told. After the last step the bill is complete
 * and its invoicing notice is issued in the same transaction (the partner is told to invoice).
 */
export async function approveBill(
  ctx: AppContext,
  actor: Actor,
  id: string,
  partnerId: string | null = null,
) {
  return ctx.db.transaction(async (tx) => {
    const { bill, steps, step } = await currentStep(tx, actor, id, partnerId);
    const now = ctx.clock.now();
    await updateStep(tx, step.id, { status: 'approved', actedBy: actor.id, actedAt: now });
    await audit(ctx, tx, actor, bill, 'countersign.step_approved', {
      round: bill.round,
      seq: step.seq,
      approver: step.approver,
    });
    const next = steps.find((s) => s.seq === step.seq + 1);
    if (next) {
      const dueAt = new Date(now.getTime() + STEP_DUE_HOURS * 3600_000);
      await updateStep(tx, next.id, { status: 'pending', dueAt });
      await updateBill(tx, bill.id, { currentStep: next.seq, updatedAt: now });
      await notifyStep(
        ctx,
        tx,
        'countersign.step_pending',
        bill,
        { ...next, dueAt },
        await approversOf(ctx, tx, bill, next.approver),
      );
      return bill.id;
    }
    const [y, m] = bill.period.split('-').map(Number);
    const notice = await createInvoicingNotice(ctx, tx, actor, {
      partnerId: bill.partnerId,
      source: { kind: 'bill', id: bill.id },
      lines: (bill.lines as { description: string; amountFen: number }[]).map((l) => ({
        text: {
          'zh-CN': `${KIND_TEXT[bill.kind as 'marketplace']['zh-CN']} ${bill.period} ${l.description}`,
          'en-US': `${KIND_TEXT[bill.kind as 'marketplace']['en-US']} ${bill.period} ${l.description}`,
        },
        preTaxFen: l.amountFen,
      })),
      periodStart: new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1) - 8 * 3600_000),
    });
    await updateBill(tx, bill.id, {
      status: 'completed',
      currentStep: null,
      noticeId: notice.id,
      updatedAt: now,
    });
    await audit(ctx, tx, actor, bill, 'countersign.completed', { noticeId: notice.id });
    return bill.id;
  });
}

/** Any approver may return the bill with a reason; the partner is told and the sender resends it corrected. */
export async function returnBill(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reason: string,
  partnerId: string | null = null,
) {
  return ctx.db.transaction(async (tx) => {
    const { bill, step } = await currentStep(tx, actor, id, partnerId);
    const now = ctx.clock.now();
    await updateStep(tx, step.id, { status: 'returned', actedBy: actor.id, actedAt: now, reason });
    const updated = await updateBill(tx, bill.id, {
      status: 'returned',
      currentStep: null,
      returnReason: reason,
      updatedAt: now,
    });
    await audit(ctx, tx, actor, bill, 'countersign.returned', { round: bill.round, seq: step.seq, reason });
    await notifyStep(
      ctx,
      tx,
      'countersign.returned',
      updated,
      { ...step, reason },
      await approversOf(ctx, tx, bill, 'partner'),
    );
    return bill.id;
  });
}

export async function bulkApprove(ctx: AppContext, actor: Actor, ids: readonly string[]) {
  const results: { id: string; ok: boolean; code: string | null; message: string | null }[] = [];
  for (const id of ids) {
    try {
      await approveBill(ctx, actor, id);
      results.push({ id, ok: true, code: null, message: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, code: e.code, message: ctx.errors.message(e, actor.locale) });
    }
  }
  return { results };
}
