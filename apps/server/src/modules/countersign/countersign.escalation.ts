import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { managersOf, notifyStep } from './countersign.notify.ts';
import { findBill, overdueSteps, updateStep } from './countersign.repository.ts';

/**
 * Overdue steps go to the approver's manager, once per step (escalatedAt), in batches; the rows are
 * locked with SKIP LOCKED so two schedulers never escalate the same step. Returns how many.
 */
export async function escalateOverdueSteps(ctx: AppContext, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const steps = await overdueSteps(tx, now, 100);
      for (const step of steps) {
        const bill = await findBill(tx, step.billId);
        if (!bill) continue;
        await updateStep(tx, step.id, { escalatedAt: now });
        await notifyStep(
          ctx,
          tx,
          'countersign.escalated',
          bill,
          step,
          await managersOf(ctx, tx, step.approver),
        );
        await ctx.audit.record(tx, systemActor(), {
          action: 'countersign.step_escalated',
          entityType: 'countersign_bill',
          entityId: bill.id,
          partnerId: bill.partnerId,
          after: { round: step.round, seq: step.seq, approver: step.approver, dueAt: step.dueAt },
        });
      }
      return steps.length;
    });
    total += n;
    if (n < 100) return total;
  }
}
