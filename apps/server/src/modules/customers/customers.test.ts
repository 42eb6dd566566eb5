import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerUser,
  createPartnerWithAdmin,
  lastMessageTo,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { linkReseller, signUpCustomerViaApi } from './customers.test-helpers.ts';

const DAY = 24 * 3600_000;

describe('customers: association workflow, 3-month rule, lists and export (R6)', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let asAMember: AsUser;

  const session = async (email: string, password: string) => asUser(t, await signIn(t, email, password));
  const channelsTo = async (recipient: string, template: string) =>
    (
      await t.db.query<{ channel: string }>(
        'select channel from notifications where recipient = $1 and template = $2 order by channel',
        [recipient, template],
      )
    ).rows.map((r) => r.channel);
  const customerIdOf = async (domainId: string) =>
    (await t.db.query<{ id: string }>('select id from customers where domain_id = $1', [domainId])).rows[0]
      ?.id ?? '';

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnerWithAdmin(t, { name: 'Alpha Cloud Services' });
    b = await createPartnerWithAdmin(t, { locale: 'en-US' });
    asA = await session(a.user.email, a.password);
    asB = await session(b.user.email, b.password);
    const m = await createPartnerUser(t, a.partner.id);
    asAMember = await session(m.user.email, m.password);
  });
  afterAll(() => t.close());

  it('signs a customer up with an emailed code; the account has a 32-hex domain id and a valid name', async () => {
    const c = await signUpCustomerViaApi(t, { extra: { domainName: 'acme_corp-01' } });
    expect(c.status).toBe(200);
    expect(c.domainId).toMatch(/^[0-9a-f]{32}$/);
    const acc = await c.as({ method: 'GET', url: '/api/customer/account' });
    expect(acc.statusCode).toBe(200);
    expect(acc.json()).toMatchObject({ domainName: 'acme_corp-01', association: null });
    // The same name again (any case) is refused; reserved prefixes and bad shapes too.
    expect((await signUpCustomerViaApi(t, { extra: { domainName: 'ACME_CORP-01' } })).status).toBe(409);
    for (const bad of ['op_team', 'shadow_x1', '1abcde', 'abc', 'a'.repeat(33), 'has space']) {
      const r = await signUpCustomerViaApi(t, { extra: { domainName: bad } });
      expect(r.status, bad).toBe(400);
    }
    // Partners and operators have no customer area; customers have no partner portal.
    expect((await asA({ method: 'GET', url: '/api/customer/account' })).statusCode).toBe(403);
    expect((await c.as({ method: 'GET', url: '/api/customers' })).statusCode).toBe(403);
  });

  it('refuses a wrong sign-up code', async () => {
    const r = await signUpCustomerViaApi(t, { extra: { code: '000000' } });
    expect(r.status).toBe(400);
  });

  it('invitation: the partner invites by email, the invitee signs up and accepts; SMS and email tell the outcome', async () => {
    const email = `invitee-${Date.now()}@customer.test`;
    const inv = await asAMember({
      method: 'POST',
      url: '/api/customers/invitations',
      payload: { email, type: 'resale' },
    });
    expect(inv.statusCode).toBe(201);
    const mail = await lastMessageTo(t, email, 'customers.invited');
    const link = String(mail?.link);
    const token = new URL(link).searchParams.get('token') ?? '';
    expect(token.length).toBeGreaterThan(10);
    // A second pending invitation to the same address is refused.
    const again = await asA({
      method: 'POST',
      url: '/api/customers/invitations',
      payload: { email, type: 'resale' },
    });
    expect(again.statusCode).toBe(409);
    // The link shows who invites, with the address masked.
    const view = await t.app.inject({ method: 'GET', url: `/api/auth/customer/invitation?token=${token}` });
    expect(view.json()).toMatchObject({
      partnerName: 'Alpha Cloud Services',
      type: 'resale',
      status: 'pending',
    });
    expect(view.json().email).toContain('***');

    const c = await signUpCustomerViaApi(t, { email, phone: '13800138001' });
    expect(c.status).toBe(200);
    // Another customer cannot use the link.
    const other = await signUpCustomerViaApi(t);
    const stolen = await other.as({
      method: 'POST',
      url: '/api/customer/invitations/accept',
      payload: { token },
    });
    expect(stolen.statusCode).toBe(403);
    const ok = await c.as({ method: 'POST', url: '/api/customer/invitations/accept', payload: { token } });
    expect(ok.statusCode).toBe(200);
    const acc = (await c.as({ method: 'GET', url: '/api/customer/account' })).json();
    expect(acc.association).toMatchObject({ partnerName: 'Alpha Cloud Services', type: 'resale' });
    expect(await channelsTo(email, 'customers.associated')).toEqual(['email']);
    expect(await channelsTo('+8613800138001', 'customers.associated')).toEqual(['sms']);
    const twice = await c.as({ method: 'POST', url: '/api/customer/invitations/accept', payload: { token } });
    expect(twice.statusCode).toBe(409);
  });

  it('application: the customer applies by partner id, the partner accepts; one partner at a time', async () => {
    const c = await signUpCustomerViaApi(t, { phone: '13900139002' });
    const found = await c.as({ method: 'GET', url: '/api/customer/partners?q=alpha cloud' });
    expect(found.json().items).toEqual([{ domainId: a.partner.domainId, name: 'Alpha Cloud Services' }]);
    const applied = await c.as({
      method: 'POST',
      url: '/api/customer/applications',
      payload: { partnerDomainId: a.partner.domainId, type: 'referral' },
    });
    expect(applied.statusCode).toBe(201);
    expect(await channelsTo(a.user.email, 'customers.application_received')).toContain('email');
    // It may also apply to B meanwhile; whichever accepts first wins.
    const toB = await c.as({
      method: 'POST',
      url: '/api/customer/applications',
      payload: { partnerDomainId: b.partner.domainId, type: 'resale' },
    });
    expect(toB.statusCode).toBe(201);
    const reqs = (await asA({ method: 'GET', url: '/api/customers/requests' })).json().items;
    const mine = reqs.find((r: { id: string }) => r.id === applied.json().id);
    expect(mine).toMatchObject({
      direction: 'application',
      status: 'pending',
      customerName: expect.any(String),
    });
    // B cannot answer A's application.
    expect(
      (await asB({ method: 'POST', url: `/api/customers/applications/${mine.id}/accept` })).statusCode,
    ).toBe(404);
    expect(
      (await asA({ method: 'POST', url: `/api/customers/applications/${mine.id}/accept` })).statusCode,
    ).toBe(200);
    expect(await channelsTo('+8613900139002', 'customers.associated')).toEqual(['sms']);
    const late = await asB({ method: 'POST', url: `/api/customers/applications/${toB.json().id}/accept` });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('customers.already_associated');
    // Applying again while associated is refused too.
    const more = await c.as({
      method: 'POST',
      url: '/api/customer/applications',
      payload: { partnerDomainId: b.partner.domainId, type: 'resale' },
    });
    expect(more.json().code).toBe('customers.already_associated');
  });

  it('a declined application tells the customer by email', async () => {
    const c = await signUpCustomerViaApi(t, { locale: 'en-US' });
    const applied = await c.as({
      method: 'POST',
      url: '/api/customer/applications',
      payload: { partnerDomainId: b.partner.domainId, type: 'referral' },
    });
    await asB({ method: 'POST', url: `/api/customers/applications/${applied.json().id}/decline` });
    expect(await channelsTo(c.email, 'customers.application_declined')).toContain('email');
    const own = (await c.as({ method: 'GET', url: '/api/customer/requests' })).json().items;
    expect(own[0]).toMatchObject({ status: 'declined', partnerName: expect.any(String) });
  });

  async function associatedCustomer(partner: AsUser, partnerDomainId: string, type = 'referral') {
    const c = await signUpCustomerViaApi(t);
    const applied = await c.as({
      method: 'POST',
      url: '/api/customer/applications',
      payload: { partnerDomainId, type },
    });
    await partner({ method: 'POST', url: `/api/customers/applications/${applied.json().id}/accept` });
    return { ...c, id: await customerIdOf(c.domainId) };
  }

  it('unbinding or switching the type is allowed once per 3 months, with the date it becomes possible', async () => {
    const c = await associatedCustomer(asA, a.partner.domainId);
    // The audit order below is by time: let the switch happen a minute after the association.
    t.clock.advance(60_000);
    // Members may not; the administrator may.
    const byMember = await asAMember({
      method: 'POST',
      url: `/api/customers/${c.id}/association-type`,
      payload: { type: 'resale' },
    });
    expect(byMember.statusCode).toBe(403);
    const switched = await asA({
      method: 'POST',
      url: `/api/customers/${c.id}/association-type`,
      payload: { type: 'resale' },
    });
    expect(switched.statusCode).toBe(200);
    const detail = (await asA({ method: 'GET', url: `/api/customers/${c.id}` })).json();
    expect(detail.associationType).toBe('resale');
    expect(detail.history.map((h: { endReason: string | null }) => h.endReason)).toEqual([
      null,
      'switch_type',
    ]);
    expect(detail.nextChangeAllowedAt).not.toBeNull();
    const soon = await asA({
      method: 'POST',
      url: `/api/customers/${c.id}/unbind`,
      headers: { 'x-language': 'en-US' },
    });
    expect(soon.statusCode).toBe(409);
    expect(soon.json().code).toBe('customers.change_too_soon');
    expect(soon.json().message).toMatch(/possible again from \d{4}-\d{2}-\d{2}/);
    t.clock.advance(80 * DAY);
    // Sessions last 7 days: sign in again after moving the clock.
    asA = await session(a.user.email, a.password);
    asB = await session(b.user.email, b.password);
    expect((await asA({ method: 'POST', url: `/api/customers/${c.id}/unbind` })).statusCode).toBe(409);
    t.clock.advance(15 * DAY);
    asA = await session(a.user.email, a.password);
    asB = await session(b.user.email, b.password);
    const unbound = await asA({ method: 'POST', url: `/api/customers/${c.id}/unbind` });
    expect(unbound.statusCode).toBe(200);
    expect(await channelsTo(c.email, 'customers.association_changed')).toContain('email');
    // No longer A's customer: not in its list, detail gone; the customer may apply elsewhere at once.
    expect((await asA({ method: 'GET', url: `/api/customers/${c.id}` })).statusCode).toBe(404);
    const active = await t.db.query(
      "select 1 from customer_associations where customer_id = $1 and status = 'active'",
      [c.id],
    );
    expect(active.rows).toHaveLength(0);
    const audit = await t.db.query<{ action: string }>(
      "select action from audit_log where entity_id = $1 and action like 'association.%' order by at, id",
      [c.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'association.created',
      'association.type_changed',
      'association.ended',
    ]);
  });

  it('freezes and unfreezes; another partner can neither see nor act on the customer', async () => {
    const c = await associatedCustomer(asA, a.partner.domainId);
    const frozen = await asA({
      method: 'POST',
      url: `/api/customers/${c.id}/freeze`,
      payload: { reason: 'overdue payment' },
    });
    expect(frozen.statusCode).toBe(200);
    expect((await asA({ method: 'GET', url: `/api/customers/${c.id}` })).json()).toMatchObject({
      status: 'frozen',
      frozenReason: 'overdue payment',
      freezeType: 'ACCOUNT',
    });
    const twice = await asA({
      method: 'POST',
      url: `/api/customers/${c.id}/freeze`,
      payload: { reason: 'x' },
    });
    expect(twice.json().code).toBe('customers.already_frozen');
    for (const url of [`/api/customers/${c.id}/unfreeze`, `/api/customers/${c.id}/unbind`]) {
      const r = await asB({
        method: 'POST',
        url,
        payload: url.endsWith('unfreeze') ? { reason: 'x' } : undefined,
      });
      expect(r.statusCode, url).toBe(404);
    }
    expect((await asB({ method: 'GET', url: `/api/customers/${c.id}` })).statusCode).toBe(404);
    expect((await asB({ method: 'GET', url: '/api/customers' })).body).not.toContain(c.domainId);
    expect(
      (await asA({ method: 'POST', url: `/api/customers/${c.id}/unfreeze`, payload: { reason: 'paid' } }))
        .statusCode,
    ).toBe(200);
  });

  it('lists with filters and exports the filtered list as CSV and XLSX', async () => {
    const p = await createPartnerWithAdmin(t, { name: 'Export Partner' });
    const asP = await session(p.user.email, p.password);
    const r1 = await associatedCustomer(asP, p.partner.domainId, 'referral');
    t.clock.advance(2 * DAY);
    const r2 = await associatedCustomer(asP, p.partner.domainId, 'resale');
    await asP({ method: 'PUT', url: `/api/customers/${r2.id}/label`, payload: { label: 'VIP=1' } });
    const all = (await asP({ method: 'GET', url: '/api/customers' })).json();
    expect(all.total).toBe(2);
    expect(all.items[0].domainId).toBe(r2.domainId);
    expect(all.items[0].email).toContain('***');
    const resale = (await asP({ method: 'GET', url: '/api/customers?type=resale' })).json();
    expect(resale.items.map((i: { domainId: string }) => i.domainId)).toEqual([r2.domainId]);
    const byLabel = (await asP({ method: 'GET', url: '/api/customers?label=vip' })).json();
    expect(byLabel.total).toBe(1);
    const byName = (
      await asP({ method: 'GET', url: `/api/customers?keyword=${r1.domainId.slice(4, 12)}` })
    ).json();
    expect(byName.items.map((i: { domainId: string }) => i.domainId)).toEqual([r1.domainId]);
    const now = t.clock.now();
    const today = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const fromToday = (await asP({ method: 'GET', url: `/api/customers?associatedFrom=${today}` })).json();
    expect(fromToday.items.map((i: { domainId: string }) => i.domainId)).toEqual([r2.domainId]);

    const csv = await asP({
      method: 'GET',
      url: '/api/customers/export?format=csv',
      headers: { 'x-language': 'en-US' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="customers-.*\.csv"/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Customer,Account name,Customer ID,Association type,Associated on,Label,Email,Mobile,Status,Reseller',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(r2.domainId);
    expect(lines[1]).toContain('VIP=1');
    const zh = await asP({ method: 'GET', url: '/api/customers/export?format=csv&type=referral' });
    const zhLines = zh.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(zhLines[0]?.startsWith('客户名称,账号名')).toBe(true);
    expect(zhLines).toHaveLength(2);
    expect(zhLines[1]).toContain('推荐');

    const xlsx = await asP({ method: 'GET', url: '/api/customers/export?format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    const text = Object.entries(files)
      .filter(([name]) => name.startsWith('xl/'))
      .map(([, data]) => new TextDecoder().decode(data))
      .join('\n');
    expect(text).toContain(r1.domainId);
    expect(text).toContain(r2.domainId);
    expect(text).toContain('客户名称');
  });

  it('a distributor sees its resellers’ customers with the reseller named; the reseller does not see the distributor’s', async () => {
    const d = await createPartnerWithAdmin(t, { name: 'Dist Co' });
    const r = await createPartnerWithAdmin(t, { name: 'Resell Co' });
    await linkReseller(
      t,
      { partnerId: d.partner.id, userId: d.user.id },
      { partnerId: r.partner.id, userId: r.user.id, email: r.user.email },
    );
    const asD = await session(d.user.email, d.password);
    const asR = await session(r.user.email, r.password);
    const own = await associatedCustomer(asD, d.partner.domainId);
    const viaR = await associatedCustomer(asR, r.partner.domainId);
    const list = (await asD({ method: 'GET', url: '/api/customers' })).json();
    expect(list.resellers).toEqual([{ id: r.partner.id, name: 'Resell Co' }]);
    const rows = new Map(list.items.map((i: { domainId: string }) => [i.domainId, i]));
    expect(rows.get(own.domainId)).toMatchObject({ viaReseller: false });
    expect(rows.get(viaR.domainId)).toMatchObject({ viaReseller: true, partnerName: 'Resell Co' });
    const onlyR = (await asD({ method: 'GET', url: `/api/customers?reseller=${r.partner.id}` })).json();
    expect(onlyR.items.map((i: { domainId: string }) => i.domainId)).toEqual([viaR.domainId]);
    expect((await asD({ method: 'GET', url: `/api/customers/${viaR.id}` })).statusCode).toBe(200);
    // Read-only for the distributor: the reseller's association is the reseller's to change.
    expect((await asD({ method: 'POST', url: `/api/customers/${viaR.id}/unbind` })).statusCode).toBe(404);
    const rList = (await asR({ method: 'GET', url: '/api/customers' })).json();
    expect(rList.items.map((i: { domainId: string }) => i.domainId)).toEqual([viaR.domainId]);
    expect((await asR({ method: 'GET', url: `/api/customers/${own.id}` })).statusCode).toBe(404);
    // Another partner passing the reseller filter sees nothing.
    expect((await asB({ method: 'GET', url: `/api/customers?reseller=${r.partner.id}` })).json().total).toBe(
      0,
    );
  });

  it('redirect sign-up associates with the partner (source redirect) and queues the bind callback', async () => {
    const p = await createPartnerWithAdmin(t);
    await t.db.query(
      `insert into partner_integrations (partner_id, xaccount_type, bind_notify_url, updated_at)
       values ($1, 'shop', 'https://partner.example.test/bind', now())`,
      [p.partner.id],
    );
    const c = await signUpCustomerViaApi(t, {
      extra: {
        partner: p.partner.domainId,
        xaccountType: 'shop',
        xaccountId: 'u-1001',
        associationType: '2',
      },
    });
    expect(c.status).toBe(200);
    const acc = (await c.as({ method: 'GET', url: '/api/customer/account' })).json();
    expect(acc.association).toMatchObject({ partnerDomainId: p.partner.domainId, type: 'resale' });
    const row = await t.db.query<{ source: string }>(
      'select a.source from customer_associations a join customers c on c.id = a.customer_id where c.domain_id = $1',
      [c.domainId],
    );
    expect(row.rows[0]?.source).toBe('redirect');
    const dl = await t.db.query<{ n: number }>(
      "select count(*)::int as n from deliveries where kind = 'bind_callback' and partner_id = $1",
      [p.partner.id],
    );
    expect(dl.rows[0]?.n).toBe(1);
    // The same platform user again is refused.
    const dup = await signUpCustomerViaApi(t, {
      extra: { partner: p.partner.domainId, xaccountType: 'shop', xaccountId: 'u-1001' },
    });
    expect(dup.status).toBe(409);
    // An unknown partner id is refused and nothing is created.
    const unknown = await signUpCustomerViaApi(t, { extra: { partner: '0'.repeat(32) } });
    expect(unknown.status).toBe(404);
  });

  it('operators read every customer in the console; partners may not', async () => {
    const op = await createOperator(t, ['support']);
    const asOp = await session(op.user.email, op.password);
    const res = await asOp({ method: 'GET', url: '/api/console/customers?limit=100' });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(3);
    expect((await asA({ method: 'GET', url: '/api/console/customers' })).statusCode).toBe(403);
  });
});
