import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { spendAccepted } from './spend.events.ts';
import {
  addAcceptedToTotals,
  type CustomerAtSpend,
  findCustomersForSpend,
  insertSpendRows,
  type SpendRow,
} from './spend.repository.ts';
import { type SpendInput, validateSpend } from './spend.validate.ts';

export const MAX_BATCH = 5000;

export interface RejectedItem {
  /** 0-based position in the batch (the import reports line numbers instead). */
  index: number;
  recordId: string | null;
  reason: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: RejectedItem[];
}

export interface IngestOptions {
  /** The import the batch belongs to (stored on each record). */
  importId?: string | null;
  /** Who sent it; audited once per batch. Omit for the benchmark / internal callers (system). */
  actor?: Actor;
  /** Runs in the batch's transaction after the records (the import's progress commits with them). */
  inTx?: (tx: DbOrTx, result: IngestResult) => Promise<void>;
}

/** The association in force when the record was spent: started at or before, not ended by then. */
function associationAt(c: CustomerAtSpend, at: Date): { partnerId: string; type: string } | null {
  let best: CustomerAtSpend['associations'][number] | null = null;
  for (const a of c.associations) {
    if (a.startedAt > at) continue;
    if (a.endedAt && a.endedAt <= at) continue;
    if (!best || a.startedAt > best.startedAt) best = a;
  }
  return best ? { partnerId: best.partnerId, type: best.type } : null;
}

/**
 * Ingests one batch of raw spend records (≤ 5,000): validates each, resolves the customer and the
 * partner at the time of spend, inserts the records exactly once (ON CONFLICT DO NOTHING; only new
 * rows count), adds them to the customers' monthly totals and publishes `spend.accepted` (budgets listens) — all in one
 * transaction, so an alert is queued the moment its crossing record is accepted. Bad records are
 * listed and the rest accepted. Idempotent by record id: a retried batch only counts duplicates.
 */
export async function ingestSpendBatch(
  ctx: AppContext,
  raw: readonly unknown[],
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const errors: RejectedItem[] = [];
  const valid: { index: number; value: SpendInput }[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  raw.forEach((item, index) => {
    const v = validateSpend(item);
    if (!v.ok) {
      const id = (item as { record_id?: unknown } | null)?.record_id;
      errors.push({ index, recordId: typeof id === 'string' ? id.slice(0, 64) : null, reason: v.reason });
      return;
    }
    if (seen.has(v.value.recordId)) {
      duplicates++; // the same record twice in one batch: stored once
      return;
    }
    seen.add(v.value.recordId);
    valid.push({ index, value: v.value });
  });
  if (valid.length === 0 && !opts.inTx) return { accepted: 0, duplicates, rejected: errors.length, errors };

  return ctx.db.transaction(async (tx) => {
    const result = await ingestValid(ctx, tx, valid, errors, opts);
    result.duplicates += duplicates;
    if (opts.inTx) await opts.inTx(tx, result);
    if (opts.actor) {
      await ctx.audit.record(tx, opts.actor, {
        action: 'spend.ingested',
        entityType: 'spend_batch',
        entityId: opts.importId ?? 'bulk',
        after: { accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected },
      });
    }
    return result;
  });
}

async function ingestValid(
  ctx: AppContext,
  tx: DbOrTx,
  valid: { index: number; value: SpendInput }[],
  errors: RejectedItem[],
  opts: IngestOptions,
): Promise<IngestResult> {
  const customers = await findCustomersForSpend(
    tx,
    [...new Set(valid.map((v) => v.value.customerDomainId))],
    {
      lock: true,
    },
  );
  const byDomain = new Map(customers.map((c) => [c.domainId, c]));
  const rows: SpendRow[] = [];
  for (const { index, value } of valid) {
    const c = byDomain.get(value.customerDomainId);
    if (!c) {
      errors.push({ index, recordId: value.recordId, reason: 'customer_id: unknown customer' });
      continue;
    }
    const assoc = associationAt(c, value.spentAt);
    rows.push({
      recordId: value.recordId,
      customerId: c.id,
      partnerId: assoc?.partnerId ?? null,
      associationType: assoc?.type ?? null,
      spentAt: value.spentAt,
      billCycle: value.billCycle,
      serviceType: value.serviceType,
      amountFen: value.amountFen,
      paymentKind: value.paymentKind,
      eligibleFen: value.paymentKind === 'cash' ? value.amountFen : 0,
      resource: value.resource,
    });
  }
  errors.sort((a, b) => a.index - b.index);
  const { accepted, relation } = await insertSpendRows(tx, rows, opts.importId ?? null, ctx.clock.now());
  if (accepted > 0) {
    await addAcceptedToTotals(tx, relation);
    await ctx.events.publish(tx, spendAccepted, { accepted, relation });
  }
  return {
    accepted,
    duplicates: rows.length - accepted,
    rejected: errors.length,
    errors,
  };
}
