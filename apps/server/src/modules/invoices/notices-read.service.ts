import { TZDate } from '@date-fns/tz';
import { BUSINESS_TZ } from '../../platform/clock/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { SessionUser } from '../../platform/http/auth.ts';
import { verifyListToken } from './invoice-link.ts';
import { renderInvoiceListPdf } from './invoice-list.pdf.ts';
import { invoiceListOf } from './invoice-list.view.ts';
import './invoices.errors.ts';
import type { InvoiceListView } from './invoices.schemas.ts';
import { noticeDetailOf, noticeSummariesOf } from './invoices.views.ts';
import {
  countNotices,
  findNotice,
  listNotices,
  type NoticeFilter,
  type NoticeRow,
} from './notices.repository.ts';

/** 00:00 Asia/Shanghai of a `YYYY-MM-DD` day. */
function dayStart(day: string, plusDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(new TZDate(y ?? 0, (m ?? 1) - 1, (d ?? 1) + plusDays, BUSINESS_TZ).getTime());
}

export interface NoticeQuery {
  status?: string;
  sourceKind?: string;
  partnerId?: string;
  from?: string;
  to?: string;
}

export function noticeFilterOf(q: NoticeQuery, partnerId?: string): NoticeFilter {
  return {
    ...(partnerId ? { partnerId } : q.partnerId ? { partnerId: q.partnerId } : {}),
    ...(q.status ? { statuses: [q.status] } : {}),
    ...(q.sourceKind ? { sourceKind: q.sourceKind } : {}),
    ...(q.from ? { from: dayStart(q.from) } : {}),
    ...(q.to ? { to: dayStart(q.to, 1) } : {}),
  };
}

export async function listNoticePage(ctx: AppContext, filter: NoticeFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    listNotices(ctx.db, filter, limit, offset),
    countNotices(ctx.db, filter),
  ]);
  return { items: await noticeSummariesOf(ctx, rows), total };
}

/** A notice of this partner, or not found (never another partner's). */
export async function ownNotice(ctx: AppContext, partnerId: string | null, id: string): Promise<NoticeRow> {
  const row = await findNotice(ctx.db, id);
  if (!row || (partnerId !== null && row.partnerId !== partnerId))
    throw new AppError('invoices.notice_not_found');
  return row;
}

export async function noticeDetail(ctx: AppContext, partnerId: string | null, id: string) {
  return noticeDetailOf(ctx, await ownNotice(ctx, partnerId, id));
}

/**
 * The invoice list behind a notice's link. A valid link opens it for anyone holding it; after it
 * expires, a signed-in user of the partner still opens it (the portal shows the same page).
 */
export async function invoiceListByToken(
  ctx: AppContext,
  token: string,
  user: SessionUser | null,
): Promise<InvoiceListView> {
  const check = verifyListToken(ctx.config.secretKey, token, ctx.clock.now());
  if (!check.ok && check.reason === 'invalid') throw new AppError('invoices.link_invalid');
  const row = await findNotice(ctx.db, check.noticeId);
  if (!row) throw new AppError('invoices.link_invalid');
  if (!check.ok && !(user?.userType === 'partner' && user.partnerId === row.partnerId)) {
    throw new AppError('invoices.link_expired');
  }
  return invoiceListOf(ctx, row);
}

export async function invoiceListPdf(view: InvoiceListView) {
  return { fileName: `invoice-list-${view.documentNo}.pdf`, body: await renderInvoiceListPdf(view) };
}
