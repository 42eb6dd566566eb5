import { type Actor, type AppContext, systemActor } from '../../platform/context.ts';
import { findUserByEmail } from '../identity/index.ts';
import { findBill, stepsOf } from './countersign.repository.ts';
import { approveBill, ingestOneBill } from './countersign.service.ts';

const PARTNER = 'prt_demo_solution';

/**
 * Two marketplace bills of the demo solution provider: last month's, countersigned by every step so
 * its invoicing notice is open (the partner sees what to invoice), and this month's, waiting for the
 * partner's confirmation. Idempotent: bills are stored once per external id and a completed bill
 * is left as it is.
 */
export async function seedDemoCountersign(ctx: AppContext): Promise<void> {
  const done = await ingestOneBill(ctx, systemActor(), {
    external_id: 'KOO-DEMO-0000',
    kind: 'marketplace',
    partner: PARTNER,
    title: '云商店商品结算 KooGallery settlement',
    period: '2026-10',
    lines: [{ description: 'SaaS 订阅分成 SaaS subscription share', quantity: 1, amount_fen: 860_000 }],
  });
  await countersignAll(ctx, done.billId);
  await ingestOneBill(ctx, systemActor(), {
    external_id: 'KOO-DEMO-0001',
    kind: 'marketplace',
    partner: PARTNER,
    title: '云商店商品结算 KooGallery settlement',
    period: '2026-11',
    lines: [
      { description: 'SaaS 订阅分成 SaaS subscription share', quantity: 1, amount_fen: 1_280_000 },
      { description: '实施服务 Implementation service', quantity: 2, amount_fen: 360_000 },
    ],
  });
}

/** Each pending step approved by a demo account that holds it: the partner first, then the operators. */
async function countersignAll(ctx: AppContext, billId: string): Promise<void> {
  const partnerAdmin = await findUserByEmail(ctx.db, 'admin@solution.demo');
  const operatorAdmin = await findUserByEmail(ctx.db, 'admin@operator.demo');
  if (!partnerAdmin || !operatorAdmin) return;
  const actor = (type: Actor['type'], id: string, partnerId: string | null): Actor => ({
    ...systemActor(),
    type,
    id,
    partnerId,
    roles: ['admin'],
  });
  for (let i = 0; i < 10; i++) {
    const bill = await findBill(ctx.db, billId);
    if (bill?.status !== 'countersigning') return;
    const step = (await stepsOf(ctx.db, billId)).find(
      (s) => s.round === bill.round && s.status === 'pending',
    );
    const byPartner = step?.approver === 'partner';
    await approveBill(
      ctx,
      byPartner ? actor('user', partnerAdmin.id, PARTNER) : actor('operator', operatorAdmin.id, null),
      billId,
    );
  }
}
