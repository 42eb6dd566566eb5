import { createHash } from 'node:crypto';
import { atDemoHistoryStart } from '../../platform/clock/demo-history.ts';
import { type AppContext, systemActor } from '../../platform/context.ts';
import type { Localized } from '../../platform/i18n/i18n.ts';
import { findPartner } from './partners.repository.ts';
import { createPartner } from './partners.service.ts';

export type DemoPartnerKey = 'solution' | 'distributor' | 'reseller';

/** The three demo companies; ids and domain ids are fixed so links and API examples stay valid. */
export const DEMO_PARTNERS: Record<DemoPartnerKey, { id: string; name: Localized }> = {
  solution: {
    id: 'prt_demo_solution',
    name: { 'zh-CN': '华辰云科技有限公司', 'en-US': 'Huachen Cloud Technology Co., Ltd.' },
  },
  distributor: {
    id: 'prt_demo_distributor',
    name: { 'zh-CN': '远航数据分销有限公司', 'en-US': 'Yuanhang Data Distribution Co., Ltd.' },
  },
  reseller: {
    id: 'prt_demo_reseller',
    name: { 'zh-CN': '云启信息技术有限公司', 'en-US': 'Yunqi Information Technology Co., Ltd.' },
  },
};

/** A stable 32-hex domain id per demo partner. */
export function demoDomainId(key: DemoPartnerKey): string {
  return createHash('sha256').update(`demo-partner:${key}`).digest('hex').slice(0, 32);
}

/**
 * The demo partners. Idempotent: a partner that exists is left as it is. The solution provider is
 * registered as of `demoHistoryStart` (its past month is settled by the incentives demo).
 */
export async function seedDemoPartners(ctx: AppContext): Promise<void> {
  const actor = systemActor();
  const history = atDemoHistoryStart(ctx);
  await ctx.db.transaction(async (tx) => {
    for (const [key, p] of Object.entries(DEMO_PARTNERS) as [
      DemoPartnerKey,
      { id: string; name: Localized },
    ][]) {
      if (await findPartner(tx, p.id)) continue;
      const at = key === 'solution' ? history : ctx;
      await createPartner(at, tx, actor, { id: p.id, name: p.name['zh-CN'], domainId: demoDomainId(key) });
    }
  });
}
