import { TZDate } from '@date-fns/tz';
import { schema } from '@pc/db';
import { sql } from 'drizzle-orm';
import { BUSINESS_TZ } from '../../platform/clock/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { tableFile } from '../../platform/export/table-export.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { partnersByIds } from '../partners/index.ts';
import { billCycleOf, spendInCycleSql } from '../spend/index.ts';
import { customersVisibleTo, requireVisibleCustomer } from './customers.access.ts';
import { budgetListColumns } from './customers.list-columns.ts';
import { TYPE_LABEL } from './customers.notify.ts';
import {
  type AssociationRow,
  associationHistory,
  type CustomerFilter,
  type CustomerRow,
  type CustomerSort,
  findActiveAssociation,
  findCustomer,
  listAllCustomers,
  listCustomersWithMetrics,
} from './customers.repository.ts';
import { businessDateTime, maskEmail, maskPhone, nextChangeAllowedAt } from './customers.rules.ts';

export interface CustomerListItem {
  id: string;
  domainId: string;
  domainName: string;
  name: string;
  customerType: string;
  verifiedStatus: string;
  email: string | null;
  phone: string | null;
  status: string;
  purchaseRestricted: boolean;
  associationType: 'referral' | 'resale';
  associatedAt: string;
  label: string | null;
  source: string;
  /** The partner the customer is associated with; for a distributor's list, a reseller or itself. */
  partnerId: string;
  partnerName: string;
  viaReseller: boolean;
}

/** The budget state shown with its usage: the highest of 75/90/100 % reached, or `ok`. */
export type BudgetState = 'ok' | 'warn75' | 'warn90' | 'exceeded';

export interface PortalCustomerItem extends CustomerListItem {
  /** Spend in the current bill cycle (Asia/Shanghai month), fen. */
  spendMonthFen: number;
  budget: { amountFen: number; usedFen: number; percent: number; state: BudgetState } | null;
}

export interface PortalCustomerFilter {
  keyword?: string;
  type?: 'referral' | 'resale';
  /** `YYYY-MM-DD`, Asia/Shanghai, inclusive. */
  associatedFrom?: string;
  associatedTo?: string;
  label?: string;
  /** A distributor's filter: `self` or one reseller's partner id. */
  reseller?: string;
  offset: number;
  limit: number;
  sort?: CustomerSort;
  order?: 'asc' | 'desc';
}

/** Midnight of a `YYYY-MM-DD` day in Asia/Shanghai (plus `days`). */
function dayStart(ymd: string, days = 0): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(new TZDate(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days, BUSINESS_TZ).getTime());
}

function nextDay(ymd: string): Date {
  return dayStart(ymd, 1);
}

function item(
  c: CustomerRow,
  a: AssociationRow,
  partnerId: string,
  names: Map<string, string>,
): CustomerListItem {
  return {
    id: c.id,
    domainId: c.domainId,
    domainName: c.domainName,
    name: c.name,
    customerType: c.customerType,
    verifiedStatus: c.verifiedStatus,
    email: maskEmail(c.email),
    phone: maskPhone(c.phone),
    status: c.status,
    purchaseRestricted: c.purchaseRestrictedAt !== null,
    associationType: a.type === 'resale' ? 'resale' : 'referral',
    associatedAt: a.startedAt.toISOString(),
    label: a.label,
    source: a.source,
    partnerId: a.partnerId,
    partnerName: names.get(a.partnerId) ?? a.partnerId,
    viaReseller: a.partnerId !== partnerId,
  };
}

/** The portal filter as the repository's, over the partners whose customers the partner sees. */
export async function repositoryFilter(
  ctx: AppContext,
  partnerId: string,
  f: PortalCustomerFilter,
): Promise<{ visible: string[]; filter: CustomerFilter }> {
  const visible = await customersVisibleTo(ctx.db, partnerId);
  let partnerIds = visible;
  if (f.reseller === 'self') partnerIds = [partnerId];
  else if (f.reseller) partnerIds = visible.includes(f.reseller) ? [f.reseller] : [];
  const filter: CustomerFilter = {
    partnerIds,
    keyword: f.keyword?.trim() || undefined,
    type: f.type,
    associatedFrom: f.associatedFrom ? dayStart(f.associatedFrom) : undefined,
    associatedTo: f.associatedTo ? nextDay(f.associatedTo) : undefined,
    label: f.label?.trim() || undefined,
    offset: f.offset,
    limit: f.limit,
  };
  return { visible, filter };
}

/** Usage as a percentage (one decimal, rounded down) and the highest 75/90/100 % threshold reached. */
export function budgetUsage(amountFen: number, usedFen: number): { percent: number; state: BudgetState } {
  if (amountFen <= 0) return { percent: usedFen > 0 ? 100 : 0, state: usedFen > 0 ? 'exceeded' : 'ok' };
  const used = BigInt(usedFen) * 100n;
  const amount = BigInt(amountFen);
  const percent = Number((BigInt(usedFen) * 1000n) / amount) / 10;
  const state: BudgetState =
    used >= 100n * amount
      ? 'exceeded'
      : used >= 90n * amount
        ? 'warn90'
        : used >= 75n * amount
          ? 'warn75'
          : 'ok';
  return { percent, state };
}

/**
 * R6 and issue 14: the partner's customers (a distributor's include its resellers'), filtered,
 * sorted (newest association, this month's spend or budget usage) and paged, with each customer's
 * spend in the current Asia/Shanghai bill cycle (the spend module's running totals) and budget
 * usage (the budgets module's columns) — one query for the page and its total.
 */
export async function listPortalCustomers(
  ctx: AppContext,
  partnerId: string,
  f: PortalCustomerFilter,
): Promise<{ items: PortalCustomerItem[]; total: number; resellers: { id: string; name: string }[] }> {
  const { visible, filter } = await repositoryFilter(ctx, partnerId, f);
  const cycle = billCycleOf(ctx.clock.now());
  const budget = budgetListColumns()?.(schema.customers.id, cycle);
  const { rows, total } = await listCustomersWithMetrics(
    ctx.db,
    filter,
    {
      spendFen: spendInCycleSql(schema.customers.id, cycle),
      budgetAmountFen: budget?.amountFen ?? sql`null::bigint`,
      budgetUsedFen: budget?.usedFen ?? sql`null::bigint`,
    },
    { by: f.sort ?? 'associatedAt', order: f.order ?? 'desc' },
  );
  const partners = await partnersByIds(ctx, visible);
  const names = new Map([...partners].map(([id, p]) => [id, p.name]));
  return {
    items: rows.map((r) => ({
      ...item(r.customer, r.association, partnerId, names),
      spendMonthFen: r.spendFen,
      budget:
        r.budgetAmountFen === null
          ? null
          : {
              amountFen: r.budgetAmountFen,
              usedFen: r.budgetUsedFen ?? 0,
              ...budgetUsage(r.budgetAmountFen, r.budgetUsedFen ?? 0),
            },
    })),
    total,
    resellers: visible.filter((id) => id !== partnerId).map((id) => ({ id, name: names.get(id) ?? id })),
  };
}

export const EXPORT_LIMIT = 10_000;

const COLUMNS: {
  key: keyof CustomerListItem | 'typeLabel' | 'statusLabel';
  title: Record<Locale, string>;
}[] = [
  { key: 'name', title: { 'zh-CN': '客户名称', 'en-US': 'Customer' } },
  { key: 'domainName', title: { 'zh-CN': '账号名', 'en-US': 'Account name' } },
  { key: 'domainId', title: { 'zh-CN': '客户账号 ID', 'en-US': 'Customer ID' } },
  { key: 'typeLabel', title: { 'zh-CN': '关联类型', 'en-US': 'Association type' } },
  { key: 'associatedAt', title: { 'zh-CN': '关联时间', 'en-US': 'Associated on' } },
  { key: 'label', title: { 'zh-CN': '标签', 'en-US': 'Label' } },
  { key: 'email', title: { 'zh-CN': '邮箱', 'en-US': 'Email' } },
  { key: 'phone', title: { 'zh-CN': '手机', 'en-US': 'Mobile' } },
  { key: 'statusLabel', title: { 'zh-CN': '状态', 'en-US': 'Status' } },
  { key: 'partnerName', title: { 'zh-CN': '经销商', 'en-US': 'Reseller' } },
];

function exportRows(items: CustomerListItem[], locale: Locale): string[][] {
  return items.map((it) =>
    COLUMNS.map(({ key }) => {
      if (key === 'typeLabel') return TYPE_LABEL[it.associationType][locale];
      if (key === 'statusLabel')
        return it.status === 'frozen'
          ? locale === 'zh-CN'
            ? '已冻结'
            : 'Frozen'
          : locale === 'zh-CN'
            ? '正常'
            : 'Active';
      if (key === 'associatedAt') return businessDateTime(new Date(it.associatedAt));
      if (key === 'partnerName') return it.viaReseller ? it.partnerName : '';
      const v = it[key];
      return v === null || v === undefined ? '' : String(v);
    }),
  );
}

/** The filtered list (every page, up to EXPORT_LIMIT rows) as CSV (UTF-8 with BOM) or XLSX. */
export async function exportPortalCustomers(
  ctx: AppContext,
  partnerId: string,
  f: Omit<PortalCustomerFilter, 'offset' | 'limit'>,
  format: 'csv' | 'xlsx',
  locale: Locale,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const { items } = await listPortalCustomers(ctx, partnerId, { ...f, offset: 0, limit: EXPORT_LIMIT });
  const header = COLUMNS.map((c) => c.title[locale]);
  const rows = exportRows(items, locale);
  const stamp = businessDateTime(ctx.clock.now()).slice(0, 10);
  return tableFile(header, rows, format, `customers-${stamp}`);
}

export interface CustomerDetail extends CustomerListItem {
  frozenReason: string | null;
  frozenAt: string | null;
  freezeType: string | null;
  purchaseRestrictedAt: string | null;
  createdAt: string;
  origin: string;
  xaccountType: string | null;
  xaccountId: string | null;
  lastAssociationChangeAt: string | null;
  /** When the next unbind or type switch is possible; null when it is now. */
  nextChangeAllowedAt: string | null;
  history: {
    partnerName: string;
    type: string;
    source: string;
    startedAt: string;
    endedAt: string | null;
    endReason: string | null;
  }[];
}

/** One customer of the partner (or of one of a distributor's resellers); otherwise not found. */
export async function portalCustomerDetail(
  ctx: AppContext,
  partnerId: string,
  customerId: string,
): Promise<CustomerDetail> {
  const { customer: c, association: a } = await requireVisibleCustomer(
    ctx.db,
    partnerId,
    await findCustomer(ctx.db, customerId),
  );
  const history = await associationHistory(ctx.db, c.id);
  const partners = await partnersByIds(ctx, [partnerId, ...history.map((h) => h.partnerId)]);
  const names = new Map([...partners].map(([id, p]) => [id, p.name]));
  const visibleHistory = history.filter((h) => h.partnerId === a.partnerId);
  const next = nextChangeAllowedAt(c.lastAssociationChangeAt, ctx.clock.now());
  return {
    ...item(c, a, partnerId, names),
    frozenReason: c.frozenReason,
    frozenAt: c.frozenAt?.toISOString() ?? null,
    freezeType: c.freezeType,
    purchaseRestrictedAt: c.purchaseRestrictedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    origin: c.origin,
    xaccountType: c.xaccountType,
    xaccountId: c.xaccountId,
    lastAssociationChangeAt: c.lastAssociationChangeAt?.toISOString() ?? null,
    nextChangeAllowedAt: next?.toISOString() ?? null,
    history: visibleHistory.map((h) => ({
      partnerName: names.get(h.partnerId) ?? h.partnerId,
      type: h.type,
      source: h.source,
      startedAt: h.startedAt.toISOString(),
      endedAt: h.endedAt?.toISOString() ?? null,
      endReason: h.endReason,
    })),
  };
}

/** The customer's own account page (R6): account, current partner, pending requests are separate. */
export async function ownAccount(ctx: AppContext, customerId: string) {
  const c = await findCustomer(ctx.db, customerId);
  if (!c) throw new AppError('common.not_found');
  const a = await findActiveAssociation(ctx.db, c.id);
  const partner = a ? (await partnersByIds(ctx, [a.partnerId])).get(a.partnerId) : undefined;
  return {
    id: c.id,
    domainId: c.domainId,
    domainName: c.domainName,
    name: c.name,
    email: c.email,
    phone: c.phone,
    customerType: c.customerType,
    verifiedStatus: c.verifiedStatus,
    status: c.status,
    createdAt: c.createdAt.toISOString(),
    association:
      a && partner
        ? {
            partnerName: partner.name,
            partnerDomainId: partner.domainId,
            type: a.type === 'resale' ? ('resale' as const) : ('referral' as const),
            since: a.startedAt.toISOString(),
          }
        : null,
  };
}

/** Operators' read-only list of every customer. */
export async function consoleCustomers(
  ctx: AppContext,
  q: { keyword?: string; offset: number; limit: number },
) {
  const { rows, total } = await listAllCustomers(ctx.db, q);
  const partners = await partnersByIds(
    ctx,
    rows.flatMap((r) => (r.association ? [r.association.partnerId] : [])),
  );
  return {
    total,
    items: rows.map(({ customer: c, association: a }) => ({
      id: c.id,
      domainId: c.domainId,
      domainName: c.domainName,
      name: c.name,
      email: maskEmail(c.email),
      phone: maskPhone(c.phone),
      status: c.status,
      origin: c.origin,
      createdAt: c.createdAt.toISOString(),
      partnerName: a ? (partners.get(a.partnerId)?.name ?? a.partnerId) : null,
      associationType: a ? (a.type === 'resale' ? ('resale' as const) : ('referral' as const)) : null,
      associatedAt: a?.startedAt.toISOString() ?? null,
    })),
  };
}
