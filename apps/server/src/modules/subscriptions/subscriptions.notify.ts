import type { DbOrTx } from '@pc/db';
import { schema } from '@pc/db';
import { inArray } from 'drizzle-orm';
import type { AppContext, NotifyInput } from '../../platform/context.ts';
import { businessDateTime, customerNotice } from '../customers/index.ts';
import { adminNotices, partnerAdmins, usersByIds } from '../identity/index.ts';
import type { ResourceRow } from './subscriptions.repository.ts';

/** Lines listed in one notice; the rest are counted (`count` has them all). */
export const NOTICE_LINES = 200;

/** One line per resource in a notice: id, name and expiry (Asia/Shanghai); past NOTICE_LINES, "… (+n)". */
function resourceLines(resources: readonly ResourceRow[]): string {
  const lines = resources
    .slice(0, NOTICE_LINES)
    .map(
      (r) => `- ${r.resourceId} ${r.resourceName}${r.expireAt ? ` (${businessDateTime(r.expireAt)})` : ''}`,
    );
  if (resources.length > NOTICE_LINES) lines.push(`- … (+${resources.length - NOTICE_LINES})`);
  return lines.join('\n');
}

export interface ResourceNotice {
  customerId: string;
  resources: readonly ResourceRow[];
  /** Same key, same message: a rerun never sends twice. */
  key: string;
  data?: Record<string, unknown>;
}

/**
 * Tells customers (email, SMS, in-app) about some of their resources and, with `partnerTemplate`,
 * the administrators of resale customers' partners — all written in the caller's transaction with
 * one insert of the messages and one of their jobs (`notifyMany`), so a sweep over thousands of
 * customers costs a handful of statements. Customers and their associations are read in bulk here
 * (a read of the customers tables, like spend's ingestion does).
 */
export async function noticeResourcesMany(
  ctx: AppContext,
  tx: DbOrTx,
  template: string,
  notices: readonly ResourceNotice[],
  partnerTemplate?: string,
): Promise<void> {
  const list = notices.filter((n) => n.resources.length > 0);
  if (list.length === 0) return;
  const ids = [...new Set(list.map((n) => n.customerId))];
  const customers = await tx.select().from(schema.customers).where(inArray(schema.customers.id, ids));
  const byId = new Map(customers.map((c) => [c.id, c]));
  const users = new Map(
    (
      await usersByIds(
        ctx,
        customers.map((c) => c.userId).filter((x): x is string => Boolean(x)),
        tx,
      )
    ).map((u) => [u.id, u]),
  );
  const resale = new Map<string, string>();
  if (partnerTemplate) {
    const assocs = await tx
      .select({
        customerId: schema.customerAssociations.customerId,
        partnerId: schema.customerAssociations.partnerId,
        type: schema.customerAssociations.type,
        status: schema.customerAssociations.status,
      })
      .from(schema.customerAssociations)
      .where(inArray(schema.customerAssociations.customerId, ids));
    for (const a of assocs)
      if (a.status === 'active' && a.type === 'resale') resale.set(a.customerId, a.partnerId);
  }
  const admins = new Map<string, Awaited<ReturnType<typeof partnerAdmins>>>();
  const inputs: NotifyInput[] = [];
  for (const n of list) {
    const c = byId.get(n.customerId);
    if (!c) continue;
    const user = c.userId ? users.get(c.userId) : undefined;
    const data = {
      count: n.resources.length,
      resources: resourceLines(n.resources),
      customerName: c.name,
      customerDomainId: c.domainId,
      customerId: c.id,
      ...n.data,
    };
    const own = customerNotice(c, user, { template, key: `${n.key}:customer`, data: () => data });
    if (own) inputs.push(own);
    const partnerId = resale.get(c.id);
    if (!partnerTemplate || !partnerId) continue;
    if (!admins.has(partnerId)) admins.set(partnerId, await partnerAdmins(ctx, partnerId, tx));
    inputs.push(
      ...adminNotices(admins.get(partnerId) ?? [], partnerId, {
        template: partnerTemplate,
        key: `${n.key}:partner`,
        data: () => data,
      }),
    );
  }
  if (inputs.length) await ctx.notifier.notifyMany(tx, inputs);
}

/** One notice (auto-renewal results). */
export function noticeResources(
  ctx: AppContext,
  tx: DbOrTx,
  input: ResourceNotice & { template: string; partnerTemplate?: string },
): Promise<void> {
  return noticeResourcesMany(ctx, tx, input.template, [input], input.partnerTemplate);
}

/** Groups resources by customer, keeping order. */
export function byCustomer(resources: readonly ResourceRow[]): Map<string, ResourceRow[]> {
  const out = new Map<string, ResourceRow[]>();
  for (const r of resources) {
    const list = out.get(r.customerId);
    if (list) list.push(r);
    else out.set(r.customerId, [r]);
  }
  return out;
}
