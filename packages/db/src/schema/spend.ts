import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { customers } from './customers.ts';

/**
 * One spend record, stored exactly once (the source's record id is the key). Keeps what budgets,
 * performance (R5) and incentives will need: the partner and association at the time of spend and
 * the cash amount eligible for them.
 */
export const spendRecords = pgTable(
  'spend_records',
  {
    recordId: text('record_id').primaryKey(),
    /**
     * customers.id. No foreign key (ADR 0011): the ingestion checks it per batch, taking the batch's
     * customers FOR KEY SHARE as the key's trigger would per row, and customers with spend are never deleted
     * (trigger `customers_keep_spend`).
     */
    customerId: text('customer_id').notNull(),
    /** The associated partner when the spend happened (null: no partner). */
    partnerId: text('partner_id'),
    associationType: text('association_type'),
    spentAt: ts('spent_at').notNull(),
    /** `YYYY-MM` in Asia/Shanghai. */
    billCycle: text('bill_cycle').notNull(),
    serviceType: text('service_type').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** `cash` | `voucher`. */
    paymentKind: text('payment_kind').notNull(),
    /** Cash amount that counts toward performance and incentives. */
    eligibleFen: bigint('eligible_fen', { mode: 'number' }).notNull(),
    /** Optional resource detail for resource-level fee records (bills); null when the source had none. */
    resourceId: text('resource_id'),
    resourceType: text('resource_type'),
    resourceName: text('resource_name'),
    regionCode: text('region_code'),
    enterpriseProjectId: text('enterprise_project_id'),
    /** Optional usage detail as the provider's fee records name it (usage_type, usage_amount, …). */
    detail: jsonb('detail'),
    importId: text('import_id'),
    acceptedAt: ts('accepted_at').notNull(),
  },
  (t) => [
    index('spend_records_customer_idx').on(t.customerId, t.spentAt),
    // record_id last: the bills export walks a partner's month in keyset order from this index.
    index('spend_records_partner_idx').on(t.partnerId, t.billCycle, t.recordId),
  ],
);

/** Running spend per customer per bill cycle, kept with the records in one transaction. */
export const customerSpendTotals = pgTable(
  'customer_spend_totals',
  {
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    billCycle: text('bill_cycle').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.billCycle] })],
);

/** A streaming import of spend (NDJSON or CSV), with its progress. */
export const spendImports = pgTable(
  'spend_imports',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name'),
    /** `ndjson` | `csv`. */
    format: text('format').notNull(),
    skipBadLines: integer('skip_bad_lines').notNull().default(0),
    /** `validating` | `importing` | `completed` | `failed` | `interrupted`. */
    status: text('status').notNull(),
    totalLines: integer('total_lines').notNull().default(0),
    processedLines: integer('processed_lines').notNull().default(0),
    insertedCount: integer('inserted_count').notNull().default(0),
    duplicateCount: integer('duplicate_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** The first bad lines: [{line, reason}]. */
    errors: jsonb('errors'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    finishedAt: ts('finished_at'),
    /**
     * Renewed by the process running the import while it runs (database time); a running import
     * whose heartbeat is older than the lease belongs to a stopped process.
     */
    heartbeatAt: ts('heartbeat_at').defaultNow(),
  },
  (t) => [index('spend_imports_created_idx').on(t.createdAt)],
);

/**
 * R13: a customer's budget. `MONTHLY` resets 00:00 on the 1st (Asia/Shanghai); `PACKAGE` is one-time
 * from `periodStart`. `alerted` holds the thresholds already announced in the current period.
 */
export const budgets = pgTable('budgets', {
  customerId: text('customer_id')
    .primaryKey()
    .references(() => customers.id),
  partnerId: text('partner_id').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  /** `MONTHLY` | `PACKAGE`. */
  budgetType: text('budget_type').notNull(),
  /** 0 manual, 1 restrict purchases automatically at 100 %. */
  frozenOperateType: integer('frozen_operate_type').notNull().default(0),
  /** Also freeze the customer's resources when restricting. */
  freezeResources: integer('freeze_resources').notNull().default(0),
  /** `YYYY-MM` for monthly budgets, `package` for one-time ones. */
  periodKey: text('period_key').notNull(),
  periodStart: ts('period_start').notNull(),
  usedFen: bigint('used_fen', { mode: 'number' }).notNull().default(0),
  alerted: integer('alerted').array().notNull().default(sql`'{}'::integer[]`),
  /** Bumped whenever the amount is raised (re-arms thresholds) or the period rolls over. */
  generation: integer('generation').notNull().default(0),
  restrictedAt: ts('restricted_at'),
  updatedAt: ts('updated_at').notNull(),
});

/** R13: the API's budget records (`SETTING` / `DELETE`). */
export const budgetRecords = pgTable(
  'budget_records',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    partnerId: text('partner_id').notNull(),
    operationType: text('operation_type').notNull(),
    budgetType: text('budget_type').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    operator: text('operator').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('budget_records_customer_idx').on(t.customerId, t.at)],
);

/** R13: who is warned when a customer's usage crosses a threshold. */
export const budgetRecipients = pgTable(
  'budget_recipients',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    partnerId: text('partner_id').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    /** Language of the alerts sent to this recipient: `zh-CN` | `en-US`. */
    locale: text('locale').notNull().default('zh-CN'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('budget_recipients_customer_idx').on(t.customerId)],
);

/** One alert per threshold per budget period and generation; the unique key forbids doubles. */
export const budgetAlerts = pgTable(
  'budget_alerts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    partnerId: text('partner_id').notNull(),
    periodKey: text('period_key').notNull(),
    generation: integer('generation').notNull(),
    threshold: integer('threshold').notNull(),
    usedFen: bigint('used_fen', { mode: 'number' }).notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    recordId: text('record_id'),
    restricted: integer('restricted').notNull().default(0),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('budget_alerts_uq').on(t.customerId, t.periodKey, t.generation, t.threshold),
    index('budget_alerts_partner_idx').on(t.partnerId, t.createdAt),
  ],
);
