import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../../test/app.ts';
import { systemActor } from '../../platform/context.ts';
import { saveProduct } from './catalogue.service.ts';
import { ingestResources } from './ingest.service.ts';

export const INGEST_TOKEN = 'ingest-token-for-tests-0123456789';

/** A unique spec code, so test files and tests never share catalogue rows. */
export function specCode(prefix = 's'): string {
  return `${prefix}.${randomBytes(4).toString('hex')}`;
}

/** A catalogue product: ¥100/month, ¥1,000/year by default, 10 % off from 3 months, 20 % off 2+ years. */
export async function createProduct(
  t: TestApp,
  spec: string,
  opts: { monthlyFen?: number; yearlyFen?: number; serviceTypeCode?: string; resourceTypeCode?: string } = {},
) {
  return saveProduct(t.ctx, systemActor(), null, {
    serviceTypeCode: opts.serviceTypeCode ?? 'hws.service.type.ec2',
    resourceTypeCode: opts.resourceTypeCode ?? 'hws.resource.type.vm',
    resourceSpecCode: spec,
    regionCode: '*',
    nameZh: '测试规格',
    nameEn: 'Test spec',
    monthlyFen: opts.monthlyFen ?? 10_000,
    yearlyFen: opts.yearlyFen ?? 100_000,
    status: 'active',
    discounts: [
      { periodType: 'month', minPeriods: 3, percentOff: 10 },
      { periodType: 'year', minPeriods: 2, percentOff: 20 },
    ],
  });
}

let seq = 0;
/** A resource record as the order system sends it. */
export function resourceRecord(
  customerDomainId: string,
  spec: string,
  expireAt: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  seq++;
  return {
    resource_id: `res-${randomBytes(5).toString('hex')}-${seq}`,
    customer_id: customerDomainId,
    resource_name: `server-${seq}`,
    service_type_code: 'hws.service.type.ec2',
    resource_type_code: 'hws.resource.type.vm',
    region_code: 'cn-north-4',
    resource_spec_code: spec,
    product_spec_desc: '2 vCPUs | 4 GiB',
    enterprise_project_id: 'ep-default',
    enterprise_project_name: 'default',
    charging_mode: 'period',
    effective_time: '2025-01-01T00:00:00Z',
    expire_time: expireAt,
    updated_time: '2025-01-01T00:00:00Z',
    ...extra,
  };
}

/** Stores resources directly (the ingestion service), returning their provider ids. */
export async function addResources(t: TestApp, records: Record<string, unknown>[]): Promise<string[]> {
  const r = await ingestResources(t.ctx, records, systemActor());
  if (r.rejected) throw new Error(`rejected: ${JSON.stringify(r.errors)}`);
  return records.map((x) => String(x.resource_id));
}
