import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/errors.ts';
import { requireOperator, requirePartnerUser, type SessionUser } from '../../platform/http/auth.ts';

/** Any user of the partner reads its certification; only its administrators change it. */
export const canReadOwn = (req: FastifyRequest) => requirePartnerUser(req);
export const canEditOwn = (req: FastifyRequest) => requirePartnerUser(req, ['admin']);

/** Every operator sees the queues and a partner's certification (the partner detail page). */
export const canViewReviews = (req: FastifyRequest) => requireOperator(req);
/** Reviewers decide (the operator admin too). */
export const canReview = (req: FastifyRequest) => requireOperator(req, ['reviewer']);

/** The full bank account number is for finance operators only, not even the operator admin. */
export function canRevealBankAccount(req: FastifyRequest): SessionUser {
  const u = requireOperator(req);
  if (!u.roles.includes('finance')) throw new AppError('common.forbidden');
  return u;
}
