import { defineEvent } from '../../platform/events/domain-events.ts';

/** One customer's share of an ingested batch (only records inserted now; duplicates excluded). */
export interface SpendApplied {
  customerId: string;
  /** New running totals of the cycles this batch touched (after the batch). */
  totals: Map<string, number>;
  /** The records newly inserted for the customer. */
  records: { recordId: string; spentAt: Date; amountFen: number }[];
}

/**
 * Published in the ingesting transaction after a batch's new records are stored and totalled;
 * listeners (budgets) react in the same transaction. Not published when nothing new was accepted.
 */
export const spendAccepted = defineEvent<{ customers: SpendApplied[] }>('spend.accepted');
