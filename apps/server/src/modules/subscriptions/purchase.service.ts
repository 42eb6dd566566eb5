import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { findActiveAssociation } from '../customers/index.ts';
import { isRequestKeyRace, type OrderWithLines, orderByRequestKey, placeOrder } from '../orders/index.ts';
import { discountsOf, findProduct, type ProductRow } from './catalogue.repository.ts';
import { catalogue, type ProductView } from './catalogue.service.ts';
import { checkCustomerMayBuy } from './renewals.service.ts';
import { requireScopedCustomer, type Scope } from './resources.service.ts';
import './subscriptions.errors.ts';
import { addPeriod, type PeriodType, type Price, priceOf } from './subscriptions.periods.ts';

export interface PurchaseRequest {
  /** The customer (its domain id); the partner portal names it, the customer area buys for itself. */
  customerDomainId?: string;
  productId: string;
  regionCode: string;
  periodType: PeriodType;
  periodNum: number;
  quantity: number;
  resourceName?: string;
}

export interface PurchaseQuote extends Price {
  unit: Price;
  quantity: number;
  /** If paid now: from now until the end of the period (Asia/Shanghai wall time). */
  effectiveAt: string;
  expireAt: string;
}

/** Active products as the purchase page offers them. */
export async function productsForSale(ctx: AppContext): Promise<ProductView[]> {
  return (await catalogue(ctx)).filter((p) => p.status === 'active');
}

async function requireProduct(db: DbOrTx, req: PurchaseRequest): Promise<ProductRow> {
  const product = await findProduct(db, req.productId);
  if (product?.status !== 'active') throw new AppError('subscriptions.product_unavailable');
  if (product.regionCode !== '*' && product.regionCode !== req.regionCode)
    throw new AppError('subscriptions.region_unavailable', { regionCode: req.regionCode });
  return product;
}

/** The unit price for the period from the catalogue (the renewals' pricing: period discounts). */
async function unitPrice(db: DbOrTx, product: ProductRow, req: PurchaseRequest): Promise<Price> {
  return priceOf(product, await discountsOf(db, [product.id]), req.periodType, req.periodNum);
}

/** The price of buying `quantity` of a product for the period, exact in fen. */
export async function quotePurchase(ctx: AppContext, req: PurchaseRequest): Promise<PurchaseQuote> {
  const product = await requireProduct(ctx.db, req);
  const unit = await unitPrice(ctx.db, product, req);
  const now = ctx.clock.now();
  return {
    unit,
    quantity: req.quantity,
    officialFen: unit.officialFen * req.quantity,
    discountFen: unit.discountFen * req.quantity,
    amountFen: unit.amountFen * req.quantity,
    effectiveAt: now.toISOString(),
    expireAt: addPeriod(now, req.periodType, req.periodNum).toISOString(),
  };
}

/** The customer the scope buys for: its own (customer area) or a resale customer of the partner. */
async function buyerOf(db: DbOrTx, scope: Scope, customerDomainId: string | undefined) {
  if (scope.kind === 'customer')
    return { customerId: scope.customerId, partnerId: await partnerOf(db, scope.customerId) };
  if (!customerDomainId) throw new AppError('CBC.99000035');
  const customer = await requireScopedCustomer(db, scope, customerDomainId);
  const association = await findActiveAssociation(db, customer.id);
  if (association?.type !== 'resale') throw new AppError('subscriptions.purchase_resale_only');
  return { customerId: customer.id, partnerId: association.partnerId };
}

async function partnerOf(db: DbOrTx, customerId: string): Promise<string | null> {
  return (await findActiveAssociation(db, customerId))?.partnerId ?? null;
}

/**
 * Places a purchase order awaiting payment: one line per resource bought, priced like renewals
 * from the catalogue. A frozen or purchase-restricted customer is refused. Idempotent on
 * `requestKey`: a double click or a retry answers with the order placed first.
 */
export async function placePurchase(
  ctx: AppContext,
  actor: Actor,
  scope: Scope,
  req: PurchaseRequest & { requestKey: string },
): Promise<OrderWithLines> {
  const { customerId, partnerId } = await buyerOf(ctx.db, scope, req.customerDomainId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const again = await orderByRequestKey(tx, customerId, req.requestKey);
      if (again) return again;
      await checkCustomerMayBuy(tx, customerId);
      const product = await requireProduct(tx, req);
      const unit = await unitPrice(tx, product, req);
      const now = ctx.clock.now();
      const expireAt = addPeriod(now, req.periodType, req.periodNum);
      const name = req.resourceName?.trim() || product.resourceSpecCode;
      return placeOrder(ctx, tx, actor, {
        customerId,
        partnerId,
        type: 'new',
        source: scope.kind === 'partner' ? 'partner' : 'customer',
        requestKey: req.requestKey,
        lines: Array.from({ length: req.quantity }, (_, i) => ({
          resourceRef: newId('res', now.getTime()),
          resourceId: randomUUID(),
          resourceName: req.quantity > 1 ? `${name}-${i + 1}` : name,
          enterpriseProjectId: '0',
          serviceTypeCode: product.serviceTypeCode,
          resourceTypeCode: product.resourceTypeCode,
          regionCode: req.regionCode,
          productSpecDesc: `${product.nameZh} / ${product.nameEn}`,
          productId: product.id,
          periodType: req.periodType,
          periodNum: req.periodNum,
          ...unit,
          effectiveAt: now,
          expireAt,
        })),
      });
    });
  } catch (e) {
    if (!isRequestKeyRace(e)) throw e;
    const placed = await orderByRequestKey(ctx.db, customerId, req.requestKey);
    if (!placed) throw e;
    return placed;
  }
}
