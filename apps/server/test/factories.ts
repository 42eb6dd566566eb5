import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { findUserByEmail } from '../src/modules/identity/identity.repository.ts';
import { openSession } from '../src/modules/identity/sessions.service.ts';
import { createUser, type UserRow } from '../src/modules/identity/users.service.ts';
import { createPartner, type PartnerRow } from '../src/modules/partners/partners.service.ts';
import { systemActor } from '../src/platform/context.ts';
import type { OperatorRole, PartnerRole } from '../src/platform/http/auth.ts';
import type { TestApp } from './app.ts';

/** A password that passes the strength rule; every factory user has it unless told otherwise. */
export const TEST_PASSWORD = 'Test@Pass2026';

const unique = () => randomBytes(5).toString('hex');

export interface PartnerWithAdmin {
  partner: PartnerRow;
  user: UserRow;
  password: string;
}

/** A fresh partner company and its confirmed administrator (no email round trip). */
export async function createPartnerWithAdmin(
  t: TestApp,
  opts: { name?: string; email?: string; locale?: 'zh-CN' | 'en-US' } = {},
): Promise<PartnerWithAdmin> {
  const tag = unique();
  const actor = systemActor();
  return t.ctx.db.transaction(async (tx) => {
    const partner = await createPartner(t.ctx, tx, actor, { name: opts.name ?? `Test Partner ${tag}` });
    const user = await createUser(t.ctx, tx, actor, {
      userType: 'partner',
      partnerId: partner.id,
      roles: ['admin'],
      email: opts.email ?? `admin-${tag}@partner.test`,
      name: `Admin ${tag}`,
      password: TEST_PASSWORD,
      locale: opts.locale,
      verified: true,
    });
    return { partner, user, password: TEST_PASSWORD };
  });
}

/** Another confirmed user of an existing partner (a member unless roles say otherwise). */
export async function createPartnerUser(
  t: TestApp,
  partnerId: string,
  roles: PartnerRole[] = ['member'],
  opts: Partial<Pick<UserRow, 'accountKind' | 'site'>> & { email?: string; phone?: string } = {},
): Promise<{ user: UserRow; password: string }> {
  const tag = unique();
  const user = await t.ctx.db.transaction((tx) =>
    createUser(t.ctx, tx, systemActor(), {
      userType: 'partner',
      partnerId,
      roles,
      email: opts.email ?? `user-${tag}@partner.test`,
      phone: opts.phone ?? null,
      name: `User ${tag}`,
      password: TEST_PASSWORD,
      accountKind: opts.accountKind === 'federated' ? 'federated' : 'local',
      site: opts.site === 'intl' ? 'intl' : 'cn',
      verified: true,
    }),
  );
  return { user, password: TEST_PASSWORD };
}

/** A confirmed operator with the given roles. */
export async function createOperator(
  t: TestApp,
  roles: OperatorRole[] = ['admin'],
): Promise<{ user: UserRow; password: string }> {
  const tag = unique();
  const user = await t.ctx.db.transaction((tx) =>
    createUser(t.ctx, tx, systemActor(), {
      userType: 'operator',
      partnerId: null,
      roles,
      email: `op-${tag}@operator.test`,
      name: `Operator ${tag}`,
      password: TEST_PASSWORD,
      verified: true,
    }),
  );
  return { user, password: TEST_PASSWORD };
}

export interface TestSession {
  /** The `cookie` header: session and CSRF cookies. */
  cookie: string;
  /** The `x-csrf-token` header value. */
  csrf: string;
}

function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

/** A CSRF token and its cookie, as the SPA gets them before any unsafe request. */
export async function getCsrf(t: TestApp): Promise<TestSession> {
  const res = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const csrf = res.json<{ token: string }>().token;
  return { cookie: `pc_csrf=${csrf}`, csrf };
}

/** Signs in through the API; throws when the sign-in is refused. */
export async function signIn(t: TestApp, email: string, password: string): Promise<TestSession> {
  const anon = await getCsrf(t);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
    payload: { email, password },
  });
  let token = cookieValue(res, 'pc_session');
  if (res.statusCode === 200 && !token && res.json<{ secondFactor?: unknown }>().secondFactor) {
    // Operators (and users with an authenticator) get a code step. Tests about something else skip
    // it the way factories skip the email round trip: the password was right, the session opens
    // directly. recovery.test.ts and the journeys go through the code step itself.
    token = await sessionWithoutSecondFactor(t, email);
  }
  if (res.statusCode !== 200 || !token) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { cookie: `pc_session=${token}; pc_csrf=${anon.csrf}`, csrf: anon.csrf };
}

async function sessionWithoutSecondFactor(t: Pick<TestApp, 'ctx'>, email: string): Promise<string> {
  const user = await findUserByEmail(t.ctx.db, email);
  if (!user) throw new Error(`no user ${email}`);
  const s = await openSession(t.ctx, t.ctx.db, user.id, { ip: null, userAgent: 'test' });
  return s.token;
}

export type AsUser = (opts: InjectOptions) => Promise<LightMyRequestResponse>;

/** `inject` with the session's cookies and CSRF header already set. */
export function asUser(t: TestApp, session: TestSession): AsUser {
  return (opts) =>
    t.app.inject({
      ...opts,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...opts.headers },
    });
}

/** The newest template data sent to a recipient (codes are in `data.code`). */
export async function lastMessageTo(
  t: TestApp,
  recipient: string,
  template?: string,
): Promise<Record<string, unknown> | undefined> {
  const r = await t.db.query<{ data: Record<string, unknown> }>(
    `select data from notifications where recipient = $1 ${template ? 'and template = $2' : ''}
     order by created_at desc, id desc limit 1`,
    template ? [recipient, template] : [recipient],
  );
  return r.rows[0]?.data;
}
