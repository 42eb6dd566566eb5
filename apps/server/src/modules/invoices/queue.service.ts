import type { AppContext } from '../../platform/context.ts';
import { partnersByIds } from '../partners/index.ts';
import { countInvoices, countInvoicesByStatus, listInvoices } from './invoices.repository.ts';
import { invoiceViewOf } from './invoices.views.ts';
import { findNotice } from './notices.repository.ts';

/** Finance's invoice queue: oldest first, with the counts of the two work queues. */
export async function invoiceQueue(
  ctx: AppContext,
  q: { status?: string; partnerId?: string; type?: string; limit: number; offset: number },
) {
  const filter = {
    ...(q.status ? { statuses: [q.status] } : { statuses: ['submitted', 'posted', 'received'] }),
    ...(q.partnerId ? { partnerId: q.partnerId } : {}),
    ...(q.type ? { type: q.type } : {}),
  };
  const [rows, total, byStatus] = await Promise.all([
    listInvoices(ctx.db, filter, q.limit, q.offset),
    countInvoices(ctx.db, filter),
    countInvoicesByStatus(ctx.db),
  ]);
  const partners = await partnersByIds(ctx, [...new Set(rows.map((r) => r.partnerId))]);
  const items = await Promise.all(
    rows.map(async (r) => {
      const notice = await findNotice(ctx.db, r.noticeId);
      return {
        ...(await invoiceViewOf(ctx.db, r)),
        partnerName: partners.get(r.partnerId)?.name ?? '',
        documentNo: notice?.documentNo ?? '',
        noticeTotalFen: notice?.totalFen ?? 0,
      };
    }),
  );
  return {
    items,
    total,
    counts: {
      toReceive: (byStatus.submitted ?? 0) + (byStatus.posted ?? 0),
      toCheck: byStatus.received ?? 0,
    },
  };
}
