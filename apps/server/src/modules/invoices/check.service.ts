import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import './invoices.errors.ts';
import { notifyInvoiceChecked } from './invoices.notify.ts';
import { findInvoice, type InvoiceRow, invoicesOfNotice, updateInvoiceFrom } from './invoices.repository.ts';
import type { InvoiceView } from './invoices.schemas.ts';
import { invoiceViewOf } from './invoices.views.ts';
import { insertNoticeEvent, lockNotice, type NoticeRow, updateNotice } from './notices.repository.ts';

export type CheckAction = 'receive' | 'accept' | 'return';

const FROM: Record<CheckAction, readonly string[]> = {
  // Paper invoices arrive by post; electronic ones are received with their file.
  receive: ['submitted', 'posted'],
  accept: ['received'],
  return: ['submitted', 'posted', 'received'],
};
const TO: Record<CheckAction, string> = { receive: 'received', accept: 'accepted', return: 'returned' };

async function lockedInvoice(tx: DbOrTx, id: string): Promise<{ inv: InvoiceRow; notice: NoticeRow }> {
  const found = await findInvoice(tx, id);
  if (!found) throw new AppError('invoices.invoice_not_found');
  // The notice first, as submissions do: one order of locks, and its sums stay consistent.
  const notice = await lockNotice(tx, found.noticeId);
  const inv = await findInvoice(tx, id);
  if (!notice || !inv) throw new AppError('invoices.invoice_not_found');
  return { inv, notice };
}

/**
 * R20 finance check: receive a posted paper invoice, accept an invoice that matches its notice, or
 * return it with a reason (the partner is told and resubmits; the returned amount is released). When
 * every invoice of a fully invoiced notice is accepted, the notice is accepted and can be paid.
 */
export async function checkInvoice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: CheckAction,
  reason?: string,
): Promise<InvoiceView> {
  return ctx.db.transaction(async (tx) => {
    const { inv, notice } = await lockedInvoice(tx, id);
    const now = ctx.clock.now();
    const row = await updateInvoiceFrom(tx, inv.id, FROM[action], {
      status: TO[action],
      updatedAt: now,
      ...(action === 'receive' ? { receivedAt: now } : { checkedAt: now, checkedBy: actor.id }),
      ...(action === 'return' ? { returnReason: reason ?? '' } : {}),
    });
    if (!row) throw new AppError('invoices.invalid_transition', { status: inv.status });
    await insertNoticeEvent(tx, {
      id: newId('ive', now.getTime()),
      noticeId: notice.id,
      invoiceId: inv.id,
      state: TO[action],
      detail: { invoiceNumber: inv.invoiceNumber, ...(reason ? { reason } : {}) },
      at: now,
    });
    await ctx.audit.record(tx, actor, {
      action: `invoices.invoice_${TO[action]}`,
      entityType: 'invoice',
      entityId: inv.id,
      partnerId: inv.partnerId,
      before: { status: inv.status },
      after: { status: row.status, ...(reason ? { reason } : {}) },
    });
    if (action === 'return') {
      await updateNotice(tx, notice.id, {
        status: 'open',
        invoicedExTaxFen: notice.invoicedExTaxFen - inv.amountExTaxFen,
        invoicedTaxFen: notice.invoicedTaxFen - inv.taxFen,
        updatedAt: now,
      });
      await notifyInvoiceChecked(ctx, tx, notice, row, 'returned');
    } else if (action === 'accept') {
      await notifyInvoiceChecked(ctx, tx, notice, row, 'accepted');
      await acceptNoticeWhenDone(tx, notice, now);
    }
    return invoiceViewOf(tx, row);
  });
}

async function acceptNoticeWhenDone(tx: DbOrTx, notice: NoticeRow, now: Date): Promise<void> {
  const full = notice.invoicedExTaxFen === notice.amountExTaxFen && notice.invoicedTaxFen === notice.taxFen;
  const live = (await invoicesOfNotice(tx, notice.id)).filter((i) => i.status !== 'returned');
  if (full && live.every((i) => i.status === 'accepted')) {
    await updateNotice(tx, notice.id, { status: 'accepted', updatedAt: now });
  }
}

/** The same action on many invoices; each in its own transaction, each outcome reported. */
export async function bulkCheck(
  ctx: AppContext,
  actor: Actor,
  ids: readonly string[],
  action: 'receive' | 'accept',
) {
  const results: { id: string; ok: boolean; code: string | null; message: string | null }[] = [];
  for (const id of ids) {
    try {
      await checkInvoice(ctx, actor, id, action);
      results.push({ id, ok: true, code: null, message: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, code: e.code, message: ctx.errors.message(e, actor.locale) });
    }
  }
  return { results };
}
