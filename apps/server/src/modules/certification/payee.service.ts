import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { decryptBankAccount, maskBankAccount } from './bank-account.crypto.ts';
import { findStage, findSubmission } from './certification.repository.ts';
import type { BusinessData } from './certification.schemas.ts';

/** The certified seller and bank account of a partner (R4, R20): invoices are checked against it, payments go to it. */
export interface CertifiedPayee {
  /** The approved business-information submission the data comes from. */
  sourceId: string;
  companyLegalName: string;
  taxpayerId: string;
  taxpayerStatus: 'general' | 'small_scale';
  bankName: string;
  bankBranch: string;
  bankAccountName: string;
  bankAccountLast4: string;
  bankAccountMasked: string;
}

/** Null until the business information certification is approved. */
export async function certifiedPayee(db: DbOrTx, partnerId: string): Promise<CertifiedPayee | null> {
  const row = await findStage(db, partnerId, 'business');
  if (row?.status !== 'approved' || !row.bankAccountLast4) return null;
  const d = row.data as Omit<BusinessData, 'bankAccountNumber'>;
  return {
    sourceId: row.id,
    companyLegalName: d.companyLegalName,
    taxpayerId: d.taxpayerId,
    taxpayerStatus: d.taxpayerStatus,
    bankName: d.bankName,
    bankBranch: d.bankBranch,
    bankAccountName: d.bankAccountName,
    bankAccountLast4: row.bankAccountLast4,
    bankAccountMasked: maskBankAccount(row.bankAccountLast4) ?? '',
  };
}

/** The full account number of a certified submission; the caller records the audited reason. */
export async function certifiedAccountNumber(
  ctx: AppContext,
  db: DbOrTx,
  sourceId: string,
): Promise<string | null> {
  const row = await findSubmission(db, sourceId);
  if (!row?.bankAccountEnc) return null;
  return decryptBankAccount(ctx.config.secretKey, row.id, row.bankAccountEnc);
}
