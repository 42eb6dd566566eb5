import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerUser, createPartnerWithAdmin, lastMessageTo } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { signUpCustomerViaApi } from './customers.test-helpers.ts';

describe('customer sign-up with a phone number that has an account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers like a fresh number: the account starts without the phone and the owner is told', async () => {
    const p = await createPartnerWithAdmin(t);
    const owner = await createPartnerUser(t, p.partner.id, ['member'], { phone: '+8613600000001' });
    const fresh = await signUpCustomerViaApi(t, { phone: '+8613600000002' });
    const taken = await signUpCustomerViaApi(t, { phone: '+8613600000001' });
    expect(taken.status).toBe(fresh.status);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(fresh.body).sort());
    const me = await taken.as({ method: 'GET', url: '/api/me' });
    expect(me.json().phone ?? null).toBeNull();
    const users = await t.db.query('select id from users where phone = $1', ['+8613600000001']);
    expect(users.rows).toEqual([{ id: owner.user.id }]);
    expect(await lastMessageTo(t, '+8613600000001', 'identity.phone_in_use')).toMatchObject({
      name: owner.user.name,
    });
  });
});
