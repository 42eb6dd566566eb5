import type { FastifyRequest } from 'fastify';
import type { Actor } from '../context.ts';
import { AppError } from '../lib/errors.ts';

export type PartnerRole = 'admin' | 'member';
export type OperatorRole = 'ecosystem_manager' | 'reviewer' | 'finance' | 'support' | 'admin';
export const OPERATOR_ROLES: readonly OperatorRole[] = ['ecosystem_manager', 'reviewer', 'finance', 'support', 'admin'];

/** The signed-in user of a portal/console request (loaded from the session cookie). */
export interface SessionUser {
  id: string;
  sessionId: string;
  userType: 'partner' | 'operator';
  partnerId: string | null;
  roles: string[];
  email: string;
  name: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
}

export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('common.unauthenticated');
  return req.user;
}

/** A partner user, optionally with one of the given roles. */
export function requirePartnerUser(
  req: FastifyRequest,
  roles?: readonly PartnerRole[],
): SessionUser & { partnerId: string } {
  const u = requireUser(req);
  if (u.userType !== 'partner' || !u.partnerId) throw new AppError('common.forbidden');
  if (roles && !roles.some((r) => u.roles.includes(r))) throw new AppError('common.forbidden');
  return u as SessionUser & { partnerId: string };
}

/** An operator with one of the given roles; the operator `admin` role may do everything. */
export function requireOperator(req: FastifyRequest, roles?: readonly OperatorRole[]): SessionUser {
  const u = requireUser(req);
  if (u.userType !== 'operator') throw new AppError('common.forbidden');
  if (roles && !u.roles.includes('admin') && !roles.some((r) => u.roles.includes(r))) {
    throw new AppError('common.forbidden');
  }
  return u;
}

/** The actor for services and the audit log. */
export function actorOf(req: FastifyRequest): Actor {
  const u = req.user;
  return {
    type: u ? (u.userType === 'operator' ? 'operator' : 'user') : 'system',
    id: u?.id ?? null,
    partnerId: u?.partnerId ?? null,
    roles: u?.roles ?? [],
    requestId: req.id,
    locale: req.locale,
  };
}
