import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { getPartner } from '../partners/index.ts';
import { cycleOf } from './bills.cycle.ts';
import { detailTypeName } from './bills.export.ts';
import { pageFeeRecords } from './bills.fees.ts';
import { serviceTypeName } from './bills.names.ts';
import { listCustomerMonths } from './bills.repository.ts';
import type { billList, customerBill, feeRecordPage } from './bills.schemas.ts';
import {
  cycleFilter,
  getCustomerMonthlySummary,
  portalPartners,
  requireBilledCustomer,
} from './bills.service.ts';

/** The Bills page: a month's customers with totals (a distributor also sees its resellers'). */
export async function billListOf(
  ctx: AppContext,
  partnerId: string,
  q: { cycle?: string; offset: number; limit: number },
): Promise<z.infer<typeof billList>> {
  const cycle = q.cycle ?? cycleOf(ctx.clock.now());
  const partnerIds = await portalPartners(ctx.db, partnerId);
  const page = await listCustomerMonths(ctx.db, { partnerIds, billCycle: cycle }, q);
  const names = new Map<string, string>();
  for (const id of new Set(page.rows.map((r) => r.partnerId)))
    names.set(id, (await getPartner(ctx, id))?.name ?? '');
  return {
    cycle,
    totals: page.totals,
    total: page.total,
    items: page.rows.map(({ partnerId: p, ...r }) => ({ ...r, partnerName: names.get(p) ?? '' })),
  };
}

/** One customer's month: totals, by service, every summary line. */
export async function customerBillOf(
  ctx: AppContext,
  partnerId: string,
  customerId: string,
  cycle: string | undefined,
  locale: Locale,
): Promise<z.infer<typeof customerBill>> {
  const partnerIds = await portalPartners(ctx.db, partnerId);
  const c = await requireBilledCustomer(ctx.db, partnerIds, { id: customerId }, 'bills.customer_not_found');
  const s = await getCustomerMonthlySummary(ctx, c.id, cycle ?? cycleOf(ctx.clock.now()), { partnerIds });
  return {
    cycle: s.billCycle,
    customer: { id: c.id, domainId: c.domainId, name: c.name },
    amountFen: s.amountFen,
    cashFen: s.cashFen,
    voucherFen: s.voucherFen,
    periodFen: s.periodFen,
    onDemandFen: s.onDemandFen,
    recordCount: s.recordCount,
    byServiceType: s.byServiceType.map((b) => ({
      ...b,
      serviceTypeName: serviceTypeName(b.serviceType, locale),
    })),
    lines: s.lines.map((l) => ({
      serviceType: l.serviceType,
      serviceTypeName: serviceTypeName(l.serviceType, locale),
      resourceType: l.resourceType,
      chargingMode: l.chargingMode,
      billType: l.billType,
      amountFen: l.amountFen,
      cashFen: l.cashFen,
      voucherFen: l.voucherFen,
      recordCount: l.recordCount,
    })),
  };
}

/** Drill-down: a customer's fee records of the month. */
export async function feeRecordsOf(
  ctx: AppContext,
  partnerId: string,
  customerId: string,
  q: {
    cycle?: string;
    serviceType?: string;
    chargingMode?: number;
    resourceId?: string;
    offset: number;
    limit: number;
  },
  locale: Locale,
): Promise<z.infer<typeof feeRecordPage>> {
  const partnerIds = await portalPartners(ctx.db, partnerId);
  const c = await requireBilledCustomer(ctx.db, partnerIds, { id: customerId }, 'bills.customer_not_found');
  const page = await pageFeeRecords(
    ctx.db,
    {
      partnerIds,
      customerId: c.id,
      ...cycleFilter(q.cycle ?? cycleOf(ctx.clock.now())),
      serviceType: q.serviceType,
      chargingMode: q.chargingMode,
      resourceId: q.resourceId,
    },
    q,
  );
  return {
    total: page.total,
    items: page.rows.map((r) => ({
      id: r.id,
      tradeId: r.tradeId,
      source: r.source,
      tradeTime: r.tradeTime.toISOString(),
      billDetailType: r.billDetailType,
      billDetailTypeName: detailTypeName(r.billDetailType, locale),
      chargingMode: r.chargingMode,
      serviceType: r.serviceType,
      serviceTypeName: serviceTypeName(r.serviceType, locale),
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      resourceName: r.resourceName,
      regionCode: r.regionCode,
      enterpriseProjectId: r.enterpriseProjectId,
      amountFen: r.amountFen,
      cashFen: r.cashFen,
      voucherFen: r.voucherFen,
    })),
  };
}
