import { defineEvent } from '../../platform/events/domain-events.ts';

/** One customer's share of an ingested batch (only records inserted now; duplicates excluded). */
export interface SpendApplied {
  customerId: string;
  /** New running totals of the cycles this batch touched (after the batch). */
  totals: Map<string, number>;
  /** The records newly inserted for the customer (with what bills sums them by). */
  records: {
    recordId: string;
    spentAt: Date;
    amountFen: number;
    /** The partner and association in force when spent (null: none). */
    partnerId: string | null;
    associationType: string | null;
    billCycle: string;
    serviceType: string;
    resourceType: string | null;
    paymentKind: string;
  }[];
}

/** A record inserted now, with the partner that held the customer when it was spent. */
export interface AcceptedSpendRecord {
  recordId: string;
  customerId: string;
  partnerId: string | null;
  associationType: string | null;
  spentAt: Date;
  billCycle: string;
  serviceType: string;
  amountFen: number;
  paymentKind: string;
  /** Cash amount that counts toward performance and incentives. */
  eligibleFen: number;
}

/**
 * Published in the ingesting transaction after a batch's new records are stored and totalled;
 * listeners (budgets per customer, bills per customer, incentives per record) react in the same
 * transaction. Not published when nothing new was accepted.
 */
export const spendAccepted = defineEvent<{ customers: SpendApplied[]; records: AcceptedSpendRecord[] }>(
  'spend.accepted',
);
