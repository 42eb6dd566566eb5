import { randomBytes } from 'node:crypto';
import { type AsUser, asUser, getCsrf, lastMessageTo } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { grantMembership } from '../memberships/applications.service.ts';
import { acceptInvitation, inviteReseller } from '../memberships/hierarchy.service.ts';

export const CUSTOMER_PASSWORD = 'Cust@Pass2026';

export interface SignedUpCustomer {
  as: AsUser;
  email: string;
  domainId: string;
  status: number;
  body: Record<string, unknown>;
}

/** Signs a customer up through the public routes (code by email), returning its session. */
export async function signUpCustomerViaApi(
  t: TestApp,
  opts: {
    phone?: string;
    extra?: Record<string, unknown>;
    email?: string;
    locale?: 'zh-CN' | 'en-US';
  } = {},
): Promise<SignedUpCustomer> {
  const email = opts.email ?? `cust-${randomBytes(5).toString('hex')}@customer.test`;
  const anon = await getCsrf(t);
  const as = asUser(t, anon);
  const sent = await as({
    method: 'POST',
    url: '/api/auth/customer/sign-up/code',
    payload: { email, locale: opts.locale ?? 'zh-CN' },
  });
  if (sent.statusCode !== 200) throw new Error(`code: ${sent.body}`);
  const data = await lastMessageTo(t, email, 'customers.signup_code');
  const res = await as({
    method: 'POST',
    url: '/api/auth/customer/sign-up',
    payload: {
      name: `Customer ${email.slice(5, 10)}`,
      email,
      password: CUSTOMER_PASSWORD,
      code: String(data?.code),
      locale: opts.locale ?? 'zh-CN',
      ...(opts.phone ? { phone: opts.phone } : {}),
      ...opts.extra,
    },
  });
  const token = res.cookies.find((c) => c.name === 'pc_session')?.value;
  const body = res.json<Record<string, unknown>>();
  return {
    as: asUser(t, { cookie: `pc_session=${token}; pc_csrf=${anon.csrf}`, csrf: anon.csrf }),
    email,
    domainId: String(body.customerDomainId ?? ''),
    status: res.statusCode,
    body,
  };
}

/** Makes `distributorId` a distributor with `resellerId` as its active reseller. */
export async function linkReseller(
  t: TestApp,
  distributor: { partnerId: string; userId: string },
  reseller: { partnerId: string; userId: string; email: string },
): Promise<void> {
  await t.ctx.db.transaction((tx) =>
    grantMembership(t.ctx, tx, systemActor(), {
      partnerId: distributor.partnerId,
      program: 'distributor',
      source: 'operator',
    }),
  );
  const actor = (id: string, partnerId: string) => ({
    ...systemActor(),
    type: 'user' as const,
    id,
    partnerId,
    roles: ['admin'],
  });
  const inv = await inviteReseller(t.ctx, actor(distributor.userId, distributor.partnerId), {
    email: reseller.email,
  });
  await acceptInvitation(t.ctx, actor(reseller.userId, reseller.partnerId), inv.id);
}
