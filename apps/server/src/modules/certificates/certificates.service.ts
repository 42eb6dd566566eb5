import './certificates.errors.ts';
import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  businessDateTime,
  businessYear,
  deadlineForReview,
  isValidAt,
  reviewCycleOf,
  reviewIsDue,
  validUntilForIssue,
} from './certificates.dates.ts';
import {
  type CertificateRow,
  expireCertificate,
  findCertificateByPartner,
  insertCertificate,
  insertReview,
  lapseReviewsOf,
  partnerAdmins,
  type ReviewRow,
  reissueCertificate,
} from './certificates.repository.ts';

/** A partner certificate as other modules see it. */
export interface IssuedCertificate {
  id: string;
  partnerId: string;
  /** Human-readable number printed on the certificate. */
  number: string;
  /** `expired` also when the 1 February job has not run yet but validity has ended. */
  status: 'active' | 'expired';
  issuedAt: Date;
  /** The last valid day, `YYYY-MM-DD` (a 31 January) in Asia/Shanghai. */
  validUntil: string;
}

export function toIssued(c: CertificateRow, now: Date): IssuedCertificate {
  return {
    id: c.id,
    partnerId: c.partnerId,
    number: c.number,
    status: c.status === 'active' && isValidAt(c.validUntil, now) ? 'active' : 'expired',
    issuedAt: c.issuedAt,
    validUntil: c.validUntil,
  };
}

function certificateNumber(id: string, at: Date): string {
  return `PC-${businessYear(at)}-${id.slice(-8).toUpperCase()}`;
}

/** Sends one template to each administrator of the partner, in their language, on every channel. */
export async function notifyPartner(
  ctx: AppContext,
  tx: DbOrTx,
  partnerId: string,
  template: string,
  key: string,
  data: Record<string, unknown>,
): Promise<void> {
  for (const u of await partnerAdmins(tx, partnerId)) {
    await ctx.notifier.notify(tx, {
      template,
      locale: parseLocale(u.locale) ?? 'zh-CN',
      to: { userId: u.id, email: u.email, phone: u.phone, partnerId },
      channels: ['email', 'sms', 'in_app'],
      data: { name: u.name, ...data },
      idempotencyKey: `${key}:${u.id}`,
    });
  }
}

/**
 * Opens the annual review of `cycleYear` for a certificate (idempotent: undefined when it exists),
 * notifies the partner with the deadline and audits it. Used by the 1 December job and by an issue
 * in December, after that job has run.
 */
export async function openReview(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  cert: CertificateRow,
  cycleYear: number,
): Promise<ReviewRow | undefined> {
  const now = ctx.clock.now();
  const deadline = deadlineForReview(now, cycleYear, ctx.config.certificateReviewDeadline, cert.validUntil);
  const review = await insertReview(tx, {
    id: newId('crv', now.getTime()),
    certificateId: cert.id,
    partnerId: cert.partnerId,
    cycleYear,
    status: 'open',
    deadline,
    currentValidUntil: cert.validUntil,
    openedAt: now,
    updatedAt: now,
  });
  if (!review) return undefined;
  await ctx.audit.record(tx, actor, {
    action: 'certificate.review_opened',
    entityType: 'certificate_review',
    entityId: review.id,
    partnerId: cert.partnerId,
    after: { cycleYear, deadline: deadline.toISOString(), validUntil: cert.validUntil },
  });
  await notifyPartner(
    ctx,
    tx,
    cert.partnerId,
    'certificates.review_opened',
    `certificates.review_opened:${review.id}`,
    {
      number: cert.number,
      validUntil: cert.validUntil,
      deadline: businessDateTime(deadline),
      cycleYear,
    },
  );
  return review;
}

/**
 * Issues the partner's certificate in the caller's transaction, valid to 31 January of the year
 * after `ctx.clock.now()` (Asia/Shanghai), audits it and notifies the partner's administrators.
 * Idempotent: a partner whose certificate is still valid gets it back unchanged; an expired one is
 * re-issued (same number) with a new validity. Called by the certification module when the
 * qualification stage is approved. An issue on or after 1 December also opens that December's
 * review at once (the 1 December job has passed), with at least two weeks for the materials.
 */
export async function issueCertificate(
  ctx: AppContext,
  tx: DbOrTx,
  partnerId: string,
  actor: Actor,
): Promise<IssuedCertificate> {
  const now = ctx.clock.now();
  const validUntil = validUntilForIssue(now);
  const existing = await findCertificateByPartner(tx, partnerId);
  if (existing && toIssued(existing, now).status === 'active') return toIssued(existing, now);

  let cert: CertificateRow;
  if (existing) {
    // Valid no longer (expired, or the expiry job has not reached it yet): expire, then re-issue.
    if (existing.status === 'active') {
      await ctx.audit.record(tx, actor, {
        action: 'certificate.expired',
        entityType: 'certificate',
        entityId: existing.id,
        partnerId,
        before: { status: 'active', validUntil: existing.validUntil },
        after: { status: 'expired' },
      });
    }
    await expireCertificate(tx, existing.id, now);
    await lapseReviewsOf(tx, existing.id, now);
    const again = await reissueCertificate(tx, existing.id, { issuedAt: now, validUntil });
    if (!again) throw new AppError('common.conflict');
    cert = again;
  } else {
    const id = newId('crt', now.getTime());
    cert = await insertCertificate(tx, {
      id,
      partnerId,
      number: certificateNumber(id, now),
      status: 'active',
      issuedAt: now,
      validUntil,
      createdAt: now,
      updatedAt: now,
    });
    // A concurrent issue won the insert: that one is the certificate.
    if (cert.id !== id) return toIssued(cert, now);
  }
  await ctx.audit.record(tx, actor, {
    action: existing ? 'certificate.reissued' : 'certificate.issued',
    entityType: 'certificate',
    entityId: cert.id,
    partnerId,
    before: existing ? { status: existing.status, validUntil: existing.validUntil } : undefined,
    after: { number: cert.number, status: 'active', validUntil },
  });
  await notifyPartner(
    ctx,
    tx,
    partnerId,
    'certificates.issued',
    `certificates.issued:${cert.id}:${now.toISOString()}`,
    { number: cert.number, validUntil },
  );
  if (reviewIsDue(validUntil, now)) await openReview(ctx, tx, actor, cert, reviewCycleOf(validUntil));
  return toIssued(cert, now);
}

/**
 * Whether the partner holds a valid certificate now (R7 consequences, e.g. no new incentives while
 * expired). For other modules; reads in `db` (a transaction when the caller has one).
 */
export async function hasValidCertificate(
  ctx: AppContext,
  partnerId: string,
  db: DbOrTx = ctx.db,
): Promise<boolean> {
  const cert = await findCertificateByPartner(db, partnerId);
  return cert ? toIssued(cert, ctx.clock.now()).status === 'active' : false;
}
