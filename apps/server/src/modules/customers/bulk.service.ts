import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  type BulkActionRow,
  claimBulkAction,
  findBulkAction,
  matchingCustomerIds,
  saveBulkResults,
} from './customers.repository.ts';
import { type FreezeType, freezeOwnCustomerIn } from './customers.service.ts';
import { type PortalCustomerFilter, repositoryFilter } from './customers.views.ts';

/** The most customers one bulk action handles (selected rows or "all matching the filter"). */
export const BULK_MAX = 200;

export interface BulkInput {
  /** Chosen by the client once per submission: the same key answers with the same batch. */
  requestKey: string;
  action: 'freeze' | 'unfreeze';
  reason: string;
  freezeType?: FreezeType;
  /** The selected customers, or … */
  customerIds?: string[];
  /** … every customer matching the list's filter (at most BULK_MAX). */
  filter?: Omit<PortalCustomerFilter, 'offset' | 'limit' | 'sort' | 'order'>;
}

export interface BulkResult {
  id: string;
  requestKey: string;
  action: 'freeze' | 'unfreeze';
  total: number;
  succeeded: string[];
  /** One entry per refused customer, as the partner API's batch `error_details`. */
  errorDetails: { id: string; errorCode: string; errorMsg: string }[];
  /** True when the key had been used: these are the first submission's results. */
  replayed: boolean;
}

interface StoredResults {
  succeeded: string[];
  errors: { id: string; code: string; details?: Record<string, unknown> }[];
}

function answer(
  row: BulkActionRow,
  stored: StoredResults,
  locale: Locale,
  ctx: AppContext,
  replayed: boolean,
) {
  return {
    id: row.id,
    requestKey: row.requestKey,
    action: row.action as BulkResult['action'],
    total: row.customerCount,
    succeeded: stored.succeeded,
    // The message is rendered for the reader, so a replay in the other language reads in it.
    errorDetails: stored.errors.map((e) => ({
      id: e.id,
      errorCode: e.code,
      errorMsg: ctx.errors.message(new AppError(e.code as never, e.details as never), locale),
    })),
    replayed,
  } satisfies BulkResult;
}

/**
 * Issue 14: freezes or unfreezes many of the partner's own customers. Each customer goes through the
 * single freeze (lock, checks, audit, `customer.frozen`/`customer.unfrozen` event) in a savepoint of
 * one transaction, so one refusal never undoes the others; refusals are listed per customer. A
 * customer that is not the partner's own — another partner's, a reseller's, or none — is refused as
 * not found, revealing nothing. The request key makes it idempotent: a repeated submission (a double
 * click) waits for the first and answers with its results, acting once.
 */
export async function bulkFreeze(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  input: BulkInput,
  locale: Locale,
): Promise<BulkResult> {
  const done = await findBulkAction(ctx.db, actor.partnerId, input.requestKey);
  if (done) return replay(ctx, done, input, locale);
  const ids = await targetIds(ctx, actor.partnerId, input);
  const outcome = await ctx.db.transaction(async (tx) => {
    const row = await claimBulkAction(tx, {
      id: newId('cba'),
      partnerId: actor.partnerId,
      requestKey: input.requestKey,
      action: input.action,
      freezeType: input.action === 'freeze' ? (input.freezeType ?? 'ACCOUNT') : null,
      reason: input.reason,
      customerCount: ids.length,
      createdBy: actor.id,
      createdAt: ctx.clock.now(),
    });
    if (!row) return null;
    const stored: StoredResults = { succeeded: [], errors: [] };
    for (const id of ids) {
      try {
        await tx.transaction((sp) =>
          freezeOwnCustomerIn(ctx, sp, actor, id, {
            frozen: input.action === 'freeze',
            reason: input.reason,
            freezeType: input.action === 'freeze' ? (input.freezeType ?? 'ACCOUNT') : undefined,
          }),
        );
        stored.succeeded.push(id);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        stored.errors.push({ id, code: e.code, details: e.details });
      }
    }
    await saveBulkResults(tx, row.id, stored);
    return { row, stored };
  });
  if (!outcome) {
    // Another submission with this key committed first (a concurrent double click).
    const first = await findBulkAction(ctx.db, actor.partnerId, input.requestKey);
    if (!first) throw new AppError('common.conflict');
    return replay(ctx, first, input, locale);
  }
  return answer(outcome.row, outcome.stored, locale, ctx, false);
}

function replay(ctx: AppContext, row: BulkActionRow, input: BulkInput, locale: Locale): BulkResult {
  if (row.action !== input.action) throw new AppError('customers.bulk_key_reused');
  const stored = (row.results as StoredResults | null) ?? { succeeded: [], errors: [] };
  return answer(row, stored, locale, ctx, true);
}

async function targetIds(ctx: AppContext, partnerId: string, input: BulkInput): Promise<string[]> {
  if (input.customerIds) return [...new Set(input.customerIds)];
  const { filter } = await repositoryFilter(ctx, partnerId, {
    ...input.filter,
    offset: 0,
    limit: BULK_MAX + 1,
  });
  const ids = await matchingCustomerIds(ctx.db, filter);
  if (ids.length > BULK_MAX) throw new AppError('customers.bulk_too_many', { max: BULK_MAX });
  return ids;
}
