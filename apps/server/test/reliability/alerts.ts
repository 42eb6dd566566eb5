import { createHash, randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../../src/modules/identity/identity.demo-users.ts';
import { Browser } from '../processes.ts';
import { INGEST_TOKEN } from './load.ts';

/**
 * The email-producing writer of the crash run: a partner administrator's demo customer gets a
 * one-time budget of 10 yuan, then one spend record of 10 yuan crosses its 75, 90 and 100 %
 * thresholds at once — three budget alerts, each an email to the budget's recipient, written in
 * the record's transaction. Between crossings the budget turns monthly (a large amount) and back,
 * which starts a new one-time period (a new generation) with the thresholds armed again.
 *
 * A crossing counts as acknowledged when the ingest endpoint answers 200 with the record accepted
 * or already there (a retry of a record whose first answer was cut off by the kill).
 */
export interface BudgetWriter {
  user: string;
  customerId: string;
  /** The customer's 32-hex domain id (the ingest endpoint's `customer_id`). */
  domainId: string;
  recipient: string;
  browser: Browser | null;
  step: 'monthly' | 'package' | 'spend';
  /** The crossing record being sent (kept across a kill: it is sent again, same id). */
  record: Record<string, unknown> | null;
  /** Record ids of acknowledged crossings. */
  acked: string[];
  requests: number;
  /** Requests answered (acknowledged or refused). */
  answered: number;
  refused: number;
}

/** Writers on customers the spend writers never touch (c4 of the reseller, c6 of the distributor). */
export function budgetWriters(): BudgetWriter[] {
  const of = (user: string, key: string): BudgetWriter => ({
    user,
    customerId: `cus_demo_${key}`,
    domainId: createHash('sha256').update(`demo-customer:${key}`).digest('hex').slice(0, 32),
    recipient: `budget-${key}@crash.test`,
    browser: null,
    step: 'monthly',
    record: null,
    acked: [],
    requests: 0,
    answered: 0,
    refused: 0,
  });
  return [of('admin@reseller.demo', 'c4'), of('admin@distributor.demo', 'c6')];
}

/** Signs the writer's user in and adds the budget's email recipient (once, before the load). */
export async function setUpBudgetWriter(w: BudgetWriter, base: string): Promise<void> {
  const b = new Browser(base);
  await b.signIn(w.user, DEMO_PASSWORD);
  const res = await b.fetch(`/api/budgets/${w.customerId}/recipients`, {
    method: 'POST',
    json: { recipients: [{ name: 'Crash run', email: w.recipient, locale: 'en-US' }] },
  });
  if (res.status !== 200) throw new Error(`recipient of ${w.customerId}: ${res.status} ${await res.text()}`);
  w.browser = b;
}

/** One step of the writer against `base`; false when the request got no answer (server gone). */
export async function budgetStep(w: BudgetWriter, base: string): Promise<boolean> {
  const b = (w.browser as Browser).at(base);
  w.requests++;
  try {
    if (w.step === 'monthly' || w.step === 'package') {
      const monthly = w.step === 'monthly';
      const res = await b.fetch(`/api/budgets/${w.customerId}`, {
        method: 'PUT',
        json: {
          amount: monthly ? '10000000' : '10',
          budgetType: monthly ? 'MONTHLY' : 'PACKAGE',
          frozenOperateType: 0,
        },
      });
      w.answered++;
      if (res.status !== 200) {
        w.refused++;
        return true;
      }
      const page = (await res.json()) as { budget: { usedFen: number; alerted: number[] } | null };
      if (monthly) w.step = 'package';
      else if (page.budget?.usedFen === 0 && page.budget.alerted.length === 0) {
        w.step = 'spend';
        w.record = {
          record_id: `relb-${randomBytes(8).toString('hex')}`,
          customer_id: w.domainId,
          spent_at: new Date().toISOString(),
          service_type: 'ecs',
          amount_fen: 1000,
          payment_kind: 'cash',
        };
      } else w.step = 'monthly';
      return true;
    }
    const record = w.record as Record<string, unknown>;
    const res = await fetch(`${base}/api/ingest/spend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ records: [record] }),
    });
    const body = (await res.json().catch(() => null)) as { accepted?: number; duplicates?: number } | null;
    w.answered++;
    if (res.status === 200 && (body?.accepted ?? 0) + (body?.duplicates ?? 0) === 1) {
      w.acked.push(record.record_id as string);
      w.record = null;
      w.step = 'monthly';
    } else w.refused++;
    return true;
  } catch {
    return false;
  }
}
