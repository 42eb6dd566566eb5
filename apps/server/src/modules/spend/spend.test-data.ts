import { randomBytes } from 'node:crypto';
import { schema } from '@pc/db';
import type { TestApp } from '../../../test/app.ts';
import { newId } from '../../platform/ids/ids.ts';

/** A customer actively associated with the partner since `since` (rows written directly for tests). */
export async function createAssociatedCustomer(
  t: TestApp,
  partnerId: string,
  opts: { since?: Date; type?: 'referral' | 'resale' } = {},
): Promise<{ id: string; domainId: string; name: string }> {
  const tag = randomBytes(5).toString('hex');
  const now = t.clock.now();
  const id = newId('cus', now.getTime());
  const domainId = `dom${tag}`;
  await t.ctx.db.insert(schema.customers).values({
    id,
    domainId,
    domainName: `cust_${tag}`,
    name: `Customer ${tag}`,
    origin: 'demo',
    createdAt: now,
    updatedAt: now,
  });
  await t.ctx.db.insert(schema.customerAssociations).values({
    id: newId('asc', now.getTime()),
    customerId: id,
    partnerId,
    type: opts.type ?? 'resale',
    status: 'active',
    source: 'demo',
    startedAt: opts.since ?? new Date('2020-01-01T00:00:00Z'),
  });
  return { id, domainId, name: `Customer ${tag}` };
}

let seq = 0;
/** A raw spend record as the API takes it. */
export function spendRecord(
  customerDomainId: string,
  amountFen: number,
  spentAt: string,
  extra: Partial<Record<string, unknown>> = {},
): Record<string, unknown> {
  seq++;
  return {
    record_id: `r-${randomBytes(6).toString('hex')}-${seq}`,
    customer_id: customerDomainId,
    spent_at: spentAt,
    service_type: 'ecs',
    amount_fen: amountFen,
    payment_kind: 'cash',
    ...extra,
  };
}
