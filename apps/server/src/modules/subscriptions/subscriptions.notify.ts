import type { DbOrTx } from '@pc/db';
import type { AppContext, Channel } from '../../platform/context.ts';
import { notifyCustomer } from '../customers/customers.notify.ts';
import { findActiveAssociation, findCustomer } from '../customers/customers.repository.ts';
import { businessDateTime } from '../customers/customers.rules.ts';
import { parseUserLocale } from '../identity/auth.service.ts';
import { partnerAdmins } from '../identity/users.service.ts';
import type { ResourceRow } from './subscriptions.repository.ts';

/** One line per resource in a notice: id, name and expiry (Asia/Shanghai). */
function resourceLines(resources: readonly ResourceRow[]): string {
  return resources
    .map(
      (r) => `- ${r.resourceId} ${r.resourceName}${r.expireAt ? ` (${businessDateTime(r.expireAt)})` : ''}`,
    )
    .join('\n');
}

/**
 * Tells a customer (email, SMS, in-app) about some of its resources and, when `partnerToo` and the
 * customer is a resale customer, its partner's administrators — in the caller's transaction, keyed
 * so a rerun never sends twice.
 */
export async function noticeResources(
  ctx: AppContext,
  tx: DbOrTx,
  input: {
    customerId: string;
    resources: readonly ResourceRow[];
    template: string;
    partnerTemplate?: string;
    key: string;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const customer = await findCustomer(tx, input.customerId);
  if (!customer || input.resources.length === 0) return;
  const data = {
    count: input.resources.length,
    resources: resourceLines(input.resources),
    customerName: customer.name,
    customerDomainId: customer.domainId,
    customerId: customer.id,
    ...input.data,
  };
  await notifyCustomer(ctx, tx, customer, input.template, `${input.key}:customer`, () => data);
  if (!input.partnerTemplate) return;
  const assoc = await findActiveAssociation(tx, customer.id);
  if (assoc?.type !== 'resale') return;
  for (const u of await partnerAdmins(ctx, assoc.partnerId, tx)) {
    const channels: Channel[] = u.phone ? ['email', 'sms', 'in_app'] : ['email', 'in_app'];
    await ctx.notifier.notify(tx, {
      template: input.partnerTemplate,
      locale: parseUserLocale(u),
      to: { userId: u.id, email: u.email, phone: u.phone, partnerId: assoc.partnerId },
      channels,
      data: { ...data, name: u.name },
      idempotencyKey: `${input.key}:partner:${u.id}`,
    });
  }
}

/** Groups resources by customer, keeping order. */
export function byCustomer(resources: readonly ResourceRow[]): Map<string, ResourceRow[]> {
  const out = new Map<string, ResourceRow[]>();
  for (const r of resources) out.set(r.customerId, [...(out.get(r.customerId) ?? []), r]);
  return out;
}
