import type { SQL } from 'drizzle-orm';
import { defineEvent } from '../../platform/events/domain-events.ts';

/** One customer's share of an ingested batch (only records inserted now; duplicates excluded). */
export interface SpendApplied {
  customerId: string;
  /** New running totals of the cycles this batch touched (after the batch). */
  totals: Map<string, number>;
}

/**
 * A record inserted now, as a row of the event's `relation` (snake_case columns): `record_id`,
 * `customer_id`, `partner_id` and `association_type` (the partner and association in force when
 * spent; null: none), `spent_at`, `bill_cycle`, `service_type`, `resource_type`, `amount_fen`,
 * `payment_kind` and `eligible_fen` (the cash amount that counts toward performance and incentives).
 */
export interface AcceptedSpendRecord {
  recordId: string;
  customerId: string;
  partnerId: string | null;
  associationType: string | null;
  spentAt: Date;
  billCycle: string;
  serviceType: string;
  resourceType: string | null;
  amountFen: number;
  paymentKind: string;
  eligibleFen: number;
}

/**
 * Published in the ingesting transaction after a batch's new records are stored and totalled;
 * listeners (budgets, bills and incentives, set-based) react in the same transaction.
 * Not published when nothing new was accepted. The records themselves are not in the payload:
 * `relation` names them (a temporary table holding at least the `AcceptedSpendRecord` columns, valid
 * only inside the publishing transaction: the batch's staging table when every record was new) for
 * listeners to join or aggregate in SQL (`select customer_id from relation` names the batch's
 * customers); `acceptedTotals` (spend's index) gives chosen customers' new running totals and
 * `acceptedSince` sums their records since an instant.
 */
export const spendAccepted = defineEvent<{
  /** How many records were inserted now. */
  accepted: number;
  relation: SQL;
}>('spend.accepted');
