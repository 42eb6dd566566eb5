import { type AppContext, systemActor } from '../../platform/context.ts';
import { businessDate, businessYear } from './certificates.dates.ts';
import {
  certificatesNeedingReview,
  certificatesToExpire,
  expireCertificate,
  lapseReviewsOf,
} from './certificates.repository.ts';
import { notifyPartner, openReview } from './certificates.service.ts';

const BATCH = 100;

/**
 * The 1 December job: opens the review of the slot's year for every active certificate valid to
 * 31 January of the next year. One transaction per certificate; a rerun skips those done.
 */
export async function openAnnualReviews(ctx: AppContext, slot: Date): Promise<number> {
  const cycleYear = businessYear(slot);
  const actor = systemActor();
  let opened = 0;
  for (;;) {
    const batch = await certificatesNeedingReview(ctx.db, `${cycleYear + 1}-01-31`, cycleYear, BATCH);
    for (const cert of batch) {
      if (await ctx.db.transaction((tx) => openReview(ctx, tx, actor, cert, cycleYear))) opened++;
    }
    if (batch.length < BATCH) return opened;
  }
}

/**
 * The 1 February job: certificates whose last valid day is before the slot's date expire, their
 * unfinished reviews lapse, and the partner is told. Idempotent: expired ones are not selected again.
 */
export async function expireCertificates(ctx: AppContext, slot: Date): Promise<number> {
  const today = businessDate(slot);
  const actor = systemActor();
  let expired = 0;
  for (;;) {
    const batch = await certificatesToExpire(ctx.db, today, BATCH);
    for (const cert of batch) {
      const done = await ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now();
        const row = await expireCertificate(tx, cert.id, now);
        if (!row) return false;
        const lapsed = await lapseReviewsOf(tx, cert.id, now);
        await ctx.audit.record(tx, actor, {
          action: 'certificate.expired',
          entityType: 'certificate',
          entityId: cert.id,
          partnerId: cert.partnerId,
          before: { status: 'active', validUntil: cert.validUntil },
          after: { status: 'expired', lapsedReviews: lapsed.map((r) => r.id) },
        });
        await notifyPartner(
          ctx,
          tx,
          cert.partnerId,
          'certificates.expired',
          `certificates.expired:${cert.id}:${cert.validUntil}`,
          {
            number: cert.number,
            validUntil: cert.validUntil,
          },
        );
        return true;
      });
      if (done) expired++;
    }
    if (batch.length < BATCH) return expired;
  }
}
