import './tax.errors.ts';
import type { DbOrTx } from '@pc/db';
import { businessDate } from '../../platform/clock/working-days.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { approvedTaxIdentities, approvedTaxIdentity } from '../certification/index.ts';
import { findRateAt, insertRate, listRates, type VatRateRow } from './tax.repository.ts';
import {
  computeInvoiceAmounts,
  DEFAULT_RATE_BP,
  formatRate,
  type InvoiceAmounts,
  type InvoiceSubject,
  LEGACY_CUTOFF,
  ruleFor,
  shanghaiDayStart,
  TAXPAYER_STATUSES,
  type TaxpayerStatus,
} from './tax.rules.ts';
import type { AddRateBody } from './tax.schemas.ts';

/** R14: the partner's taxpayer status from its approved business information; null until approved. */
export async function taxpayerStatusOf(
  _ctx: AppContext,
  tx: DbOrTx,
  partnerId: string,
): Promise<TaxpayerStatus | null> {
  return (await approvedTaxIdentity(tx, partnerId))?.taxpayerStatus ?? null;
}

/** The same for many partners in one read; partners whose status is unknown are absent. */
export async function taxpayerStatusesOf(
  _ctx: AppContext,
  tx: DbOrTx,
  partnerIds: readonly string[],
): Promise<Map<string, TaxpayerStatus>> {
  const identities = await approvedTaxIdentities(tx, partnerIds);
  return new Map([...identities].map(([id, identity]) => [id, identity.taxpayerStatus]));
}

/** The VAT rate (basis points) for a status in force at an instant. */
export async function rateAt(tx: DbOrTx, status: TaxpayerStatus, on: Date): Promise<number> {
  return (await findRateAt(tx, status, on))?.rateBasisPoints ?? DEFAULT_RATE_BP[status];
}

/**
 * R14: the invoice amount of a pre-tax incentive for a taxpayer status. `on` picks the rate (the
 * rate in force that day); `periodStart` before 2019-01-01 selects the legacy rule, whose notice
 * amount included VAT at the general rate in force at the period's start.
 */
export async function invoiceAmounts(
  _ctx: AppContext,
  tx: DbOrTx,
  input: {
    status: TaxpayerStatus;
    preTaxFen: number;
    on: Date;
    periodStart?: Date;
    subject?: InvoiceSubject;
  },
): Promise<InvoiceAmounts> {
  const rule = ruleFor(input.periodStart);
  const rateBasisPoints = await rateAt(tx, input.status, input.on);
  const legacyGeneralBasisPoints =
    rule === 'legacy' && input.periodStart ? await rateAt(tx, 'general', input.periodStart) : undefined;
  return computeInvoiceAmounts({
    status: input.status,
    preTaxFen: input.preTaxFen,
    rateBasisPoints,
    rule,
    legacyGeneralBasisPoints,
    subject: input.subject,
  });
}

/**
 * The invoice amounts of many pre-tax amounts of one period: the rates are read once (one per
 * status, plus the legacy general rate), then each amount is computed without a read.
 */
export async function invoiceAmountsOfPeriod(
  _ctx: AppContext,
  tx: DbOrTx,
  input: { on: Date; periodStart?: Date },
): Promise<(status: TaxpayerStatus, preTaxFen: number) => InvoiceAmounts> {
  const rule = ruleFor(input.periodStart);
  const rates = new Map<TaxpayerStatus, number>();
  for (const status of TAXPAYER_STATUSES) rates.set(status, await rateAt(tx, status, input.on));
  const legacyGeneralBasisPoints =
    rule === 'legacy' && input.periodStart ? await rateAt(tx, 'general', input.periodStart) : undefined;
  return (status, preTaxFen) =>
    computeInvoiceAmounts({
      status,
      preTaxFen,
      rateBasisPoints: rates.get(status) ?? DEFAULT_RATE_BP[status],
      rule,
      legacyGeneralBasisPoints,
    });
}

/** The same for a partner, from its certified status; refused while its status is unknown. */
export async function partnerInvoiceAmounts(
  ctx: AppContext,
  tx: DbOrTx,
  partnerId: string,
  input: { preTaxFen: number; on: Date; periodStart?: Date; subject?: InvoiceSubject },
): Promise<InvoiceAmounts & { status: TaxpayerStatus }> {
  const status = await taxpayerStatusOf(ctx, tx, partnerId);
  if (!status) throw new AppError('tax.taxpayer_status_unknown');
  return { ...(await invoiceAmounts(ctx, tx, { ...input, status })), status };
}

const EPOCH = '2000-01-01';

function view(r: VatRateRow) {
  return {
    id: r.id,
    taxpayerStatus: r.taxpayerStatus as TaxpayerStatus,
    rateBasisPoints: r.rateBasisPoints,
    rate: formatRate(r.rateBasisPoints),
    effectiveFrom: businessDate(r.effectiveFrom),
    note: r.note,
    source: 'operator' as const,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Every rate: the built-in defaults first, then operator rows by status and date. */
export async function listVatRates(ctx: AppContext) {
  const rows = await listRates(ctx.db);
  const defaults = TAXPAYER_STATUSES.map((s) => ({
    id: `default:${s}`,
    taxpayerStatus: s,
    rateBasisPoints: DEFAULT_RATE_BP[s],
    rate: formatRate(DEFAULT_RATE_BP[s]),
    effectiveFrom: EPOCH,
    note: '',
    source: 'default' as const,
    createdAt: null,
  }));
  const now = ctx.clock.now();
  return {
    items: [...defaults, ...rows.map(view)],
    current: {
      general: await rateAt(ctx.db, 'general', now),
      small_scale: await rateAt(ctx.db, 'small_scale', now),
    },
    legacyCutoff: businessDate(LEGACY_CUTOFF),
  };
}

/**
 * An operator adds a rate effective from a day (today or later: a settled period keeps the rate
 * it was computed with). Audited; the same status and day twice is refused.
 */
export async function addVatRate(ctx: AppContext, actor: Actor, body: AddRateBody) {
  const today = businessDate(ctx.clock.now());
  if (body.effectiveFrom < today) {
    throw new AppError('tax.rate_in_past', { effectiveFrom: body.effectiveFrom, today });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await insertRate(tx, {
      id: newId('vat'),
      taxpayerStatus: body.taxpayerStatus,
      rateBasisPoints: body.rateBasisPoints,
      effectiveFrom: shanghaiDayStart(body.effectiveFrom),
      note: body.note,
      createdBy: actor.id,
      createdAt: ctx.clock.now(),
    });
    if (!row) {
      throw new AppError('tax.rate_exists', {
        status: body.taxpayerStatus,
        effectiveFrom: body.effectiveFrom,
      });
    }
    await ctx.audit.record(tx, actor, {
      action: 'tax.rate_added',
      entityType: 'vat_rate',
      entityId: row.id,
      after: view(row),
    });
    return view(row);
  });
}
