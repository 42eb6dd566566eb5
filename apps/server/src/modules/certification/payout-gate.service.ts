import type { DbOrTx } from '@pc/db';
import { AppError, type ErrorCatalogue } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { findStage, findStages, type SubmissionRow } from './certification.repository.ts';

/** Where a blocked partner goes to fix it (R4). */
export const BUSINESS_INFO_LINK = '/partner-info/business';

/**
 * R4: the one check every payout-related action calls (payment applications, incentive payouts).
 * Refuses with `certification.payout_blocked` and a link to the business-information page until
 * the business information certification is approved.
 */
export async function assertPayoutAllowed(db: DbOrTx, partnerId: string): Promise<void> {
  const row = await findStage(db, partnerId, 'business');
  if (row?.status !== 'approved') {
    throw new AppError('certification.payout_blocked', {
      link: BUSINESS_INFO_LINK,
      businessStatus: row?.status ?? 'none',
    });
  }
}

/** The same check as data, for the portal to show before the partner tries. */
export async function payoutEligibility(
  db: DbOrTx,
  catalogue: ErrorCatalogue,
  partnerId: string,
  locale: Locale,
) {
  const row = await findStage(db, partnerId, 'business');
  const businessStatus = (row?.status ?? 'none') as 'none';
  try {
    await assertPayoutAllowed(db, partnerId);
    return { allowed: true, businessStatus, code: null, message: null, link: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return {
      allowed: false,
      businessStatus,
      code: e.code,
      message: catalogue.message(e, locale),
      link: BUSINESS_INFO_LINK,
    };
  }
}

export interface TaxIdentity {
  taxpayerStatus: 'general' | 'small_scale';
  settlementCurrency: 'CNY' | 'USD';
}

function taxIdentityOf(row: SubmissionRow | undefined): TaxIdentity | null {
  if (row?.status !== 'approved') return null;
  const data = row.data as TaxIdentity;
  return { taxpayerStatus: data.taxpayerStatus, settlementCurrency: data.settlementCurrency };
}

/** The approved tax identity, for invoice amounts (R14) and settlement; null until approved. */
export async function approvedTaxIdentity(db: DbOrTx, partnerId: string): Promise<TaxIdentity | null> {
  return taxIdentityOf(await findStage(db, partnerId, 'business'));
}

/** The same for many partners in one read; partners without an approved identity are absent. */
export async function approvedTaxIdentities(
  db: DbOrTx,
  partnerIds: readonly string[],
): Promise<Map<string, TaxIdentity>> {
  const out = new Map<string, TaxIdentity>();
  for (const row of await findStages(db, partnerIds, 'business')) {
    const identity = taxIdentityOf(row);
    if (identity) out.set(row.partnerId, identity);
  }
  return out;
}
