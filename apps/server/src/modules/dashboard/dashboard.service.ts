import type { AppContext } from '../../platform/context.ts';
import { recentBudgetAlerts } from '../budgets/index.ts';
import { certificateStateOf } from '../certificates/index.ts';
import { performanceView, unconfirmedNoticesOf } from '../incentives/index.ts';
import { annualPerformanceOf, managerContact, pendingInvitationsOf } from '../memberships/index.ts';
import { ticketsAwaitingPartner } from '../tickets/index.ts';

/**
 * The partner's landing page in one call: performance against the threshold (this year and last),
 * certificate, open tasks, budget alerts of the last 30 days and the assigned ecosystem manager.
 */
export async function partnerDashboard(ctx: AppContext, partnerId: string) {
  const perf = await performanceView(ctx, partnerId);
  const [previous, cert, invitations, tickets, notices, alerts, manager] = await Promise.all([
    annualPerformanceOf(ctx, partnerId, perf.year - 1),
    certificateStateOf(ctx, partnerId),
    pendingInvitationsOf(ctx, partnerId),
    ticketsAwaitingPartner(ctx, partnerId),
    unconfirmedNoticesOf(ctx, partnerId),
    recentBudgetAlerts(ctx, partnerId),
    managerContact(ctx, partnerId),
  ]);
  return {
    performance: {
      year: perf.year,
      amountFen: perf.amountFen,
      previousYearFen: previous ?? 0,
      thresholdFen: perf.thresholdFen,
      reached: perf.reached,
      remainingFen: perf.remainingFen,
    },
    certificate: cert.certificate,
    tasks: {
      reviewDue: cert.reviewDue
        ? { deadline: cert.reviewDue.deadline.toISOString(), status: cert.reviewDue.status }
        : null,
      invitations,
      ticketsAwaitingReply: tickets,
      unconfirmedIncentives: notices,
    },
    budgetAlerts: alerts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    manager: manager ? { name: manager.name, email: manager.email, phone: manager.phone } : null,
  };
}
