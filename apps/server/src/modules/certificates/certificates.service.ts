import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../context.ts';

/** A partner certificate as other modules see it. */
export interface IssuedCertificate {
  id: string;
  partnerId: string;
  /** Human-readable number printed on the certificate. */
  number: string;
  status: 'active' | 'expired' | 'revoked';
  issuedAt: Date;
  /** The last instant of validity: 31 January 23:59:59.999 Asia/Shanghai of the following year. */
  validUntil: Date;
}

/**
 * Issues (or re-activates) the partner's certificate in the caller's transaction, valid to
 * 31 January of the year after `ctx.clock.now()` in Asia/Shanghai. Idempotent: a partner with an
 * active certificate gets that certificate back unchanged. Audits and notifies the partner.
 * Called by the certification module when the qualification stage is approved.
 */
export async function issueCertificate(
  ctx: AppContext,
  tx: DbOrTx,
  partnerId: string,
  actor: Actor,
): Promise<IssuedCertificate> {
  void ctx;
  void tx;
  void partnerId;
  void actor;
  throw new Error('certificates.issueCertificate: implementation lands next commit');
}
