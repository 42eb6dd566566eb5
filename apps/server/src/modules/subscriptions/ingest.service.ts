import { schema } from '@pc/db';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import { type NewResource, upsertResources } from './subscriptions.repository.ts';

export const MAX_RESOURCE_BATCH = 5000;

const isoTime = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
const code = z.string().trim().min(1).max(64);

/** One resource as the provider's order system reports it. */
export const resourceRecord = z.strictObject({
  resource_id: code,
  customer_id: code.describe('The customer account id (domain id)'),
  resource_name: z.string().trim().min(1).max(128),
  service_type_code: code,
  resource_type_code: code,
  region_code: code,
  resource_spec_code: code,
  product_spec_desc: z.string().max(256).default(''),
  /** Linear products (disks, bandwidth): the size bought and its measure id (17 GB, 15 Mbps, 14 count). */
  spec_size: z.number().min(0).max(1e12).nullable().default(null),
  spec_size_measure_id: z.number().int().min(1).max(999).nullable().default(null),
  enterprise_project_id: z.string().trim().min(1).max(64).default('0'),
  enterprise_project_name: z.string().trim().min(1).max(64).default('default'),
  parent_resource_id: code.nullable().default(null),
  charging_mode: z.enum(['period', 'on_demand']),
  effective_time: isoTime,
  expire_time: isoTime.nullable().default(null),
  auto_renew: z.boolean().default(false),
  status: z.enum(['in_use', 'released']).default('in_use'),
  /** The order system's time of this report: a later report wins, an older one is ignored. */
  updated_time: isoTime,
});

export interface ResourceIngestResult {
  accepted: number;
  unchanged: number;
  rejected: number;
  errors: { index: number; resourceId: string | null; reason: string }[];
}

/**
 * Bulk ingestion from the provider's order system (≤ 5,000): each record validated alone (bad ones
 * listed by index, the rest stored), unknown customers refused, then one upsert in one transaction.
 * Idempotent: a retried batch, or a report older than what is stored, changes nothing.
 */
export async function ingestResources(
  ctx: AppContext,
  raw: readonly unknown[],
  actor: Actor,
): Promise<ResourceIngestResult> {
  const errors: ResourceIngestResult['errors'] = [];
  const valid: { index: number; value: z.infer<typeof resourceRecord> }[] = [];
  raw.forEach((item, index) => {
    const parsed = resourceRecord.safeParse(item);
    if (parsed.success) {
      if (parsed.data.charging_mode === 'period' && !parsed.data.expire_time) {
        errors.push({
          index,
          resourceId: parsed.data.resource_id,
          reason: 'expire_time: required for period',
        });
        return;
      }
      valid.push({ index, value: parsed.data });
      return;
    }
    const id = (item as { resource_id?: unknown } | null)?.resource_id;
    const issue = parsed.error.issues[0];
    errors.push({
      index,
      resourceId: typeof id === 'string' ? id.slice(0, 64) : null,
      reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
    });
  });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const domainIds = [...new Set(valid.map((v) => v.value.customer_id))];
    const customers = domainIds.length
      ? await tx
          .select({ id: schema.customers.id, domainId: schema.customers.domainId })
          .from(schema.customers)
          .where(inArray(schema.customers.domainId, domainIds))
      : [];
    const byDomain = new Map(customers.map((c) => [c.domainId, c.id]));
    const latest = new Map<string, NewResource>();
    for (const { index, value: v } of valid) {
      const customerId = byDomain.get(v.customer_id);
      if (!customerId) {
        errors.push({ index, resourceId: v.resource_id, reason: 'customer_id: unknown customer' });
        continue;
      }
      const row: NewResource = {
        id: newId('res', now.getTime()),
        resourceId: v.resource_id,
        customerId,
        resourceName: v.resource_name,
        serviceTypeCode: v.service_type_code,
        resourceTypeCode: v.resource_type_code,
        regionCode: v.region_code,
        resourceSpecCode: v.resource_spec_code,
        productSpecDesc: v.product_spec_desc,
        specSize: v.spec_size,
        specSizeMeasureId: v.spec_size === null ? null : v.spec_size_measure_id,
        enterpriseProjectId: v.enterprise_project_id,
        enterpriseProjectName: v.enterprise_project_name,
        parentResourceId: null,
        chargingMode: v.charging_mode,
        effectiveAt: v.effective_time,
        expireAt: v.charging_mode === 'period' ? v.expire_time : null,
        autoRenew: v.auto_renew && v.charging_mode === 'period' ? 1 : 0,
        status: v.status,
        graceUntil: null,
        releasedAt: v.status === 'released' ? v.updated_time : null,
        sourceUpdatedAt: v.updated_time,
        createdAt: now,
        updatedAt: now,
      };
      const prev = latest.get(v.resource_id);
      if (!prev || (prev.sourceUpdatedAt as Date) < v.updated_time) latest.set(v.resource_id, row);
      // Keep the parent's provider id until the refs are known (below).
      (row as NewResource & { parentProviderId?: string | null }).parentProviderId = v.parent_resource_id;
    }
    const rows = [...latest.values()].sort((a, b) => (a.resourceId < b.resourceId ? -1 : 1));
    // Parents are referenced by our id; look them up among the batch and the stored resources.
    const parentIds = [
      ...new Set(
        rows
          .map((r) => (r as NewResource & { parentProviderId?: string | null }).parentProviderId)
          .filter((x): x is string => Boolean(x)),
      ),
    ];
    const stored = parentIds.length
      ? await tx
          .select({ id: schema.resources.id, resourceId: schema.resources.resourceId })
          .from(schema.resources)
          .where(inArray(schema.resources.resourceId, parentIds))
      : [];
    const refOf = new Map(stored.map((s) => [s.resourceId, s.id]));
    for (const r of rows) if (!refOf.has(r.resourceId)) refOf.set(r.resourceId, r.id);
    for (const r of rows) {
      const p = (r as NewResource & { parentProviderId?: string | null }).parentProviderId;
      delete (r as NewResource & { parentProviderId?: string | null }).parentProviderId;
      r.parentResourceId = p ? (refOf.get(p) ?? null) : null;
    }
    const written = await upsertResources(tx, rows);
    errors.sort((a, b) => a.index - b.index);
    const result = {
      accepted: written.size,
      unchanged:
        valid.length - errors.filter((e) => e.reason.startsWith('customer_id')).length - written.size,
      rejected: errors.length,
      errors,
    };
    await ctx.audit.record(tx, actor, {
      action: 'subscriptions.resources_ingested',
      entityType: 'resource_batch',
      entityId: 'bulk',
      after: { accepted: result.accepted, unchanged: result.unchanged, rejected: result.rejected },
    });
    return result;
  });
}
