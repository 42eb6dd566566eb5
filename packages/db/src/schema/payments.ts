import { bigint, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { invoicingNotices } from './invoices.ts';
import { partners } from './partners.ts';

/**
 * One payment per accepted invoicing notice, to the partner's certified bank account. The account
 * is kept as the certification it came from and its last four digits; the number itself stays
 * encrypted in certification and is revealed only through an audited action.
 */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    noticeId: text('notice_id')
      .notNull()
      .references(() => invoicingNotices.id),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidOn: text('paid_on').notNull(),
    bankReference: text('bank_reference').notNull(),
    /** The certification submission whose bank account was paid. */
    accountSourceId: text('account_source_id').notNull(),
    bankName: text('bank_name').notNull(),
    accountName: text('account_name').notNull(),
    accountLast4: text('account_last4').notNull(),
    paidBy: text('paid_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('payments_notice_uq').on(t.noticeId),
    index('payments_partner_idx').on(t.partnerId, t.createdAt),
  ],
);
