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
import { systemActor } from '../../platform/context.ts';
import { grantMembership } from './applications.service.ts';
import { expireInvitations } from './hierarchy.service.ts';

const T = 80_000_000;

describe('memberships: programs, hierarchy, performance and the upgrade path', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let asAMember: AsUser;
  let asReviewer: AsUser;
  let asManager: AsUser;
  let asOtherManager: AsUser;
  let asFinance: AsUser;
  let asSupport: AsUser;
  let asOpAdmin: AsUser;
  let managerId: string;

  const grant = (partnerId: string, program: string) =>
    t.ctx.db.transaction((tx) =>
      grantMembership(t.ctx, tx, systemActor(), { partnerId, program, source: 'operator' }),
    );
  const session = async (email: string, password: string) => asUser(t, await signIn(t, email, password));
  const newPartner = async (locale?: 'zh-CN' | 'en-US') => {
    const p = await createPartnerWithAdmin(t, { locale });
    return { p, as: await session(p.user.email, p.password) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnerWithAdmin(t);
    b = await createPartnerWithAdmin(t, { locale: 'en-US' });
    asA = await session(a.user.email, a.password);
    asB = await session(b.user.email, b.password);
    const member = await createPartnerUser(t, a.partner.id);
    asAMember = await session(member.user.email, member.password);
    const ops = {
      reviewer: await createOperator(t, ['reviewer']),
      manager: await createOperator(t, ['ecosystem_manager']),
      other: await createOperator(t, ['ecosystem_manager']),
      finance: await createOperator(t, ['finance']),
      support: await createOperator(t, ['support']),
      admin: await createOperator(t, ['admin']),
    };
    managerId = ops.manager.user.id;
    asReviewer = await session(ops.reviewer.user.email, ops.reviewer.password);
    asManager = await session(ops.manager.user.email, ops.manager.password);
    asOtherManager = await session(ops.other.user.email, ops.other.password);
    asFinance = await session(ops.finance.user.email, ops.finance.password);
    asSupport = await session(ops.support.user.email, ops.support.password);
    asOpAdmin = await session(ops.admin.user.email, ops.admin.password);
  });
  afterAll(() => t.close());

  it('lets an administrator apply to a program and a reviewer approve it', async () => {
    const res = await asA({
      method: 'POST',
      url: '/api/memberships/applications',
      payload: { program: 'service_partner', note: 'hi' },
    });
    expect(res.statusCode).toBe(200);
    const app = res.json();
    expect(app).toMatchObject({ status: 'submitted', kind: 'join', partnerId: a.partner.id });

    const twice = await asA({
      method: 'POST',
      url: '/api/memberships/applications',
      payload: { program: 'service_partner' },
    });
    expect(twice.json().code).toBe('memberships.application_open');

    const queue = await asReviewer({
      method: 'GET',
      url: `/api/console/membership-applications?status=submitted&partnerId=${a.partner.id}`,
    });
    expect(queue.json().items.map((i: { id: string }) => i.id)).toEqual([app.id]);

    const noReason = await asReviewer({
      method: 'POST',
      url: `/api/console/membership-applications/${app.id}/reject`,
      payload: {},
    });
    expect(noReason.json().code).toBe('memberships.reason_required');

    const ok = await asReviewer({
      method: 'POST',
      url: `/api/console/membership-applications/${app.id}/approve`,
      payload: {},
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
    const again = await asReviewer({
      method: 'POST',
      url: `/api/console/membership-applications/${app.id}/approve`,
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('memberships.application_not_pending');

    const overview = (await asAMember({ method: 'GET', url: '/api/memberships' })).json();
    expect(overview.memberships.map((m: { program: string }) => m.program)).toEqual(['service_partner']);
    const dup = await asA({
      method: 'POST',
      url: '/api/memberships/applications',
      payload: { program: 'service_partner' },
    });
    expect(dup.json().code).toBe('memberships.already_member');
    const notes = await t.db.query(`select template from notifications where recipient = $1`, [a.user.email]);
    expect(notes.rows.map((r) => (r as { template: string }).template)).toContain(
      'memberships.application_approved',
    );
  });

  it('refuses programs that do not fit the partner kind (Solution Provider for resellers and distributors)', async () => {
    const reseller = await newPartner('en-US');
    await grant(reseller.p.partner.id, 'cloud_reseller');
    const apply = (as: AsUser) =>
      as({ method: 'POST', url: '/api/memberships/applications', payload: { program: 'solution_provider' } });
    const r1 = await apply(reseller.as);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().code).toBe('memberships.not_for_resellers');
    expect(r1.json().message).toContain('Cloud resellers sell to end customers under their distributor');
    const distributor = await newPartner('zh-CN');
    await grant(distributor.p.partner.id, 'distributor');
    const r2 = await apply(distributor.as);
    expect(r2.json().code).toBe('memberships.not_for_distributors');
    expect(r2.json().message).toContain('总经销商专注发展和支持云经销商');
    // What fits the kind is still accepted (Service Partner fits every kind).
    const ok = await reseller.as({
      method: 'POST',
      url: '/api/memberships/applications',
      payload: { program: 'service_partner' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses members, other tenants, unknown fields and cloud reseller applications', async () => {
    const member = await asAMember({
      method: 'POST',
      url: '/api/memberships/applications',
      payload: { program: 'solution_provider' },
    });
    expect(member.statusCode).toBe(403);
    const extra = await asA({
      method: 'POST',
      url: '/api/memberships/applications',
      payload: { program: 'solution_provider', x: 1 },
    });
    expect(extra.statusCode).toBe(400);
    const reseller = await asB({
      method: 'POST',
      url: '/api/memberships/applications',
      payload: { program: 'cloud_reseller' },
    });
    expect(reseller.json().message).toBe(
      'Cloud resellers join by a distributor’s invitation; ask your distributor to invite you',
    );

    const mine = (
      await asA({
        method: 'POST',
        url: '/api/memberships/applications',
        payload: { program: 'solution_provider' },
      })
    ).json();
    const cross = await asB({ method: 'POST', url: `/api/memberships/applications/${mine.id}/withdraw` });
    expect(cross.statusCode).toBe(404);
    const bView = (await asB({ method: 'GET', url: '/api/memberships' })).json();
    expect(bView.applications).toEqual([]);
    expect(
      (await asA({ method: 'POST', url: `/api/memberships/applications/${mine.id}/withdraw` })).statusCode,
    ).toBe(200);
    const withdrawn = await asReviewer({
      method: 'POST',
      url: `/api/console/membership-applications/${mine.id}/approve`,
      payload: {},
    });
    expect(withdrawn.json().code).toBe('memberships.application_not_pending');
    expect((await asA({ method: 'GET', url: '/api/memberships' })).json().memberships).toHaveLength(1);
  });

  it('keeps the console for operators with the right roles', async () => {
    expect((await asA({ method: 'GET', url: '/api/console/membership-applications' })).statusCode).toBe(403);
    expect((await asSupport({ method: 'GET', url: '/api/console/membership-applications' })).statusCode).toBe(
      403,
    );
    expect(
      (await asSupport({ method: 'GET', url: `/api/console/partners/${a.partner.id}/memberships` }))
        .statusCode,
    ).toBe(200);
    const assign = await asReviewer({
      method: 'PUT',
      url: `/api/console/partners/${a.partner.id}/ecosystem-manager`,
      payload: { managerId },
    });
    expect(assign.statusCode).toBe(403);
    const perf = await asSupport({
      method: 'PUT',
      url: `/api/console/partners/${a.partner.id}/performance/2026`,
      payload: { amountFen: 1 },
    });
    expect(perf.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/memberships' })).statusCode).toBe(401);
    expect((await asReviewer({ method: 'GET', url: '/api/memberships' })).statusCode).toBe(403);
  });

  it('lets exactly one of two concurrent approvals win', async () => {
    const { p, as } = await newPartner();
    const app = (
      await as({
        method: 'POST',
        url: '/api/memberships/applications',
        payload: { program: 'solution_provider' },
      })
    ).json();
    const [r1, r2] = await Promise.all([
      asReviewer({
        method: 'POST',
        url: `/api/console/membership-applications/${app.id}/approve`,
        payload: {},
      }),
      asManager({
        method: 'POST',
        url: `/api/console/membership-applications/${app.id}/reject`,
        payload: { reason: 'no' },
      }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const audit = await t.db.query(
      `select action from audit_log where entity_id = $1 and action like 'membership_application.%'`,
      [app.id],
    );
    expect(audit.rows).toHaveLength(2);
    const members = (await as({ method: 'GET', url: '/api/memberships' })).json().memberships;
    expect(members.length).toBe(r1.statusCode === 200 ? 1 : 0);
    expect(p.partner.id).toBeTruthy();
  });

  it('reviews several applications in bulk, reporting each one', async () => {
    const x = await newPartner();
    const y = await newPartner();
    const ax = (
      await x.as({
        method: 'POST',
        url: '/api/memberships/applications',
        payload: { program: 'solution_provider' },
      })
    ).json();
    const ay = (
      await y.as({
        method: 'POST',
        url: '/api/memberships/applications',
        payload: { program: 'service_partner' },
      })
    ).json();
    await x.as({ method: 'POST', url: `/api/memberships/applications/${ax.id}/withdraw` });
    const res = await asReviewer({
      method: 'POST',
      url: '/api/console/membership-applications/bulk',
      payload: { ids: [ax.id, ay.id], action: 'reject', reason: 'Incomplete materials' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      {
        id: ax.id,
        ok: false,
        code: 'memberships.application_not_pending',
        message: '该申请已处理（当前状态：withdrawn），不能再次操作',
      },
      { id: ay.id, ok: true },
    ]);
    const view = (await y.as({ method: 'GET', url: '/api/memberships' })).json();
    expect(view.applications[0]).toMatchObject({ status: 'rejected', reviewReason: 'Incomplete materials' });
  });

  it('walks a reseller from 800,000 to the ASSC program and the distributor upgrade', async () => {
    const d = await newPartner();
    const r = await newPartner('en-US');
    await grant(d.p.partner.id, 'distributor');
    const inv = (
      await d.as({
        method: 'POST',
        url: '/api/memberships/sent-invitations',
        payload: { email: r.p.user.email },
      })
    ).json();
    await r.as({ method: 'POST', url: `/api/memberships/invitations/${inv.id}/accept` });
    const year = (await r.as({ method: 'GET', url: '/api/memberships' })).json().currentYear as number;

    const early = await r.as({ method: 'POST', url: '/api/memberships/distributor', payload: {} });
    expect(early.statusCode).toBe(404);
    const upgradeFirst = await r.as({
      method: 'POST',
      url: '/api/memberships/applications',
      payload: { program: 'distributor' },
    });
    expect(upgradeFirst.json().code).toBe('memberships.not_assc_member');

    const put = (amountFen: number, as = asFinance, y = year) =>
      as({
        method: 'PUT',
        url: `/api/console/partners/${r.p.partner.id}/performance/${y}`,
        payload: { amountFen },
      });
    expect((await put(T - 1)).statusCode).toBe(200);
    const below = await r.as({
      method: 'POST',
      url: '/api/memberships/applications',
      headers: { 'accept-language': 'en-US' },
      payload: { program: 'authorized_sales_support_center' },
    });
    expect(below.statusCode).toBe(400);
    expect(below.json().message).toBe(
      'Annual performance has not reached CNY 800000.00 (best so far: CNY 799999.99); you cannot apply yet',
    );
    expect((await put(1, asFinance, year + 1)).json().code).toBe('memberships.invalid_year');
    expect((await put(T, asManager)).statusCode).toBe(200);
    expect((await r.as({ method: 'GET', url: '/api/memberships' })).json().eligibility).toEqual({
      assc: true,
      upgrade: false,
    });

    const assc = (
      await r.as({
        method: 'POST',
        url: '/api/memberships/applications',
        payload: { program: 'authorized_sales_support_center' },
      })
    ).json();
    expect(assc).toMatchObject({ kind: 'assc', performanceYear: year, performanceFen: T });
    const noMgr = await asReviewer({
      method: 'POST',
      url: `/api/console/membership-applications/${assc.id}/approve`,
      payload: {},
    });
    expect(noMgr.json().code).toBe('memberships.no_manager');

    const bad = await asOpAdmin({
      method: 'PUT',
      url: `/api/console/partners/${r.p.partner.id}/ecosystem-manager`,
      payload: { managerId: a.user.id },
    });
    expect(bad.json().code).toBe('memberships.not_ecosystem_manager');
    const assigned = await asOpAdmin({
      method: 'PUT',
      url: `/api/console/partners/${r.p.partner.id}/ecosystem-manager`,
      payload: { managerId },
    });
    expect(assigned.statusCode).toBe(200);
    expect((await r.as({ method: 'GET', url: '/api/memberships' })).json().manager.id).toBe(managerId);

    const other = await asOtherManager({
      method: 'POST',
      url: `/api/console/membership-applications/${assc.id}/approve`,
      payload: {},
    });
    expect(other.json().code).toBe('memberships.not_your_partner');
    const mine = (
      await asManager({
        method: 'GET',
        url: '/api/console/membership-applications?mine=true&status=submitted',
      })
    ).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([assc.id]);
    expect(
      (
        await asManager({
          method: 'POST',
          url: `/api/console/membership-applications/${assc.id}/approve`,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);

    const up = (
      await r.as({
        method: 'POST',
        url: '/api/memberships/applications',
        payload: { program: 'distributor' },
      })
    ).json();
    expect(up.kind).toBe('upgrade');
    expect(
      (
        await asManager({
          method: 'POST',
          url: `/api/console/membership-applications/${up.id}/approve`,
          payload: {},
        })
      ).statusCode,
    ).toBe(200);
    const detail = (
      await asSupport({ method: 'GET', url: `/api/console/partners/${r.p.partner.id}/memberships` })
    ).json();
    const active = detail.memberships
      .filter((m: { status: string }) => m.status === 'active')
      .map((m: { program: string }) => m.program);
    expect(active.sort()).toEqual(['authorized_sales_support_center', 'distributor']);
    expect(detail.distributor).toBeNull();
    expect(detail.isDistributor).toBe(true);
    expect((await r.as({ method: 'GET', url: '/api/memberships/resellers' })).statusCode).toBe(200);
  });

  it('imports performance from CSV, all lines or none', async () => {
    const bad = await asFinance({
      method: 'POST',
      url: '/api/console/performance/import',
      payload: { csv: `partner,year,amount\n${a.partner.id},2025,100.50\n${b.partner.domainId},2025,abc\n` },
    });
    expect(bad.json().code).toBe('memberships.import_invalid');
    expect((await asA({ method: 'GET', url: '/api/memberships' })).json().performance).toEqual([]);
    const ok = await asFinance({
      method: 'POST',
      url: '/api/console/performance/import',
      payload: { csv: `partner,year,amount\n${a.partner.id},2025,100.50\n${b.partner.domainId},2025,7\n` },
    });
    expect(ok.json()).toEqual({ imported: 2 });
    expect((await asA({ method: 'GET', url: '/api/memberships' })).json().performance).toEqual([
      { year: 2025, amountFen: 10050, source: 'import' },
    ]);
    expect(
      (await asManager({ method: 'POST', url: '/api/console/performance/import', payload: { csv: 'x' } }))
        .statusCode,
    ).toBe(403);
  });
  it('links resellers to one distributor at a time: invite, accept, no switch, exit, expiry', async () => {
    const d1 = await newPartner();
    const d2 = await newPartner();
    const r = await newPartner();
    const notYet = await d1.as({
      method: 'POST',
      url: '/api/memberships/sent-invitations',
      payload: { email: r.p.user.email },
    });
    expect(notYet.json().code).toBe('memberships.not_distributor');
    await grant(d1.p.partner.id, 'distributor');
    await grant(d2.p.partner.id, 'distributor');

    const unknown = await d1.as({
      method: 'POST',
      url: '/api/memberships/sent-invitations',
      payload: { email: 'nobody@x.test' },
    });
    expect(unknown.json().code).toBe('memberships.invitee_not_found');
    const inv1 = await d1.as({
      method: 'POST',
      url: '/api/memberships/sent-invitations',
      payload: { email: r.p.user.email.toUpperCase() },
    });
    expect(inv1.statusCode).toBe(200);
    const dupInv = await d1.as({
      method: 'POST',
      url: '/api/memberships/sent-invitations',
      payload: { email: r.p.user.email },
    });
    expect(dupInv.json().code).toBe('memberships.invitation_pending');
    const inv2 = (
      await d2.as({
        method: 'POST',
        url: '/api/memberships/sent-invitations',
        payload: { email: r.p.user.email },
      })
    ).json();

    const received = (await r.as({ method: 'GET', url: '/api/memberships/invitations' })).json().items;
    expect(received.map((i: { distributorId: string }) => i.distributorId).sort()).toEqual(
      [d1.p.partner.id, d2.p.partner.id].sort(),
    );
    // Another tenant cannot answer it.
    expect(
      (await asB({ method: 'POST', url: `/api/memberships/invitations/${inv1.json().id}/accept` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await r.as({ method: 'POST', url: `/api/memberships/invitations/${inv1.json().id}/accept` }))
        .statusCode,
    ).toBe(200);
    const view = (await r.as({ method: 'GET', url: '/api/memberships' })).json();
    expect(view.distributor.id).toBe(d1.p.partner.id);
    expect(view.memberships.map((m: { program: string }) => m.program)).toEqual(['cloud_reseller']);

    const second = await r.as({ method: 'POST', url: `/api/memberships/invitations/${inv2.id}/accept` });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('memberships.has_distributor');
    const d3 = await newPartner();
    await grant(d3.p.partner.id, 'distributor');
    const blocked = await d3.as({
      method: 'POST',
      url: '/api/memberships/sent-invitations',
      payload: { email: r.p.user.email },
    });
    expect(blocked.json().code).toBe('memberships.invitee_has_distributor');

    await t.db.query(`insert into annual_performance values ($1, 2026, 12345, 'demo', now())`, [
      r.p.partner.id,
    ]);
    const list = (await d1.as({ method: 'GET', url: '/api/memberships/resellers' })).json().items;
    expect(list).toMatchObject([{ resellerId: r.p.partner.id, status: 'active', thisYearFen: 12345 }]);
    expect((await d2.as({ method: 'GET', url: '/api/memberships/resellers' })).json().items).toEqual([]);
    expect((await r.as({ method: 'GET', url: '/api/memberships/resellers' })).statusCode).toBe(403);

    expect((await r.as({ method: 'POST', url: '/api/memberships/distributor/exit' })).statusCode).toBe(200);
    expect((await r.as({ method: 'POST', url: '/api/memberships/distributor/exit' })).json().code).toBe(
      'memberships.no_distributor',
    );
    expect((await d1.as({ method: 'GET', url: '/api/memberships/resellers' })).json().items[0].status).toBe(
      'ended',
    );

    // d2's invitation runs out after 14 days.
    t.clock.advance(15 * 24 * 3600_000);
    // Sessions do not outlive two weeks of idleness: sign in again.
    r.as = await session(r.p.user.email, r.p.password);
    d2.as = await session(d2.p.user.email, d2.p.password);
    const late = await r.as({ method: 'POST', url: `/api/memberships/invitations/${inv2.id}/accept` });
    expect(late.json().code).toBe('memberships.invitation_expired');
    expect(await expireInvitations(t.ctx, t.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await expireInvitations(t.ctx, t.clock.now())).toBe(0);
    const sent = (await d2.as({ method: 'GET', url: '/api/memberships/sent-invitations' })).json().items;
    expect(sent[0]).toMatchObject({ id: inv2.id, status: 'expired' });

    const inv3 = (
      await d2.as({
        method: 'POST',
        url: '/api/memberships/sent-invitations',
        payload: { email: r.p.user.email },
      })
    ).json();
    expect(
      (await d2.as({ method: 'POST', url: `/api/memberships/sent-invitations/${inv3.id}/revoke` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await r.as({ method: 'POST', url: `/api/memberships/invitations/${inv3.id}/accept` })).json().code,
    ).toBe('memberships.invitation_not_pending');
  });
});
