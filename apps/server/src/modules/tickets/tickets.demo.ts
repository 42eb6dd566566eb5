import { type AppContext, systemActor } from '../../platform/context.ts';
import { findUserByEmail } from '../identity/identity.repository.ts';
import { dueTimeFrom, seedHolidayCalendar } from './calendar.service.ts';
import { findTicket, insertReply, insertTicket } from './tickets.repository.ts';

const HOUR = 3600_000;

/**
 * Demo data: the 2026/2027 holiday calendar, and two tickets of the cloud reseller (one waiting
 * for support, one answered). Idempotent: fixed ids, existing rows are left alone.
 */
export async function seedDemoTickets(ctx: AppContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const added = await seedHolidayCalendar(ctx, tx);
    if (added > 0) {
      await ctx.audit.record(tx, systemActor(), {
        action: 'holiday.seeded',
        entityType: 'holiday_calendar',
        entityId: '2026-2027',
        after: { added },
      });
    }
    const partner = await findUserByEmail(tx, 'admin@reseller.demo');
    const support = await findUserByEmail(tx, 'support@operator.demo');
    if (!partner?.partnerId || (await findTicket(tx, 'tkt_demo_open'))) return;
    const now = ctx.clock.now();
    const openedAt = new Date(now.getTime() - 2 * HOUR);
    await insertTicket(tx, {
      id: 'tkt_demo_open',
      partnerId: partner.partnerId,
      openedBy: partner.id,
      category: 'certification',
      subject: '资质认证材料需要补充哪些内容？',
      description: '我们的经销商资质认证被驳回，原因是营业执照副本不清晰。请问重新提交时还需要补充哪些材料？',
      status: 'open',
      assigneeId: null,
      slaStartedAt: openedAt,
      dueAt: await dueTimeFrom(tx, openedAt),
      lastReplyAt: openedAt,
      createdAt: openedAt,
      updatedAt: openedAt,
    });
    if (!support) return;
    const askedAt = new Date(now.getTime() - 30 * HOUR);
    const answeredAt = new Date(now.getTime() - 26 * HOUR);
    await insertTicket(tx, {
      id: 'tkt_demo_answered',
      partnerId: partner.partnerId,
      openedBy: partner.id,
      category: 'account',
      subject: 'How do I add a project specialist?',
      description: 'We want a colleague to follow our customers’ projects. Where do we invite them?',
      status: 'pending',
      assigneeId: support.id,
      slaStartedAt: askedAt,
      dueAt: await dueTimeFrom(tx, askedAt),
      lastReplyAt: answeredAt,
      createdAt: askedAt,
      updatedAt: answeredAt,
    });
    await insertReply(tx, {
      id: 'tkr_demo_answer',
      ticketId: 'tkt_demo_answered',
      authorId: support.id,
      authorType: 'operator',
      kind: 'reply',
      body: 'Go to Organization > Members, invite your colleague by email, then give them the project specialist role.',
      createdAt: answeredAt,
    });
  });
}
