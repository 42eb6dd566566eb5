import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_ROLES } from '../src/platform/http/auth.ts';
import { asUser, createOperator, createPartnerWithAdmin, signIn } from './factories.ts';
import { createTestApp, type TestApp } from './index.ts';

/**
 * Issue 14: the console's partner detail page shows the tabs `GET /api/console/partner-tabs` allows.
 * For every operator role, each allowed tab's requests (what the web tab asks when it opens) answer
 * 2xx, and each hidden tab's would answer 403 — so no tab shown answers 403 and none is hidden for
 * nothing. A new web tab must be declared by its module (`partnerTabs`) and listed here.
 */
const TAB_REQUESTS: Record<string, (partnerId: string) => string[]> = {
  memberships: (id) => [`/api/console/partners/${id}/memberships`, '/api/console/ecosystem-managers'],
  history: (id) => [`/api/console/audit?partnerId=${id}`],
  tickets: (id) => [`/api/console/tickets?partnerId=${id}&limit=50`],
  organization: (id) => [
    `/api/console/partners/${id}/organization`,
    `/api/console/partners/${id}/qualifications`,
  ],
  certificate: (id) => [`/api/console/partners/${id}/certificate`],
  certification: (id) => [`/api/console/certifications?partnerId=${id}`],
};

describe('partner-detail tabs by operator role (issue 14)', () => {
  let t: TestApp;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await createPartnerWithAdmin(t)).partner.id;
  });
  afterAll(() => t.close());

  it('declares every tab the web page has', async () => {
    const op = await createOperator(t, ['admin']);
    const as = asUser(t, await signIn(t, op.user.email, op.password));
    const res = await as({ method: 'GET', url: '/api/console/partner-tabs' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ tabs: string[] }>().tabs.sort()).toEqual(Object.keys(TAB_REQUESTS).sort());
  });

  for (const role of OPERATOR_ROLES) {
    it(`${role}: every visible tab's requests answer 2xx, every hidden tab's 403`, async () => {
      const op = await createOperator(t, [role]);
      const as = asUser(t, await signIn(t, op.user.email, op.password));
      const { tabs } = (await as({ method: 'GET', url: '/api/console/partner-tabs' })).json<{
        tabs: string[];
      }>();
      for (const [tab, urls] of Object.entries(TAB_REQUESTS)) {
        for (const url of urls(partnerId)) {
          const status = (await as({ method: 'GET', url })).statusCode;
          if (tabs.includes(tab)) expect(status, `${role} ${tab} ${url}`).toBeLessThan(300);
          else expect(status, `${role} ${tab} ${url}`).toBe(403);
        }
      }
    });
  }

  it('is the console’s: partners are refused', async () => {
    const p = await createPartnerWithAdmin(t);
    const as = asUser(t, await signIn(t, p.user.email, p.password));
    expect((await as({ method: 'GET', url: '/api/console/partner-tabs' })).statusCode).toBe(403);
  });
});
