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

/** A batch validated (no database needed): what `storeBatch` writes. */
interface PreparedBatch {
  valid: { index: number; value: SpendInput }[];
  errors: RejectedItem[];
  /** The same record id twice in the batch: stored once, counted here. */
  duplicates: number;
}

/** Records validated between yields to the event loop when a previous batch is being stored. */
const PREPARE_SLICE = 100;

/**
 * Validates a batch. `yieldEvery`: gives the event loop a turn every that many records, so that a
 * previous batch's transaction keeps going while this one is prepared (`ingestSpendBatches`).
 */
async function prepareBatch(raw: readonly unknown[], yieldEvery = Infinity): Promise<PreparedBatch> {
  const out: PreparedBatch = { valid: [], errors: [], duplicates: 0 };
  const seen = new Set<string>();
  for (let index = 0; index < raw.length; index++) {
    if (index > 0 && index % yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
    const item = raw[index];
    const v = validateSpend(item);
    if (!v.ok) {
      const id = (item as { record_id?: unknown } | null)?.record_id;
      out.errors.push({ index, recordId: typeof id === 'string' ? id.slice(0, 64) : null, reason: v.reason });
      continue;
    }
    if (seen.has(v.value.recordId)) {
      out.duplicates++;
      continue;
    }
    seen.add(v.value.recordId);
    out.valid.push({ index, value: v.value });
  }
  return out;
}

/**
 * Ingests one batch of raw spend records (≤ 5,000 from the API, 10,000 from an import): validates
 * each, resolves the customer and the partner at the time of spend, inserts the records exactly once
 * (ON CONFLICT DO NOTHING; only new rows count), adds them to the customers' monthly totals and
 * publishes `spend.accepted` (budgets listens) — all in one transaction, so an alert is queued the
 * moment its crossing record is accepted. Bad records are listed and the rest accepted. Idempotent by
 * record id: a retried batch only counts duplicates.
 */
export async function ingestSpendBatch(
  ctx: AppContext,
  raw: readonly unknown[],
  opts: IngestOptions = {},
): Promise<IngestResult> {
  return storeBatch(ctx, await prepareBatch(raw), opts);
}

/**
 * Ingests batches in order, each as `ingestSpendBatch` does (its own transaction), validating the
 * next batch while the previous one is being stored: on PostgreSQL the validation runs while the
 * database works. At most two batches are held. Returns the results in order.
 */
export async function ingestSpendBatches(
  ctx: AppContext,
  batches: AsyncIterable<{ records: readonly unknown[]; opts?: IngestOptions }>,
): Promise<IngestResult[]> {
  const results: IngestResult[] = [];
  let storing: Promise<IngestResult> | null = null;
  try {
    for await (const batch of batches) {
      const prepared = await prepareBatch(batch.records, storing ? PREPARE_SLICE : Infinity);
      if (storing) results.push(await storing);
      storing = storeBatch(ctx, prepared, batch.opts ?? {});
      // Awaited on the next turn; until then a failure must not count as an unhandled rejection.
      storing.catch(() => undefined);
    }
    if (storing) results.push(await storing);
    storing = null;
  } finally {
    // The source failed (a file read error) while a batch was being stored: that batch ends first,
    // committed or not, so nothing is written after the caller has seen the failure.
    if (storing) await storing.catch(() => undefined);
  }
  return results;
}

async function storeBatch(ctx: AppContext, batch: PreparedBatch, opts: IngestOptions): Promise<IngestResult> {
  const { valid, errors, duplicates } = batch;
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
    { lock: true },
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
