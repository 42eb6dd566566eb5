import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { applyRate, fenToYuan } from '../../platform/money/money.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { getPartner } from '../partners/index.ts';
import { cycleBounds, dayRange } from './bills.cycle.ts';
import { type FeeRecord, pageFeeRecords } from './bills.fees.ts';
import { serviceTypeName } from './bills.names.ts';
import { listConsumingCustomers, listSumLines, sumPostpaid } from './bills.repository.ts';
import { apiPartner, requireBilledCustomer } from './bills.service.ts';
import {
  billDetailQuery,
  billDetailResponse,
  type billSumInfo,
  consumeCustomersBody,
  consumeCustomersResponse,
  type feeRecordV2,
  monthlyBillsQuery,
  monthlyBillsResponse,
  postpaidQuery,
  postpaidResponse,
} from './bills.v2.schemas.ts';

const tags = ['partner-api'];
const yuan = (fen: number) => Number(fenToYuan(fen));
/** `yyyy-MM-ddTHH:mm:ssZ` as the contract writes times. */
const utc = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;
const ASSOCIATION_CODE: Record<string, string> = { referral: '1', resale: '2' };
const ASSOCIATION_OF: Record<string, string> = { '1': 'referral', '2': 'resale' };
/** Output VAT contained in a tax-inclusive postpaid amount (6 %, general taxpayer), half-up to the fen. */
const VAT = { numerator: 6, denominator: 106 };
/** The provider's order type of an order line by its bill detail type. */
const ORDER_TYPE: Record<number, number> = { 1: 1, 2: 2, 8: 2, 3: 3, 20: 3, 4: 4, 24: 10 };
/** Order period types (2 month, 3 year) as bill records code them (20 month, 19 year); usage is hourly (25). */
const BILL_PERIOD_TYPE: Record<number, number> = { 2: 20, 3: 19 };

const opt = <T>(v: T | null | undefined): T | undefined =>
  v === null || v === '' ? undefined : (v ?? undefined);

/** Text and number fields of a usage record's detail, null when absent. */
const TEXT_DETAIL = [
  'product_name',
  'resource_tag',
  'usage_type',
  'payment_type',
  'sub_service_type_code',
  'sub_service_type_name',
  'sub_resource_type_code',
  'sub_resource_type_name',
  'sub_resource_id',
  'sub_resource_name',
] as const;
const NUMBER_DETAIL = [
  'usage_amount',
  'usage_measure_id',
  'free_resource_usage',
  'free_resource_measure_id',
  'ri_usage',
  'ri_usage_measure_id',
] as const;

function detailOf(r: FeeRecord) {
  const d = r.detail ?? {};
  const text = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  const num = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : null);
  return {
    ...(Object.fromEntries(TEXT_DETAIL.map((k) => [k, text(k)])) as Record<
      (typeof TEXT_DETAIL)[number],
      string | null
    >),
    ...(Object.fromEntries(NUMBER_DETAIL.map((k) => [k, num(k)])) as Record<
      (typeof NUMBER_DETAIL)[number],
      number | null
    >),
  };
}

function feeRecordOf(r: FeeRecord, partnerDomainId: string, locale: Locale): z.infer<typeof feeRecordV2> {
  return {
    ...detailOf(r),
    product_id: r.productId,
    account_manager_id: null,
    bill_cycle: r.billCycle,
    customer_id: r.customerDomainId,
    association_type: r.associationType ? ASSOCIATION_CODE[r.associationType] : undefined,
    service_type_code: r.serviceType,
    resource_type_code: opt(r.resourceType),
    service_type_name: serviceTypeName(r.serviceType, locale),
    charging_mode: r.chargingMode,
    trade_time: utc(r.tradeTime),
    trade_id: r.tradeId,
    id: r.id,
    bill_detail_type: r.billDetailType,
    resource_id: opt(r.resourceId),
    resource_name: opt(r.resourceName),
    product_spec_desc: opt(r.productSpec),
    region_code: opt(r.regionCode),
    consume_time: utc(r.tradeTime),
    official_amount: yuan(r.amountFen),
    official_discount_amount: 0,
    payment_amount: yuan(r.amountFen),
    cash_amount: yuan(r.cashFen),
    credit_amount: 0,
    coupon_amount: yuan(r.voucherFen),
    flexipurchase_coupon_amount: 0,
    stored_value_card_amount: 0,
    debt_amount: 0,
    writeoff_amount: 0,
    period_type: r.source === 'usage' ? 25 : r.periodType ? BILL_PERIOD_TYPE[r.periodType] : undefined,
    period_num: opt(r.periodNum),
    partner_id: partnerDomainId,
    enterprise_project_id: opt(r.enterpriseProjectId),
    order_type: r.source === 'order' ? ORDER_TYPE[r.billDetailType] : undefined,
  };
}

/** The provider's bill operations (CN: BssClient; ListPostpaidBillSum: BssintlClient). */
export async function billsV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/bills/partner-bills/subcustomer-bills/monthly-sum',
    {
      schema: {
        tags,
        operationId: 'ListSubcustomerMonthlyBills',
        summary:
          'Monthly bill summaries of the partner’s resale customers (one or all), by service type, resource type, charging mode and bill type',
        querystring: monthlyBillsQuery,
        response: { 200: monthlyBillsResponse },
      },
    },
    async (req) => {
      const q = req.query;
      const partnerId = await apiPartner(ctx.db, callerOf(req).partnerId, q.indirect_partner_id);
      // Summary rows exist only for what this partner billed, so rows found are the access check;
      // only an empty answer for a named customer needs the association lookup (CBC.99000035).
      const page = await listSumLines(
        ctx.db,
        {
          partnerIds: [partnerId],
          billCycle: q.cycle,
          customerDomainId: q.customer_id,
          associationType: 'resale',
          serviceType: q.cloud_service_type,
          chargingMode: Number(q.charge_mode),
          billType: q.bill_type === undefined ? undefined : Number(q.bill_type),
        },
        { offset: q.offset, limit: q.limit },
      );
      if (q.customer_id && page.total === 0)
        await requireBilledCustomer(ctx.db, [partnerId], { domainId: q.customer_id }, 'CBC.99000035');
      const bill_sums: z.infer<typeof billSumInfo>[] = page.rows.map((l) => {
        const billType = String(l.billType);
        return {
          customer_id: l.customerDomainId,
          cloud_service_type: l.serviceType,
          cloud_service_type_name: serviceTypeName(l.serviceType, req.locale),
          bill_type: billType,
          charge_mode: String(l.chargingMode),
          amount: yuan(l.amountFen),
          debt_amount: 0,
          adjustment_amount: 0,
          discount_amount: 0,
          measure_id: 1,
          account_details: [
            { balance_type: 'BALANCE_TYPE_DEBIT', amount: yuan(l.cashFen), bill_type: billType },
            { balance_type: 'BALANCE_TYPE_COUPON', amount: yuan(l.voucherFen), bill_type: billType },
          ].filter((d) => d.amount !== 0),
          ...(l.resourceType ? { resource_type_code: l.resourceType } : {}),
        };
      });
      return { bill_sums, count: page.total, currency: 'CNY' as const };
    },
  );

  r.get(
    '/bills/subcustomer-bills/res-fee-records',
    {
      schema: {
        tags,
        operationId: 'ListSubCustomerBillDetail',
        summary:
          'A customer’s resource-level fee records of a month (its spend during its association with the partner): order lines, then usage',
        querystring: billDetailQuery,
        response: { 200: billDetailResponse },
      },
    },
    async (req) => {
      const q = req.query;
      const partnerId = await apiPartner(ctx.db, callerOf(req).partnerId, q.indirect_partner_id);
      const customer = await requireBilledCustomer(
        ctx.db,
        [partnerId],
        { domainId: q.customer_id },
        'CBC.99000035',
      );
      let range = cycleBounds(q.bill_cycle);
      if (q.bill_date_begin && q.bill_date_end) {
        const days = dayRange(q.bill_cycle, q.bill_date_begin, q.bill_date_end);
        if (!days)
          throw new AppError('CBC.0100', {
            field: 'bill_date_begin',
            reason: 'bill_date_begin and bill_date_end must be YYYY-MM-DD in bill_cycle, begin ≤ end',
          });
        range = days;
      }
      // We keep no account managers: a filter by one matches nothing.
      const page = q.account_manager_id
        ? { rows: [], total: 0 }
        : await pageFeeRecords(
            ctx.db,
            {
              partnerIds: [partnerId],
              billCycle: q.bill_cycle,
              customerId: customer.id,
              ...range,
              serviceType: q.service_type_code,
              regionCode: q.region_code,
              chargingMode: q.charging_mode,
              billDetailType: q.bill_detail_type,
              resourceId: q.resource_id,
              resourceName: q.resource_name,
              tradeId: q.trade_id,
              associationType: q.association_type ? ASSOCIATION_OF[q.association_type] : undefined,
            },
            { offset: q.offset, limit: q.limit },
          );
      const partnerDomainId = (await getPartner(ctx, partnerId))?.domainId ?? '';
      return {
        total_count: page.total,
        currency: 'CNY' as const,
        fee_records: page.rows.map((f) => feeRecordOf(f, partnerDomainId, req.locale)),
      };
    },
  );

  r.post(
    '/bills/subcustomer-bills/res-fee-records/sub-customers/query',
    {
      schema: {
        tags,
        operationId: 'ListConsumeSubCustomers',
        summary: 'Customers with consumption in a bill cycle during their association with the partner',
        body: consumeCustomersBody,
        response: { 200: consumeCustomersResponse },
      },
    },
    async (req) => {
      const b = req.body;
      const page = await listConsumingCustomers(ctx.db, [callerOf(req).partnerId], b.bill_cycle, {
        offset: b.offset,
        limit: b.limit,
      });
      return {
        sub_customers: page.domainIds.map((customer_id) => ({ customer_id })),
        total_count: page.total,
      };
    },
  );

  r.get(
    '/bills/partner-bills/postpaid-bill-summary',
    {
      schema: {
        tags,
        operationId: 'ListPostpaidBillSum',
        summary:
          'The partner’s postpaid bill of a month: its resale customers’ consumption and refunds; tax_amount is the 6 % VAT contained in the amount due',
        querystring: postpaidQuery,
        response: { 200: postpaidResponse },
      },
    },
    async (req) => {
      const cycle = req.query.bill_cycle;
      const s = await sumPostpaid(ctx.db, callerOf(req).partnerId, cycle);
      const due = s.consumeFen + s.refundFen;
      return {
        bill_cycle: cycle,
        initial_amount_due: yuan(due),
        consume_amount: yuan(s.consumeFen),
        refunds: yuan(s.refundFen),
        adjustments: 0,
        tax_amount: yuan(applyRate(due, VAT.numerator, VAT.denominator)),
        currency: 'CNY' as const,
      };
    },
  );
}
