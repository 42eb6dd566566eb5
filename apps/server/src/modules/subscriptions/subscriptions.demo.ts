import { type AppContext, systemActor } from '../../platform/context.ts';
import { demoCustomerId, findCustomer } from '../customers/index.ts';
import { orderByRequestKey, placeOrder } from '../orders/index.ts';
import { catalogue, type ProductInput, saveProduct } from './catalogue.service.ts';
import { ingestResources } from './ingest.service.ts';
import { visibleResources } from './resources.service.ts';
import { addPeriod, type PeriodType } from './subscriptions.periods.ts';

const EC2 = 'hws.service.type.ec2';
const EBS = 'hws.service.type.ebs';
const RDS = 'hws.service.type.rds';
const DOMAIN = 'hws.service.type.domain';

const PRODUCTS: ProductInput[] = [
  product(
    EC2,
    'hws.resource.type.vm',
    's6.large.2',
    '通用计算型 2 核 4 GiB',
    'General computing 2 vCPUs 4 GiB',
    19_500,
    198_900,
  ),
  product(
    EC2,
    'hws.resource.type.vm',
    'c7.xlarge.2',
    '计算增强型 4 核 8 GiB',
    'Compute-intensive 4 vCPUs 8 GiB',
    52_000,
    530_400,
  ),
  product(
    EBS,
    'hws.resource.type.volume',
    'SSD.100',
    '超高 IO 云硬盘 100 GiB',
    'Ultra-high I/O disk 100 GiB',
    10_000,
    102_000,
  ),
  product(
    RDS,
    'hws.resource.type.rds.vm',
    'rds.mysql.x1.large.2',
    'MySQL 2 核 4 GiB 主备',
    'MySQL 2 vCPUs 4 GiB primary/standby',
    61_000,
    622_200,
  ),
  product(DOMAIN, 'hws.resource.type.domain', 'domain.com', '.com 域名', '.com domain name', 0, 6_900),
];

function product(
  service: string,
  resourceType: string,
  spec: string,
  nameZh: string,
  nameEn: string,
  monthlyFen: number,
  yearlyFen: number,
): ProductInput {
  return {
    serviceTypeCode: service,
    resourceTypeCode: resourceType,
    resourceSpecCode: spec,
    regionCode: '*',
    nameZh,
    nameEn,
    monthlyFen,
    yearlyFen,
    status: 'active',
    discounts:
      service === DOMAIN
        ? []
        : [
            { periodType: 'month', minPeriods: 6, percentOff: 5 },
            { periodType: 'year', minPeriods: 2, percentOff: 15 },
            { periodType: 'year', minPeriods: 3, percentOff: 25 },
          ],
  };
}

interface DemoResource {
  id: string;
  customer: string;
  name: string;
  service: string;
  type: string;
  spec: string;
  desc: string;
  project: [string, string];
  region?: string;
  /** Days from now to expiry (yearly/monthly), or null for pay-per-use. */
  days: number | null;
  bought: [PeriodType, number];
  parent?: string;
  autoRenew?: boolean;
  /** Linear products: size and measure id (17 GB). */
  size?: [number, number];
}

const PROD: [string, string] = ['ep-prod-0001', '生产环境 production'];
const TEST: [string, string] = ['ep-test-0002', '测试环境 testing'];
const DEFAULT: [string, string] = ['0', 'default'];

/** Resources near expiry (for the renewal page and reminders), domain names, projects, one pay-per-use. */
const RESOURCES: DemoResource[] = [
  {
    id: 'demo-ecs-xinghe-web-01',
    customer: 'c1',
    name: 'xinghe-web-01',
    service: EC2,
    type: 'hws.resource.type.vm',
    spec: 's6.large.2',
    desc: '2 vCPUs | 4 GiB | s6.large.2',
    project: PROD,
    days: 5,
    bought: ['year', 1],
  },
  {
    id: 'demo-evs-xinghe-web-01-data',
    customer: 'c1',
    name: 'xinghe-web-01-data',
    service: EBS,
    type: 'hws.resource.type.volume',
    spec: 'SSD.100',
    desc: 'Ultra-high I/O | 100 GiB',
    size: [100, 17],
    project: PROD,
    days: 5,
    bought: ['year', 1],
    parent: 'demo-ecs-xinghe-web-01',
  },
  {
    id: 'demo-ecs-xinghe-web-02',
    customer: 'c1',
    name: 'xinghe-web-02',
    service: EC2,
    type: 'hws.resource.type.vm',
    spec: 's6.large.2',
    desc: '2 vCPUs | 4 GiB | s6.large.2',
    project: PROD,
    days: 12,
    bought: ['month', 6],
    autoRenew: true,
  },
  {
    id: 'demo-rds-xinghe-orders',
    customer: 'c1',
    name: 'xinghe-orders-db',
    service: RDS,
    type: 'hws.resource.type.rds.vm',
    spec: 'rds.mysql.x1.large.2',
    desc: 'MySQL 8.0 | 2 vCPUs 4 GiB | primary/standby',
    project: PROD,
    days: 26,
    bought: ['year', 1],
  },
  {
    id: 'demo-ecs-xinghe-test-01',
    customer: 'c1',
    name: 'xinghe-test-01',
    service: EC2,
    type: 'hws.resource.type.vm',
    spec: 'c7.xlarge.2',
    desc: '4 vCPUs | 8 GiB | c7.xlarge.2',
    project: TEST,
    days: 3,
    bought: ['month', 1],
  },
  {
    id: 'demo-domain-xinghe-shop-com',
    customer: 'c1',
    name: 'xinghe-shop.com',
    service: DOMAIN,
    type: 'hws.resource.type.domain',
    spec: 'domain.com',
    desc: '.com',
    project: DEFAULT,
    region: 'global',
    days: 20,
    bought: ['year', 1],
  },
  {
    id: 'demo-ecs-xinghe-batch',
    customer: 'c1',
    name: 'xinghe-batch (pay-per-use)',
    service: EC2,
    type: 'hws.resource.type.vm',
    spec: 'c7.xlarge.2',
    desc: '4 vCPUs | 8 GiB',
    project: TEST,
    days: null,
    bought: ['month', 1],
  },
  {
    id: 'demo-ecs-lanjing-lms',
    customer: 'c2',
    name: 'lanjing-lms',
    service: EC2,
    type: 'hws.resource.type.vm',
    spec: 's6.large.2',
    desc: '2 vCPUs | 4 GiB',
    project: DEFAULT,
    days: 40,
    bought: ['year', 1],
  },
  {
    id: 'demo-ecs-qiming-his',
    customer: 'c4',
    name: 'qiming-his-app',
    service: EC2,
    type: 'hws.resource.type.vm',
    spec: 'c7.xlarge.2',
    desc: '4 vCPUs | 8 GiB',
    project: PROD,
    days: 7,
    bought: ['year', 1],
  },
  {
    id: 'demo-domain-qiming-health-cn',
    customer: 'c4',
    name: 'qiming-health.com',
    service: DOMAIN,
    type: 'hws.resource.type.domain',
    spec: 'domain.com',
    desc: '.com',
    project: DEFAULT,
    region: 'global',
    days: 30,
    bought: ['year', 1],
  },
  {
    id: 'demo-ecs-chenxiao-blog',
    customer: 'c7',
    name: 'chenxiao-blog',
    service: EC2,
    type: 'hws.resource.type.vm',
    spec: 's6.large.2',
    desc: '2 vCPUs | 4 GiB',
    project: DEFAULT,
    days: 14,
    bought: ['month', 3],
  },
];

/**
 * Demo catalogue and resources (R15), with the purchase order of each yearly/monthly resource.
 * Idempotent: products by spec, resources by id with a fixed report time, orders by request key.
 */
export async function seedDemoSubscriptions(ctx: AppContext): Promise<void> {
  const actor = systemActor();
  const existing = new Set(
    (await catalogue(ctx)).map((p) => `${p.serviceTypeCode} ${p.resourceSpecCode} ${p.regionCode}`),
  );
  for (const p of PRODUCTS) {
    if (!existing.has(`${p.serviceTypeCode} ${p.resourceSpecCode} ${p.regionCode}`))
      await saveProduct(ctx, actor, null, p);
  }
  const now = ctx.clock.now();
  const day = 86_400_000;
  const records: Record<string, unknown>[] = [];
  // Only the missing ones: a second start writes nothing (not even an audit record of a batch).
  const have = await visibleResources(
    ctx.db,
    { kind: 'system' },
    RESOURCES.map((r) => r.id),
  );
  for (const r of RESOURCES.filter((x) => !have.has(x.id))) {
    const c = await findCustomer(ctx.db, demoCustomerId(r.customer));
    if (!c) continue;
    // Expire at midnight in Beijing time, `days` days ahead.
    const expire =
      r.days === null
        ? null
        : new Date(Math.floor((now.getTime() + 8 * 3600_000) / day) * day - 8 * 3600_000 + r.days * day);
    const effective = expire
      ? addPeriod(expire, r.bought[0], -r.bought[1])
      : new Date(now.getTime() - 90 * day);
    records.push({
      resource_id: r.id,
      customer_id: c.domainId,
      resource_name: r.name,
      service_type_code: r.service,
      resource_type_code: r.type,
      region_code: r.region ?? 'cn-north-4',
      resource_spec_code: r.spec,
      product_spec_desc: r.desc,
      spec_size: r.size?.[0] ?? null,
      spec_size_measure_id: r.size?.[1] ?? null,
      enterprise_project_id: r.project[0],
      enterprise_project_name: r.project[1],
      parent_resource_id: r.parent ?? null,
      charging_mode: r.days === null ? 'on_demand' : 'period',
      effective_time: effective.toISOString(),
      expire_time: expire?.toISOString() ?? null,
      auto_renew: r.autoRenew ?? false,
      updated_time: '2025-01-01T00:00:00Z',
    });
  }
  if (records.length) await ingestResources(ctx, records, actor);
  // The purchase order of each yearly/monthly resource: what a refund is reckoned from.
  const rows = await visibleResources(
    ctx.db,
    { kind: 'system' },
    RESOURCES.map((r) => r.id),
  );
  for (const r of RESOURCES) {
    const row = rows.get(r.id);
    if (!row || r.days === null || r.parent) continue;
    const res = row.resource;
    const key = `demo:new:${r.id}`;
    await ctx.db.transaction(async (tx) => {
      if (await orderByRequestKey(tx, res.customerId, key)) return;
      const children = RESOURCES.filter((x) => x.parent === r.id).map((x) => rows.get(x.id)?.resource);
      const lines = [res, ...children]
        .filter((x) => x !== undefined)
        .map((x) => {
          const unit = PRODUCTS.find((p) => p.resourceSpecCode === x.resourceSpecCode);
          const fen =
            (r.bought[0] === 'year' ? (unit?.yearlyFen ?? 0) : (unit?.monthlyFen ?? 0)) * r.bought[1];
          return {
            resourceRef: x.id,
            resourceId: x.resourceId,
            resourceName: x.resourceName,
            enterpriseProjectId: x.enterpriseProjectId,
            serviceTypeCode: x.serviceTypeCode,
            resourceTypeCode: x.resourceTypeCode,
            regionCode: x.regionCode,
            productSpecDesc: x.productSpecDesc,
            periodType: r.bought[0],
            periodNum: r.bought[1],
            officialFen: fen,
            discountFen: 0,
            amountFen: fen,
            effectiveAt: x.effectiveAt,
            expireAt: x.expireAt,
          };
        });
      await placeOrder(ctx, tx, actor, {
        customerId: res.customerId,
        partnerId: row.partnerId,
        type: 'new',
        source: 'customer',
        status: 'paid',
        requestKey: key,
        lines,
      });
    });
  }
}
