import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { type JobRuntime, startJobRuntime } from '../../platform/jobs/runtime.ts';
import { hasValidCertificate, issueCertificate } from './certificates.service.ts';
import { expireCertificates } from './lifecycle.service.ts';

const materials = {
  summary: 'Annual summary: customers, projects and certified staff of the year.',
  certifiedStaff: 5,
  customerCases: 7,
  contactName: 'Wang Fang',
  contactPhone: '+8613900000000',
  documentUrls: [],
};

/**
 * R7 through two whole years on the injected clock, with the real scheduler (cron slots in
 * Asia/Shanghai) and worker: partner `renewing` passes both December reviews; partner `lapsing`
 * passes the first and ignores the second, and expires on 1 February.
 */
describe('certificate lifecycle over two years', () => {
  let t: TestApp;
  let runtime: JobRuntime;
  let renewing: PartnerWithAdmin;
  let lapsing: PartnerWithAdmin;

  const as = async (p: PartnerWithAdmin): Promise<AsUser> =>
    asUser(t, await signIn(t, p.user.email, p.password));
  const reviewer = async (): Promise<AsUser> => {
    const op = await createOperator(t, ['reviewer']);
    return asUser(t, await signIn(t, op.user.email, op.password));
  };
  /** Moves the clock and runs what the scheduler finds due, as the scheduler process would. */
  const at = async (iso: string) => {
    t.clock.set(iso);
    const keys = await runtime.tick(t.clock.now());
    await runtime.drain();
    return keys.filter((k) => k.startsWith('certificates.'));
  };
  const certificateOf = async (p: PartnerWithAdmin) =>
    (await (await as(p))({ method: 'GET', url: '/api/certificate' })).json();
  const submitAndApprove = async (p: PartnerWithAdmin) => {
    const view = await certificateOf(p);
    const res = await (await as(p))({
      method: 'POST',
      url: `/api/certificate/reviews/${view.currentReview.id}/submit`,
      payload: materials,
    });
    expect(res.statusCode).toBe(200);
    const ok = await (await reviewer())({
      method: 'POST',
      url: `/api/console/certificate-reviews/${view.currentReview.id}/approve`,
    });
    expect(ok.statusCode).toBe(200);
  };
  const templatesTo = async (p: PartnerWithAdmin) =>
    (
      await t.db.query<{ template: string }>(
        `select template from notifications where recipient = $1 and channel = 'email' order by created_at, id`,
        [p.user.email],
      )
    ).rows.map((r) => r.template);

  beforeAll(async () => {
    t = await createTestApp();
    runtime = await startJobRuntime(t.ctx, []);
    t.clock.set('2026-04-01T02:00:00Z');
    renewing = await createPartnerWithAdmin(t);
    lapsing = await createPartnerWithAdmin(t, { locale: 'en-US' });
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('year one: issued in April, valid to 31 January next year; nothing happens before December', async () => {
    for (const p of [renewing, lapsing]) {
      await t.ctx.db.transaction((tx) => issueCertificate(t.ctx, tx, p.partner.id, systemActor()));
    }
    expect((await certificateOf(renewing)).certificate).toMatchObject({
      status: 'active',
      validUntil: '2027-01-31',
    });
    // 23:59 on 30 November in Shanghai: the review has not opened.
    expect(await at('2026-11-30T15:59:00Z')).toEqual([]);
    expect((await certificateOf(renewing)).currentReview).toBeNull();
  });

  it('1 December 00:00 Shanghai: the review opens for both with a notice and the deadline', async () => {
    expect(await at('2026-11-30T16:00:30Z')).toEqual(['certificates.open-review:2026-12-01T00:00+08:00']);
    // A second scheduler tick in the same minute enqueues nothing again.
    expect(await at('2026-11-30T16:00:40Z')).toEqual([]);
    for (const p of [renewing, lapsing]) {
      const v = await certificateOf(p);
      expect(v.currentReview).toMatchObject({
        cycleYear: 2026,
        status: 'open',
        deadline: '2026-12-31T15:59:59.999Z',
      });
      expect(await templatesTo(p)).toEqual(['certificates.issued', 'certificates.review_opened']);
    }
    const sms = await t.db.query<{ body: string }>(
      `select body from notifications where template = 'certificates.review_opened' and channel = 'sms' and partner_id = $1`,
      [lapsing.partner.id],
    );
    expect(sms.rows).toHaveLength(0); // the factory admin has no phone: no SMS record
  });

  it('both submit in December and pass: validity moves to 31 January 2028', async () => {
    t.clock.set('2026-12-15T03:00:00Z');
    await submitAndApprove(renewing);
    await submitAndApprove(lapsing);
    for (const p of [renewing, lapsing]) {
      expect((await certificateOf(p)).certificate).toMatchObject({
        status: 'active',
        validUntil: '2028-01-31',
      });
    }
  });

  it('1 February 2027: the expiry job runs and leaves renewed certificates alone', async () => {
    expect(await at('2027-01-31T16:00:30Z')).toEqual(['certificates.expire:2027-02-01T00:00+08:00']);
    for (const p of [renewing, lapsing]) {
      expect((await certificateOf(p)).certificate.status).toBe('active');
    }
  });

  it('year two: the December 2027 review opens; only one partner submits', async () => {
    expect(await at('2027-11-30T16:01:00Z')).toEqual(['certificates.open-review:2027-12-01T00:00+08:00']);
    const v = await certificateOf(lapsing);
    expect(v.currentReview).toMatchObject({
      cycleYear: 2027,
      status: 'open',
      currentValidUntil: '2028-01-31',
    });
    expect(v.reviews.map((r: { cycleYear: number }) => r.cycleYear)).toEqual([2027, 2026]);
    t.clock.set('2027-12-20T03:00:00Z');
    await submitAndApprove(renewing);
    expect((await certificateOf(renewing)).certificate.validUntil).toBe('2029-01-31');
  });

  it('after the deadline the lapsing partner can no longer submit', async () => {
    t.clock.set('2028-01-10T03:00:00Z');
    const v = await certificateOf(lapsing);
    expect(v.currentReview).toMatchObject({ overdue: true, canSubmit: false });
    const res = await (await as(lapsing))({
      method: 'POST',
      url: `/api/certificate/reviews/${v.currentReview.id}/submit`,
      payload: materials,
    });
    expect(res.json().code).toBe('certificates.deadline_passed');
  });

  it('at 00:00 on 1 February 2028 the portal already shows expiry; the job then records it and tells the partner', async () => {
    t.clock.set('2028-01-31T15:59:59Z');
    expect(await hasValidCertificate(t.ctx, lapsing.partner.id)).toBe(true);
    t.clock.set('2028-01-31T16:00:00Z');
    expect(await hasValidCertificate(t.ctx, lapsing.partner.id)).toBe(false);
    expect(await hasValidCertificate(t.ctx, renewing.partner.id)).toBe(true);
    expect((await certificateOf(lapsing)).certificate.status).toBe('expired');
    expect(await at('2028-01-31T16:00:30Z')).toEqual(['certificates.expire:2028-02-01T00:00+08:00']);
    const v = await certificateOf(lapsing);
    expect(v.certificate).toMatchObject({ status: 'expired', validUntil: '2028-01-31' });
    expect(v.certificate.expiredAt).not.toBeNull();
    expect(v.currentReview.status).toBe('lapsed');
    expect((await certificateOf(renewing)).certificate).toMatchObject({
      status: 'active',
      validUntil: '2029-01-31',
    });
    expect(await templatesTo(lapsing)).toEqual([
      'certificates.issued',
      'certificates.review_opened',
      'certificates.review_approved',
      'certificates.review_opened',
      'certificates.expired',
    ]);
    const [mail] = (
      await t.db.query<{ subject: string }>(
        `select subject from notifications where recipient = $1 and template = 'certificates.expired'`,
        [lapsing.user.email],
      )
    ).rows;
    expect(mail?.subject).toContain('has expired');
    // A rerun of the job (a retry after a crash) changes and sends nothing more.
    expect(await expireCertificates(t.ctx, t.clock.now())).toBe(0);
  });

  it('a new qualification re-issues the expired certificate with a fresh validity', async () => {
    t.clock.set('2028-03-01T03:00:00Z');
    const again = await t.ctx.db.transaction((tx) =>
      issueCertificate(t.ctx, tx, lapsing.partner.id, systemActor()),
    );
    expect(again).toMatchObject({ status: 'active', validUntil: '2029-01-31' });
    const v = await certificateOf(lapsing);
    expect(v.certificate.expiredAt).toBeNull();
    expect(v.reviews.map((r: { status: string }) => r.status)).toEqual(['lapsed', 'approved']);
  });
});
