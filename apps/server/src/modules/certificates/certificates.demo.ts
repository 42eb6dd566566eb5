import { atDemoHistoryStart } from '../../platform/clock/demo-history.ts';
import { type AppContext, systemActor } from '../../platform/context.ts';
import { findCertificateByPartner } from './certificates.repository.ts';
import { issueCertificate } from './certificates.service.ts';

/** Demo partners already qualified: they hold a certificate (the reseller earns its own in the journey). */
const CERTIFIED_DEMO_PARTNERS = ['prt_demo_solution', 'prt_demo_distributor'];

/**
 * Issues the demo certificates once; a partner that has one (even expired) is left as it is. The
 * solution provider's is issued as of `demoHistoryStart` (held through the month the demo settles).
 */
export async function seedDemoCertificates(ctx: AppContext): Promise<void> {
  const history = atDemoHistoryStart(ctx);
  await ctx.db.transaction(async (tx) => {
    for (const partnerId of CERTIFIED_DEMO_PARTNERS) {
      if (await findCertificateByPartner(tx, partnerId)) continue;
      const at = partnerId === 'prt_demo_solution' ? history : ctx;
      await issueCertificate(at, tx, partnerId, systemActor());
    }
  });
}
