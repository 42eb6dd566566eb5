import { type AppContext, systemActor } from '../../platform/context.ts';
import { ingestOneBill } from './countersign.service.ts';

/** One marketplace bill of the demo solution provider, waiting for its confirmation. Idempotent. */
export async function seedDemoCountersign(ctx: AppContext): Promise<void> {
  await ingestOneBill(ctx, systemActor(), {
    external_id: 'KOO-DEMO-0001',
    kind: 'marketplace',
    partner: 'prt_demo_solution',
    title: '云商店商品结算 KooGallery settlement',
    period: '2026-11',
    lines: [
      { description: 'SaaS 订阅分成 SaaS subscription share', quantity: 1, amount_fen: 1_280_000 },
      { description: '实施服务 Implementation service', quantity: 2, amount_fen: 360_000 },
    ],
  });
}
