import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerUser,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { BUSINESS_FORM, QUALIFICATION_FORM } from './certification.test-data.ts';
import { assertPayoutAllowed } from './payout-gate.service.ts';

const en = { 'x-language': 'en-US' };

describe('certification: the partner side (R3, R10) and the payout gate (R4)', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let asMember: AsUser;
  let asReviewer: AsUser;
  let smsPhone: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnerWithAdmin(t, { locale: 'en-US' });
    b = await createPartnerWithAdmin(t);
    smsPhone = `+86139${String(Date.now()).slice(-8)}`;
    await createPartnerUser(t, a.partner.id, ['admin'], { phone: smsPhone });
    const member = await createPartnerUser(t, a.partner.id, ['member']);
    const reviewer = await createOperator(t, ['reviewer']);
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    asMember = asUser(t, await signIn(t, member.user.email, member.password));
    asReviewer = asUser(t, await signIn(t, reviewer.user.email, reviewer.password));
  });
  afterAll(() => t.close());

  it('needs a signed-in partner user; members read, only administrators change', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/certification' });
    expect(anon.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/payout-eligibility' })).statusCode).toBe(401);
    expect((await asReviewer({ method: 'GET', url: '/api/certification' })).statusCode).toBe(403);
    expect((await asMember({ method: 'GET', url: '/api/certification' })).statusCode).toBe(200);
    const put = await asMember({ method: 'PUT', url: '/api/certification/qualification', payload: {} });
    expect(put.statusCode).toBe(403);
    expect(put.json().code).toBe('common.forbidden');
    const submit = await asMember({ method: 'POST', url: '/api/certification/qualification/submit' });
    expect(submit.statusCode).toBe(403);
  });

  it('starts with nothing, and payouts are refused with a link to business information', async () => {
    const res = await asA({ method: 'GET', url: '/api/certification' });
    expect(res.json()).toMatchObject({
      qualification: { status: 'none', id: null, history: [] },
      business: { status: 'none', data: { bankAccountMasked: null } },
    });
    const gate = await asA({ method: 'GET', url: '/api/payout-eligibility', headers: en });
    expect(gate.json()).toEqual({
      allowed: false,
      businessStatus: 'none',
      code: 'certification.payout_blocked',
      message: expect.stringContaining('Partner info > Business info'),
      link: '/partner-info/business',
    });
    const zh = await asA({
      method: 'GET',
      url: '/api/payout-eligibility',
      headers: { 'x-language': 'zh-CN' },
    });
    expect(zh.json().message).toContain('商业信息');
    await expect(assertPayoutAllowed(t.ctx.db, a.partner.id)).rejects.toMatchObject({
      code: 'certification.payout_blocked',
      details: { link: '/partner-info/business' },
    });
  });

  it('refuses to submit with no draft or an incomplete one, naming the fields, and changes nothing', async () => {
    const none = await asA({ method: 'POST', url: '/api/certification/qualification/submit', headers: en });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({
      code: 'certification.no_draft',
      message: expect.stringContaining('fill in'),
    });
    const draft = await asA({
      method: 'PUT',
      url: '/api/certification/qualification',
      payload: { companyName: QUALIFICATION_FORM.companyName },
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({
      status: 'draft',
      data: { companyName: QUALIFICATION_FORM.companyName },
    });
    const incomplete = await asA({
      method: 'POST',
      url: '/api/certification/qualification/submit',
      headers: en,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().code).toBe('certification.incomplete');
    expect(incomplete.json().message).toContain('creditCode');
    expect(incomplete.json().message).not.toContain('companyName');
    const after = await asA({ method: 'GET', url: '/api/certification' });
    expect(after.json().qualification.status).toBe('draft');
  });

  it('validates fields and refuses unknown ones (no bank data in the qualification stage)', async () => {
    const bad = await asA({
      method: 'PUT',
      url: '/api/certification/qualification',
      payload: { creditCode: '123' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('common.validation');
    const bank = await asA({
      method: 'PUT',
      url: '/api/certification/qualification',
      payload: { bankAccountNumber: '6222020200112233445' },
    });
    expect(bank.statusCode).toBe(400);
  });

  it('submits once, notifies each administrator in their language by email, SMS and in-app', async () => {
    await asA({ method: 'PUT', url: '/api/certification/qualification', payload: QUALIFICATION_FORM });
    const res = await asA({ method: 'POST', url: '/api/certification/qualification/submit' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', rejectionReason: null });
    expect(res.json().submittedAt).toBe(t.clock.now().toISOString());

    const again = await asA({ method: 'POST', url: '/api/certification/qualification/submit', headers: en });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'certification.already_submitted',
      message: expect.stringContaining('already submitted'),
    });
    const edit = await asA({
      method: 'PUT',
      url: '/api/certification/qualification',
      payload: { contactName: 'X Y' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('certification.not_editable');

    const sent = await t.db.query<{
      channel: string;
      locale: string;
      recipient: string;
      subject: string | null;
    }>(
      `select channel, locale, recipient, subject from notifications
       where partner_id = $1 and template = 'certification.submitted' order by channel, recipient`,
      [a.partner.id],
    );
    expect(sent.rows.map((r) => r.channel).sort()).toEqual(['email', 'email', 'in_app', 'in_app', 'sms']);
    expect(sent.rows.find((r) => r.recipient === a.user.email)).toMatchObject({
      locale: 'en-US',
      subject: '[Partner Center] Reseller qualification certification: submitted',
    });
    expect(sent.rows.find((r) => r.channel === 'sms')).toMatchObject({
      recipient: smsPhone,
      locale: 'zh-CN',
    });
  });

  it('refuses business information before the qualification is approved', async () => {
    await asA({ method: 'PUT', url: '/api/certification/business', payload: BUSINESS_FORM });
    const res = await asA({ method: 'POST', url: '/api/certification/business/submit', headers: en });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('certification.qualification_required');
    const view = await asA({ method: 'GET', url: '/api/certification' });
    expect(view.json().business.status).toBe('draft');
  });

  it('keeps the bank account encrypted at rest and masked in every answer', async () => {
    const res = await asA({ method: 'GET', url: '/api/certification' });
    expect(res.body).not.toContain('6222020200112233445');
    expect(res.json().business.data).toMatchObject({
      bankAccountMasked: '**** **** **** 3445',
      taxpayerStatus: 'general',
      settlementCurrency: 'CNY',
    });
    expect(res.json().business.data).not.toHaveProperty('bankAccountNumber');
    const raw = await t.db.query<Record<string, unknown>>(
      'select * from certification_submissions where partner_id = $1 and stage = $2',
      [a.partner.id, 'business'],
    );
    expect(JSON.stringify(raw.rows)).not.toContain('6222020200112233445');
    expect(raw.rows[0]?.bank_account_enc).toMatch(/^v1\./);
    const audit = await t.db.query('select after from audit_log where partner_id = $1', [a.partner.id]);
    expect(JSON.stringify(audit.rows)).not.toContain('6222020200112233445');
  });

  it('is invisible to another partner', async () => {
    const res = await asB({ method: 'GET', url: '/api/certification' });
    expect(res.json().qualification.status).toBe('none');
    expect(res.json().business.status).toBe('none');
    const put = await asB({
      method: 'PUT',
      url: '/api/certification/business',
      payload: { bankName: '招商银行' },
    });
    expect(put.statusCode).toBe(200);
    const mine = await asA({ method: 'GET', url: '/api/certification' });
    expect(mine.json().business.data.bankName).toBe(BUSINESS_FORM.bankName);
    expect((await asB({ method: 'GET', url: '/api/console/certifications' })).statusCode).toBe(403);
  });
});
