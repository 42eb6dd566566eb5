import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createPartnerWithAdmin,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/index.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';

describe('portal budget page', () => {
  let t: TestApp;
  let a: AsUser;
  let b: AsUser;
  let customer: { id: string; domainId: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T04:00:00Z');
    const pa = await createPartnerWithAdmin(t);
    const pb = await createPartnerWithAdmin(t);
    a = asUser(t, await signIn(t, pa.user.email, pa.password));
    b = asUser(t, await signIn(t, pb.user.email, pb.password));
    customer = await createAssociatedCustomer(t, pa.partner.id);
  });
  afterAll(() => t.close());

  const url = () => `/api/budgets/${customer.id}`;

  it('sets a budget, adds recipients, shows usage against the thresholds and the alert history', async () => {
    const set = await a({
      method: 'PUT',
      url: url(),
      payload: { amount: '100.50', budgetType: 'MONTHLY', frozenOperateType: 1, freezeResources: false },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().budget).toMatchObject({ amountFen: 10_050, usedFen: 0, periodKey: '2026-03' });
    expect(set.json().thresholds.map((x: { atFen: number }) => x.atFen)).toEqual([7_538, 9_045, 10_050]);
    const added = await a({
      method: 'POST',
      url: `${url()}/recipients`,
      payload: {
        recipients: [
          { name: 'Li', phone: '13900000000' },
          { name: 'Ann', email: 'ann@example.test', locale: 'en-US' },
        ],
      },
    });
    expect(added.json().recipients).toHaveLength(2);
    await ingestSpendBatch(t.ctx, [spendRecord(customer.domainId, 10_050, '2026-03-09T00:00:00Z')]);
    const page = (await a({ method: 'GET', url: url() })).json();
    expect(page.alerts.map((x: { threshold: number }) => x.threshold).sort()).toEqual([100, 75, 90]);
    expect(page.customer.restrictedAt).not.toBeNull();
    const lifted = await a({ method: 'POST', url: `${url()}/lift-restriction` });
    expect(lifted.json().customer.restrictedAt).toBeNull();
    expect((await a({ method: 'POST', url: `${url()}/lift-restriction` })).json().code).toBe(
      'budgets.not_restricted',
    );
    const removed = await a({ method: 'DELETE', url: `${url()}/recipients/${page.recipients[0].id}` });
    expect(removed.json().recipients).toHaveLength(1);
    const deleted = await a({ method: 'DELETE', url: url() });
    expect(deleted.json().budget).toBeNull();
  });

  it('validates amounts and recipients', async () => {
    for (const amount of ['0', '1.234', '-5', 'abc', '1e3']) {
      const r = await a({
        method: 'PUT',
        url: url(),
        payload: { amount, budgetType: 'MONTHLY', frozenOperateType: 0 },
      });
      expect(r.json().code, amount).toBe('budgets.invalid_amount');
    }
    const none = await a({
      method: 'POST',
      url: `${url()}/recipients`,
      payload: { recipients: [{ name: 'X' }] },
    });
    expect(none.json().code).toBe('budgets.recipient_contact_required');
    const badPhone = await a({
      method: 'POST',
      url: `${url()}/recipients`,
      payload: { recipients: [{ name: 'X', phone: '12' }] },
    });
    expect(badPhone.statusCode).toBe(400);
  });

  it('keeps other partners out', async () => {
    expect((await b({ method: 'GET', url: url() })).statusCode).toBe(404);
    const r = await b({
      method: 'PUT',
      url: url(),
      payload: { amount: '10', budgetType: 'MONTHLY', frozenOperateType: 0 },
    });
    expect(r.statusCode).toBe(404);
  });
});
