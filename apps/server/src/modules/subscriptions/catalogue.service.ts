import { type DbOrTx, isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  type DiscountRow,
  discountsOf,
  findProduct,
  insertProduct,
  listProducts,
  type ProductRow,
  productsForSpecs,
  readSettings,
  replaceDiscounts,
  updateProduct,
  writeSettings,
} from './catalogue.repository.ts';
import './subscriptions.errors.ts';
import { type PeriodType, type Price, priceOf } from './subscriptions.periods.ts';
import type { ResourceRow } from './subscriptions.repository.ts';

export interface DiscountInput {
  periodType: PeriodType;
  minPeriods: number;
  percentOff: number;
}

export interface ProductInput {
  serviceTypeCode: string;
  resourceTypeCode: string;
  resourceSpecCode: string;
  regionCode: string;
  nameZh: string;
  nameEn: string;
  monthlyFen: number;
  yearlyFen: number;
  status: 'active' | 'retired';
  discounts: DiscountInput[];
}

export interface ProductView extends Omit<ProductInput, 'discounts'> {
  id: string;
  discounts: DiscountInput[];
  updatedAt: string;
}

function view(p: ProductRow, discounts: DiscountRow[]): ProductView {
  return {
    id: p.id,
    serviceTypeCode: p.serviceTypeCode,
    resourceTypeCode: p.resourceTypeCode,
    resourceSpecCode: p.resourceSpecCode,
    regionCode: p.regionCode,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    monthlyFen: p.monthlyFen,
    yearlyFen: p.yearlyFen,
    status: p.status as ProductView['status'],
    discounts: discounts
      .filter((d) => d.productId === p.id)
      .map((d) => ({
        periodType: d.periodType as PeriodType,
        minPeriods: d.minPeriods,
        percentOff: d.percentOff,
      })),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export async function catalogue(ctx: AppContext): Promise<ProductView[]> {
  const products = await listProducts(ctx.db);
  const discounts = await discountsOf(
    ctx.db,
    products.map((p) => p.id),
  );
  return products.map((p) => view(p, discounts));
}

/** Operators add or change a product and its period discounts (one transaction, audited). */
export async function saveProduct(
  ctx: AppContext,
  actor: Actor,
  id: string | null,
  input: ProductInput,
): Promise<ProductView> {
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const { discounts, ...fields } = input;
      let row: ProductRow | undefined;
      let before: ProductRow | undefined;
      if (id) {
        before = await findProduct(tx, id);
        if (!before) throw new AppError('subscriptions.product_not_found');
        row = await updateProduct(tx, id, { ...fields, updatedBy: actor.id, updatedAt: now });
      } else {
        row = await insertProduct(tx, {
          id: newId('prd', now.getTime()),
          ...fields,
          updatedBy: actor.id,
          createdAt: now,
          updatedAt: now,
        });
      }
      if (!row) throw new AppError('subscriptions.product_not_found');
      await replaceDiscounts(tx, row.id, discounts);
      await ctx.audit.record(tx, actor, {
        action: id ? 'catalogue.product_updated' : 'catalogue.product_created',
        entityType: 'catalogue_product',
        entityId: row.id,
        before: before ?? null,
        after: { ...fields, discounts },
      });
      return view(
        row,
        discounts.map((d) => ({ ...d, productId: (row as ProductRow).id })),
      );
    });
  } catch (e) {
    if (isUniqueViolation(e, 'catalogue_products_spec_uq'))
      throw new AppError('subscriptions.product_exists');
    throw e;
  }
}

/** Prices of resources: the product of the resource's spec in its region, else the all-region one. */
export async function pricesFor(
  db: DbOrTx,
  resources: readonly ResourceRow[],
): Promise<Map<string, { product: ProductRow; discounts: DiscountRow[] }>> {
  const products = await productsForSpecs(db, [...new Set(resources.map((r) => r.resourceSpecCode))]);
  const discounts = await discountsOf(
    db,
    products.map((p) => p.id),
  );
  const out = new Map<string, { product: ProductRow; discounts: DiscountRow[] }>();
  for (const res of resources) {
    const match = (region: string) =>
      products.find(
        (p) =>
          p.serviceTypeCode === res.serviceTypeCode &&
          p.resourceTypeCode === res.resourceTypeCode &&
          p.resourceSpecCode === res.resourceSpecCode &&
          p.regionCode === region,
      );
    const product = match(res.regionCode) ?? match('*');
    if (product) out.set(res.id, { product, discounts: discounts.filter((d) => d.productId === product.id) });
  }
  return out;
}

export function quoteOf(
  entry: { product: ProductRow; discounts: DiscountRow[] },
  periodType: PeriodType,
  periodNum: number,
): Price {
  return priceOf(entry.product, entry.discounts, periodType, periodNum);
}

export interface LifecycleSettings {
  reminderDays: number[];
  autoRenewLeadDays: number;
  retentionDays: number;
  updatedAt: string | null;
}

export const DEFAULT_SETTINGS: Omit<LifecycleSettings, 'updatedAt'> = {
  reminderDays: [30, 15, 7, 3, 1],
  autoRenewLeadDays: 7,
  retentionDays: 15,
};

export async function lifecycleSettings(db: DbOrTx): Promise<LifecycleSettings> {
  const row = await readSettings(db);
  if (!row) return { ...DEFAULT_SETTINGS, updatedAt: null };
  return {
    reminderDays: [...row.reminderDays].sort((x, y) => y - x),
    autoRenewLeadDays: row.autoRenewLeadDays,
    retentionDays: row.retentionDays,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function saveLifecycleSettings(
  ctx: AppContext,
  actor: Actor,
  input: Omit<LifecycleSettings, 'updatedAt'>,
): Promise<LifecycleSettings> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lifecycleSettings(tx);
    const days = [...new Set(input.reminderDays)].sort((x, y) => y - x);
    await writeSettings(tx, {
      id: 'global',
      reminderDays: days,
      autoRenewLeadDays: input.autoRenewLeadDays,
      retentionDays: input.retentionDays,
      updatedBy: actor.id,
      updatedAt: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'subscriptions.settings_updated',
      entityType: 'subscription_settings',
      entityId: 'global',
      before,
      after: { ...input, reminderDays: days },
    });
    return { ...input, reminderDays: days, updatedAt: now.toISOString() };
  });
}
