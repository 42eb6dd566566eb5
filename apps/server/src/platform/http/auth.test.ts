import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/errors.ts';
import { actorOf, requireOperator, requirePartnerUser, requireUser, type SessionUser } from './auth.ts';

const user = (over: Partial<SessionUser>): SessionUser => ({
  id: 'usr_1',
  sessionId: 'ses_1',
  userType: 'partner',
  partnerId: 'prt_1',
  customerId: null,
  roles: ['member'],
  email: 'a@b.cn',
  name: 'A',
  ...over,
});
const req = (u: SessionUser | null) =>
  ({ user: u, id: 'req1', locale: 'en-US' }) as unknown as FastifyRequest;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return (e as AppError).code;
  }
};

describe('role guards', () => {
  it('requires a session', () => {
    expect(codeOf(() => requireUser(req(null)))).toBe('common.unauthenticated');
    expect(codeOf(() => requirePartnerUser(req(null)))).toBe('common.unauthenticated');
    expect(codeOf(() => requireOperator(req(null)))).toBe('common.unauthenticated');
  });

  it('tells partner members from administrators', () => {
    const member = req(user({ roles: ['member'] }));
    const admin = req(user({ roles: ['admin'] }));
    expect(codeOf(() => requirePartnerUser(member))).toBe('ok');
    expect(codeOf(() => requirePartnerUser(member, ['admin']))).toBe('common.forbidden');
    expect(codeOf(() => requirePartnerUser(admin, ['admin']))).toBe('ok');
  });

  it('keeps partners and operators apart', () => {
    const partnerAdmin = req(user({ roles: ['admin'] }));
    const operator = req(user({ userType: 'operator', partnerId: null, roles: ['reviewer'] }));
    expect(codeOf(() => requireOperator(partnerAdmin))).toBe('common.forbidden');
    expect(codeOf(() => requirePartnerUser(operator))).toBe('common.forbidden');
    expect(codeOf(() => requireOperator(operator, ['reviewer']))).toBe('ok');
    expect(codeOf(() => requireOperator(operator, ['finance']))).toBe('common.forbidden');
    const opAdmin = req(user({ userType: 'operator', partnerId: null, roles: ['admin'] }));
    expect(codeOf(() => requireOperator(opAdmin, ['finance']))).toBe('ok');
  });

  it('builds the audit actor from the session', () => {
    expect(actorOf(req(user({})))).toMatchObject({
      type: 'user',
      id: 'usr_1',
      partnerId: 'prt_1',
      requestId: 'req1',
    });
    expect(actorOf(req(user({ userType: 'operator', partnerId: null })))).toMatchObject({ type: 'operator' });
    expect(actorOf(req(null))).toMatchObject({ type: 'system', id: null });
    expect(new AppError('common.forbidden').status).toBe(403);
  });
});
