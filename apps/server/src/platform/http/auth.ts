import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, AppContext } from '../context.ts';
import { AppError } from '../errors/errors.ts';
import { parseLocale } from '../i18n/i18n.ts';
import { routedPath } from './request-context.ts';

export type PartnerRole = 'admin' | 'member';
export type OperatorRole = 'ecosystem_manager' | 'reviewer' | 'finance' | 'support' | 'admin';
export const OPERATOR_ROLES: readonly OperatorRole[] = [
  'ecosystem_manager',
  'reviewer',
  'finance',
  'support',
  'admin',
];

/** The signed-in user of a portal/console request (loaded from the session cookie). */
export interface SessionUser {
  id: string;
  sessionId: string;
  userType: 'partner' | 'operator' | 'customer';
  partnerId: string | null;
  /** Customer users: their customer account (customers.id). */
  customerId: string | null;
  roles: string[];
  email: string;
  name: string;
}

/** A session found for a cookie token (the identity module's `resolveSession` hook returns it). */
export interface LoadedSession {
  user: SessionUser;
  locale: string;
  /** Set when the expiry slid forward: the cookie should be sent again. */
  renewedUntil: Date | null;
}

/** The session hook (identity provides it): the live session of a cookie token, or null. */
export type ResolveSession = (ctx: AppContext, token: string) => Promise<LoadedSession | null>;

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

/** A customer's own sign-in account (R6: the customer's account page, applications, invitations). */
export function requireCustomerUser(req: FastifyRequest): SessionUser & { customerId: string } {
  const u = requireUser(req);
  if (u.userType !== 'customer' || !u.customerId) throw new AppError('common.forbidden');
  return u as SessionUser & { customerId: string };
}

/** An operator with one of the given roles; the operator `admin` role may do everything. */
export function requireOperator(req: FastifyRequest, roles?: readonly OperatorRole[]): SessionUser {
  const u = requireUser(req);
  if (u.userType !== 'operator') throw new AppError('common.forbidden');
  if (!operatorMay(u.roles, roles)) throw new AppError('common.forbidden');
  return u;
}

/** Whether an operator with `held` roles passes a check for `roles` (none: any operator; admin: all). */
export function operatorMay(held: readonly string[], roles?: readonly OperatorRole[]): boolean {
  return !roles || held.includes('admin') || roles.some((r) => held.includes(r));
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

export const SESSION_COOKIE = 'pc_session';

export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.server.ctx.config.publicUrl.startsWith('https:'),
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Loads the session of `/api` requests into `req.user`, through the session hook identity provides. The saved language of the user applies
 * when the request names none itself (X-Language header or `lang` cookie).
 */
async function auth(app: FastifyInstance, opts: { resolveSession: ResolveSession }) {
  const { resolveSession } = opts;
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (req, reply) => {
    if (!routedPath(req).startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const loaded = await resolveSession(app.ctx, token);
    if (!loaded) {
      clearSessionCookie(reply);
      return;
    }
    req.user = loaded.user;
    const h = req.headers['x-language'];
    if (!parseLocale(Array.isArray(h) ? h[0] : h) && !parseLocale(req.cookies.lang)) {
      req.locale = parseLocale(loaded.locale) ?? req.locale;
    }
    if (loaded.renewedUntil) setSessionCookie(req, reply, token, loaded.renewedUntil);
  });
}

export default fp(auth, { name: 'auth', dependencies: ['@fastify/cookie', 'request-context'] });
