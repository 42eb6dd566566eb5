import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/**
 * R14: VAT rates by taxpayer status (`general` | `small_scale`), effective from a day (00:00
 * Asia/Shanghai) until the next row of the same status. Rows are only added, never edited, so an
 * amount computed for a past period can always be explained with the rate in force then.
 */
export const vatRates = pgTable(
  'vat_rates',
  {
    id: text('id').primaryKey(),
    taxpayerStatus: text('taxpayer_status').notNull(),
    /** 600 = 6 %. */
    rateBasisPoints: integer('rate_basis_points').notNull(),
    effectiveFrom: ts('effective_from').notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('vat_rates_status_from_uq').on(t.taxpayerStatus, t.effectiveFrom),
    index('vat_rates_from_idx').on(t.effectiveFrom),
  ],
);
