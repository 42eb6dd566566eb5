import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/**
 * R5: performance from spend per partner and calendar year (Asia/Shanghai): the eligible cash of
 * its own customers and, for a distributor, of the resellers linked to it when the spend happened.
 * Kept with the spend records in their transaction; the membership's annual performance is fed the
 * same amounts.
 */
export const spendPerformance = pgTable(
  'spend_performance',
  {
    partnerId: text('partner_id').notNull(),
    year: integer('year').notNull(),
    ownFen: bigint('own_fen', { mode: 'number' }).notNull().default(0),
    resellersFen: bigint('resellers_fen', { mode: 'number' }).notNull().default(0),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.year] })],
);

/** An incentive policy: which program it serves; its rules live in versions. */
export const incentivePolicies = pgTable(
  'incentive_policies',
  {
    id: text('id').primaryKey(),
    /** Short stable code shown to partners and in errors, e.g. `SP-RESALE-2026`. */
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    program: text('program').notNull(),
    /** `monthly` | `quarterly` reconciliation period. */
    periodKind: text('period_kind').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('incentive_policies_program_idx').on(t.program)],
);

/**
 * One version of a policy's rules, valid from the start of a period to the start of the next
 * version (or `validTo`). Versions are only added; a new one may not start inside a closed period.
 */
export const incentivePolicyVersions = pgTable(
  'incentive_policy_versions',
  {
    id: text('id').primaryKey(),
    policyId: text('policy_id').notNull(),
    version: integer('version').notNull(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to'),
    /** {serviceTypes|null, paymentKinds, associationTypes, rates:[{category, basisPoints}], tiers:[{minFen, bonusBasisPoints}]}. */
    rules: jsonb('rules').notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('incentive_policy_versions_uq').on(t.policyId, t.version),
    index('incentive_policy_versions_valid_idx').on(t.validFrom),
  ],
);

/** A reconciliation period (`2026-03` or `2026-Q1`): open → settling → closed. */
export const incentivePeriods = pgTable('incentive_periods', {
  key: text('key').primaryKey(),
  kind: text('kind').notNull(),
  startAt: ts('start_at').notNull(),
  endAt: ts('end_at').notNull(),
  status: text('status').notNull(),
  closedAt: ts('closed_at'),
  runId: text('run_id'),
});

/** A settlement run of one period, with its progress. */
export const incentiveRuns = pgTable(
  'incentive_runs',
  {
    id: text('id').primaryKey(),
    periodKey: text('period_key').notNull(),
    /** `schedule` | `operator`. */
    trigger: text('trigger').notNull(),
    /** `running` | `completed` | `cancelled` | `failed`. */
    status: text('status').notNull(),
    /** A rerun of a closed period: compared with what was published, never republished. */
    verification: boolean('verification').notNull().default(false),
    /** Verification runs: whether the amounts equal the published ones. */
    matches: boolean('matches'),
    partnersTotal: integer('partners_total').notNull().default(0),
    partnersDone: integer('partners_done').notNull().default(0),
    linesCount: integer('lines_count').notNull().default(0),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull().default(0),
    excludedCount: integer('excluded_count').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    error: text('error'),
    startedBy: text('started_by'),
    startedAt: ts('started_at').notNull(),
    heartbeatAt: ts('heartbeat_at').notNull(),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    uniqueIndex('incentive_runs_one_running_uq').on(t.periodKey).where(sql`status = 'running'`),
    index('incentive_runs_started_idx').on(t.startedAt),
  ],
);

/**
 * One incentive line: a partner's amount under one policy version for one service type in a
 * period, from the spend records that match it (`late` lines are records of an earlier, already
 * closed period, settled here as adjustments). Rounded half-up per line.
 */
export const incentiveLines = pgTable(
  'incentive_lines',
  {
    id: text('id').primaryKey(),
    runId: text('run_id').notNull(),
    periodKey: text('period_key').notNull(),
    partnerId: text('partner_id').notNull(),
    policyId: text('policy_id').notNull(),
    policyVersionId: text('policy_version_id').notNull(),
    serviceType: text('service_type').notNull(),
    /** The period the records belong to (differs from `periodKey` for late records). */
    originPeriodKey: text('origin_period_key').notNull(),
    late: boolean('late').notNull().default(false),
    recordCount: integer('record_count').notNull(),
    baseFen: bigint('base_fen', { mode: 'number' }).notNull(),
    basisPoints: integer('basis_points').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('incentive_lines_run_partner_idx').on(t.runId, t.partnerId),
    index('incentive_lines_partner_period_idx').on(t.partnerId, t.periodKey),
  ],
);

/** A partner excluded from a period's incentives (R7 certificate, suspension), with the reason. */
export const incentiveExclusions = pgTable(
  'incentive_exclusions',
  {
    runId: text('run_id').notNull(),
    periodKey: text('period_key').notNull(),
    partnerId: text('partner_id').notNull(),
    /** `certificate_invalid` | `suspended` | `no_membership`. */
    reason: text('reason').notNull(),
    /** What it would have earned. */
    forgoneFen: bigint('forgone_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.partnerId] }),
    index('incentive_exclusions_partner_idx').on(t.partnerId),
  ],
);

/**
 * Scratch of a running settlement: its period's spend aggregate (one row per partner × service type ×
 * association type × payment kind × origin period, own and late), written server-side in one
 * statement and read back per chunk of partners in partner order (byte order, as the lines are
 * sorted). Deleted with the run's staged rows (cancel, restart, failure) and when it completes.
 */
export const incentiveRunGroups = pgTable(
  'incentive_run_groups',
  {
    runId: text('run_id').notNull(),
    partnerId: text('partner_id').notNull(),
    serviceType: text('service_type').notNull(),
    /** `''` for spend without an association type. */
    associationType: text('association_type').notNull(),
    paymentKind: text('payment_kind').notNull(),
    originPeriodKey: text('origin_period_key').notNull(),
    late: boolean('late').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    recordCount: integer('record_count').notNull(),
  },
  (t) => [index('incentive_run_groups_run_partner_idx').on(t.runId, sql`${t.partnerId} collate "C"`)],
);

/** Spend accepted after its period closed: settled in the next open period as an adjustment. */
export const incentiveLateSpend = pgTable(
  'incentive_late_spend',
  {
    recordId: text('record_id').notNull(),
    periodKind: text('period_kind').notNull(),
    originPeriodKey: text('origin_period_key').notNull(),
    targetPeriodKey: text('target_period_key').notNull(),
    acceptedAt: ts('accepted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordId, t.periodKind] }),
    index('incentive_late_spend_target_idx').on(t.targetPeriodKey),
    index('incentive_late_spend_origin_idx').on(t.originPeriodKey),
  ],
);

/**
 * R14: one incentive notice per partner and period, with the pre-tax amount. State: `issued` →
 * `confirmed` | `disputed`; a disputed notice returns to `issued` when an operator adjusts it.
 */
export const incentiveNotices = pgTable(
  'incentive_notices',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull(),
    periodKey: text('period_key').notNull(),
    periodStart: ts('period_start').notNull(),
    periodEnd: ts('period_end').notNull(),
    runId: text('run_id').notNull(),
    /** Settled lines (late records included). */
    preTaxFen: bigint('pre_tax_fen', { mode: 'number' }).notNull(),
    /** Sum of operator adjustments. */
    adjustmentFen: bigint('adjustment_fen', { mode: 'number' }).notNull().default(0),
    status: text('status').notNull(),
    disputeReason: text('dispute_reason'),
    ticketId: text('ticket_id'),
    confirmedBy: text('confirmed_by'),
    confirmedAt: ts('confirmed_at'),
    paymentApplicationId: text('payment_application_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('incentive_notices_partner_period_uq').on(t.partnerId, t.periodKey),
    index('incentive_notices_status_idx').on(t.status, t.createdAt),
    /** A run's notices in partner order: sending them chunk by chunk after publication. */
    index('incentive_notices_run_partner_idx').on(t.runId, t.partnerId),
  ],
);

/** An operator's correction of a notice: added, never edited. */
export const incentiveAdjustments = pgTable(
  'incentive_adjustments',
  {
    id: text('id').primaryKey(),
    noticeId: text('notice_id').notNull(),
    partnerId: text('partner_id').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('incentive_adjustments_notice_idx').on(t.noticeId)],
);
