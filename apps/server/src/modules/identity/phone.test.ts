import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createPartnerUser,
  createPartnerWithAdmin,
  getCsrf,
  lastMessageTo,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey } from '../../../test/v2.ts';
import { signUpCustomerViaApi } from '../customers/customers.test-helpers.ts';
import { createAssociatedCustomer } from '../spend/spend.test-data.ts';
import { issueCode } from './codes.service.ts';
import { toE164 } from './phone.ts';
import { maskTarget } from './secrets.ts';

/** A mainland mobile number nobody has used in this run. */
const freshMobile = () =>
  `137${String(Number.parseInt(randomBytes(4).toString('hex'), 16) % 1e8).padStart(8, '0')}`;
const spaced = (n: string) => `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;

describe('phone numbers: E.164', () => {
  it('reads the typed forms of one number as one number, and refuses what is not a number', () => {
    for (const typed of [
      '13712345678',
      '+86 137 1234 5678',
      '+8613712345678',
      '0086-13712345678',
      '137-1234-5678',
    ])
      expect(toE164(typed), typed).toBe('+8613712345678');
    expect(toE164('010-6552 9988')).toBe('+861065529988'); // a Beijing landline
    expect(toE164('+1 202 555 0123')).toBe('+12025550123');
    for (const bad of ['', '12345', '1371234567', '+86 12345678901', 'abc', '+15550000000', '1'.repeat(41)])
      expect(toE164(bad), bad).toBeNull();
    // Masks show the 11 digits of a mainland number, as before.
    expect(maskTarget('+8613712345678')).toBe('137****5678');
  });
});

describe('phone numbers are stored and compared in E.164 at every input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { apiFlowLimit: 10_000 } });
  });
  afterAll(() => t.close());

  it('sign-up: a number typed another way is the same (taken) number', async () => {
    const n = freshMobile();
    const first = await signUpCustomerViaApi(t, { phone: n });
    expect(first.status).toBe(200);
    expect((await first.as({ method: 'GET', url: '/api/me' })).json().phone).toBe(`+86${n}`);
    // The same number with country code and spaces: answered alike, kept off the new account, owner told.
    const again = await signUpCustomerViaApi(t, { phone: spaced(n) });
    expect(again.status).toBe(200);
    expect((await again.as({ method: 'GET', url: '/api/me' })).json().phone ?? null).toBeNull();
    const owners = await t.db.query('select id from users where phone = $1', [`+86${n}`]);
    expect(owners.rows).toHaveLength(1);
    expect(await lastMessageTo(t, `+86${n}`, 'identity.phone_in_use')).toBeTruthy();

    // Partner sign-up takes the typed form too, and stores E.164.
    const m = freshMobile();
    const anon = asUser(t, await getCsrf(t));
    const email = `phone-${m}@partner.test`;
    const res = await anon({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        companyName: `Phone ${m}`,
        name: 'Phone',
        email,
        phone: `0086 ${m}`,
        password: 'Phone@Pass2026',
        locale: 'zh-CN',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const stored = await t.db.query<{ phone: string }>('select phone from users where email = $1', [email]);
    expect(stored.rows[0]?.phone).toBe(`+86${m}`);
  });

  it('refuses an invalid number with identity.invalid_phone naming the field, in both languages', async () => {
    for (const [locale, text] of [
      ['zh-CN', /手机号码无效/],
      ['en-US', /phone number is not valid/],
    ] as const) {
      const anon = asUser(t, await getCsrf(t));
      const res = await anon({
        method: 'POST',
        url: '/api/auth/sign-up',
        headers: { 'x-language': locale },
        payload: {
          companyName: 'Bad Phone Co',
          name: 'Bad',
          email: `bad-${randomBytes(4).toString('hex')}@partner.test`,
          phone: '12345',
          password: 'Phone@Pass2026',
          locale,
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'identity.invalid_phone', details: { field: 'phone' } });
      expect(res.json().message).toMatch(text);
    }
  });

  it('budget recipients and the partner API keep E.164; the contract masks and validates as before', async () => {
    const p = await createPartnerWithAdmin(t);
    const as = asUser(t, await signIn(t, p.user.email, p.password));
    const c = await createAssociatedCustomer(t, p.partner.id);
    const n = freshMobile();
    const added = await as({
      method: 'POST',
      url: `/api/budgets/${c.id}/recipients`,
      payload: { recipients: [{ name: 'Li', phone: `${n.slice(0, 3)} ${n.slice(3)}` }] },
    });
    expect(added.statusCode, added.body).toBeLessThan(300);
    const rec = await t.db.query<{ phone: string }>(
      'select phone from budget_recipients where customer_id = $1',
      [c.id],
    );
    expect(rec.rows.map((r) => r.phone)).toEqual([`+86${n}`]);
    const bad = await as({
      method: 'POST',
      url: `/api/budgets/${c.id}/recipients`,
      payload: { recipients: [{ name: 'Li', phone: '999' }] },
    });
    expect(bad.json()).toMatchObject({
      code: 'identity.invalid_phone',
      details: { field: 'recipients.0.phone' },
    });

    // Partner API: the code goes to the E.164 number; the customer typed as the reference writes it.
    const key = await createApiKey(t, p.partner.id);
    const m = freshMobile();
    await t.ctx.db.transaction((tx) =>
      issueCode(t.ctx, tx, {
        userId: null,
        partnerId: p.partner.id,
        purpose: 'customer_signup',
        channel: 'sms',
        target: `+86${m}`,
        locale: 'zh-CN',
        template: 'customers.signup_code',
      }),
    );
    const code = String((await lastMessageTo(t, `+86${m}`, 'customers.signup_code'))?.code);
    const created = await callV2(t, key, {
      method: 'POST',
      url: '/v2/partners/sub-customers',
      body: {
        xaccount_type: 'shop',
        xaccount_id: `x-${m}`,
        mobile_phone: `0086-${m}`,
        verification_code: code,
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(Object.keys(created.json()).sort()).toEqual(['domain_id', 'domain_name']);
    const stored = await t.db.query<{ phone: string }>('select phone from customers where domain_id = $1', [
      created.json().domain_id,
    ]);
    expect(stored.rows[0]?.phone).toBe(`+86${m}`);
    const q = await callV2(t, key, {
      method: 'POST',
      url: '/v2/partners/sub-customers/query',
      body: { customer_id: created.json().domain_id },
    });
    expect(q.json().customer_infos[0]).toMatchObject({
      telephone: `${m.slice(0, 3)}****${m.slice(-4)}`,
      country_code: '0086',
    });
    const invalid = await callV2(t, key, {
      method: 'POST',
      url: '/v2/partners/sub-customers',
      body: {
        xaccount_type: 'shop',
        xaccount_id: `y-${m}`,
        mobile_phone: '12345',
        verification_code: '123456',
      },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error_code: 'CBC.0100' });
    expect(invalid.json().error_msg).toContain('mobile_phone');
  });

  it('the migration moves stored mainland numbers to E.164 where no other user has that number', async () => {
    const p = await createPartnerWithAdmin(t);
    const [a, b] = [freshMobile(), freshMobile()];
    const ua = await createPartnerUser(t, p.partner.id, ['member'], { phone: a });
    const ub = await createPartnerUser(t, p.partner.id, ['member'], { phone: b });
    const clash = await createPartnerUser(t, p.partner.id, ['member']);
    const c = await createAssociatedCustomer(t, p.partner.id);
    // Rows as stored before: the number as typed. `clash` has b typed, which ub has in E.164.
    await t.db.query('update users set phone = $2 where id = $1', [ua.user.id, a]);
    await t.db.query('update users set phone = $2 where id = $1', [clash.user.id, b]);
    await t.db.query('update customers set phone = $2 where id = $1', [c.id, a]);
    const sql = readFileSync(
      join(import.meta.dirname, '../../../../../packages/db/migrations/0016_phone_e164.sql'),
      'utf8',
    );
    for (const statement of sql.split('--> statement-breakpoint')) await t.db.query(statement);
    const phone = async (table: 'users' | 'customers', id: string) =>
      (await t.db.query<{ phone: string }>(`select phone from ${table} where id = $1`, [id])).rows[0]?.phone;
    expect(await phone('users', ua.user.id)).toBe(`+86${a}`);
    expect(await phone('users', ub.user.id)).toBe(`+86${b}`);
    expect(await phone('users', clash.user.id)).toBe(b); // left for an operator: not safe to merge
    expect(await phone('customers', c.id)).toBe(`+86${a}`);
  });
});
