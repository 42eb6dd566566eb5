import type { AppContext } from '../../platform/context.ts';
import { demoCustomerId, findCustomer } from '../customers/index.ts';
import { ingestSpendBatch } from '../spend/index.ts';

/** Per demo customer (c1 xinghe_shop … c6 yuanhang_direct): [service, resource type, resource id, region, amount in fen, paid by voucher]. */
const USAGE: Record<string, [string, string, string, string, number, boolean][]> = {
  c1: [
    // Small: the VIP customer's demo budget (5,000 yuan, 4,000 spent) stays under its 90 % alert.
    ['ecs', 'hws.resource.type.vm', 'vm-xinghe-web-01', 'cn-north-4', 16_420, false],
    ['ecs', 'hws.resource.type.vm', 'vm-xinghe-web-02', 'cn-north-4', 16_420, false],
    ['evs', 'hws.resource.type.volume', 'vol-xinghe-data', 'cn-north-4', 8_800, false],
    ['obs', 'hws.resource.type.obs', 'obs-xinghe-assets', 'cn-east-3', 3_456, true],
    ['cdn', 'hws.resource.type.cdn', 'cdn-xinghe-shop', 'global', 4_000, false],
  ],
  c2: [
    ['rds', 'hws.resource.type.rds.vm', 'rds-lanjing-main', 'cn-south-1', 45_000, false],
    ['ecs', 'hws.resource.type.vm', 'vm-lanjing-lms', 'cn-south-1', 32_150, false],
    ['eip', 'hws.resource.type.ip', 'eip-lanjing', 'cn-south-1', 2_400, true],
  ],
  c3: [['ecs', 'hws.resource.type.vm', 'vm-wanglei-dev', 'cn-north-4', 1_288, false]],
  c4: [
    ['ecs', 'hws.resource.type.vm', 'vm-qiming-his', 'cn-east-3', 120_000, false],
    ['dcs', 'hws.resource.type.dcs', 'dcs-qiming-cache', 'cn-east-3', 8_800, false],
  ],
  c5: [['obs', 'hws.resource.type.obs', 'obs-beichen-waybills', 'cn-north-4', 5_120, false]],
  c6: [
    // By voucher: the distributor's own customer earns no demo incentive this month.
    ['cce', 'hws.resource.type.cce', 'cce-yuanhang-prod', 'cn-north-4', 66_600, true],
    ['elb', 'hws.resource.type.elb', 'elb-yuanhang', 'cn-north-4', 4_500, true],
  ],
};

/**
 * Demo: usage with resource detail for the demo customers of all three demo partners this month,
 * so the Customer bills page, its drill-down and the export show something (the reseller's
 * customers also appear to the distributor). Idempotent: record ids are fixed and stored once.
 */
export async function seedDemoBills(ctx: AppContext): Promise<void> {
  const at = ctx.clock.now().toISOString();
  const records: Record<string, unknown>[] = [];
  for (const [key, lines] of Object.entries(USAGE)) {
    const customer = await findCustomer(ctx.db, demoCustomerId(key));
    if (!customer) continue;
    lines.forEach(([service, resourceType, resourceId, region, amount, voucher], i) => {
      records.push({
        record_id: `demo-bills-${key}-${i + 1}`,
        customer_id: customer.domainId,
        spent_at: at,
        service_type: service,
        amount_fen: amount,
        payment_kind: voucher ? 'voucher' : 'cash',
        resource_id: resourceId,
        resource_type: resourceType,
        resource_name: resourceId,
        region_code: region,
        enterprise_project_id: '0',
      });
    });
  }
  if (records.length) await ingestSpendBatch(ctx, records);
}
