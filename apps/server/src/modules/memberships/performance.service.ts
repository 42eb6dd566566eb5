import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { yuanToFen } from '../../platform/money/money.ts';
import { findPartnerByDomainId, getPartner } from '../partners/index.ts';
import {
  addPerformanceMany,
  findPerformance,
  listLinksOfResellers,
  type PerformanceRow,
  upsertPerformance,
} from './memberships.repository.ts';
import { businessYear } from './memberships.rules.ts';

export interface PerformanceInput {
  partnerId: string;
  year: number;
  amountFen: number;
  /** `set` replaces the year's amount (operator entry, import); `add` adds to it (the spend pipeline). */
  mode: 'set' | 'add';
  source: 'operator' | 'import' | 'spend' | 'demo';
}

/**
 * R5: the one way performance changes, in the caller's transaction, audited. The customers' spend
 * pipeline will call it with `mode: 'add'` per eligible spend.
 */
export async function recordPerformance(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: PerformanceInput,
): Promise<PerformanceRow> {
  const current = businessYear(ctx.clock.now());
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > current) {
    throw new AppError('memberships.invalid_year', { year: input.year });
  }
  if (!Number.isSafeInteger(input.amountFen))
    throw new AppError('common.validation', { field: 'amountFen', reason: '' });
  const before = await findPerformance(tx, input.partnerId, input.year);
  const row = await upsertPerformance(
    tx,
    {
      partnerId: input.partnerId,
      year: input.year,
      amountFen: input.amountFen,
      source: input.source,
      at: ctx.clock.now(),
    },
    input.mode,
  );
  await ctx.audit.record(tx, actor, {
    action: 'performance.recorded',
    entityType: 'annual_performance',
    entityId: `${input.partnerId}:${input.year}`,
    partnerId: input.partnerId,
    before: before ? { amountFen: before.amountFen } : null,
    after: { amountFen: row.amountFen, mode: input.mode, source: input.source },
  });
  return row;
}

/** An operator sets a partner's amount for a year. */
export async function setPerformance(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  year: number,
  amountFen: number,
): Promise<PerformanceRow> {
  if (!(await getPartner(ctx, partnerId))) throw new AppError('common.not_found');
  return ctx.db.transaction((tx) =>
    recordPerformance(ctx, tx, actor, { partnerId, year, amountFen, mode: 'set', source: 'operator' }),
  );
}

interface ImportLine {
  line: number;
  partnerId: string;
  year: number;
  amountFen: number;
}

async function parseImport(ctx: AppContext, csv: string): Promise<ImportLine[]> {
  const out: ImportLine[] = [];
  const lines = csv.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.trim() ?? '';
    if (!text) continue;
    const cells = text.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
    // A header row is allowed as the first line.
    if (out.length === 0 && i === 0 && /^(partner|伙伴)/i.test(cells[0] ?? '')) continue;
    const fail = (reason: string) => new AppError('memberships.import_invalid', { line: i + 1, reason });
    if (cells.length !== 3) throw fail('partner,year,amount');
    const [who = '', y = '', amount = ''] = cells;
    const partner = (await getPartner(ctx, who)) ?? (await findPartnerByDomainId(ctx.db, who));
    if (!partner) throw fail(`partner ${who}?`);
    const year = Number(y);
    if (!/^\d{4}$/.test(y)) throw fail(`year ${y}?`);
    let amountFen: number;
    try {
      amountFen = yuanToFen(amount);
    } catch {
      throw fail(`amount ${amount}?`);
    }
    if (amountFen < 0) throw fail(`amount ${amount}?`);
    out.push({ line: i + 1, partnerId: partner.id, year, amountFen });
  }
  return out;
}

/** CSV `partner,year,amount` (partner id or domain id; amount in yuan); all lines or none. */
export async function importPerformance(
  ctx: AppContext,
  actor: Actor,
  csv: string,
): Promise<{ imported: number }> {
  const rows = await parseImport(ctx, csv);
  if (rows.length === 0) throw new AppError('memberships.import_invalid', { line: 1, reason: 'empty' });
  await ctx.db.transaction(async (tx) => {
    for (const r of rows) {
      try {
        await recordPerformance(ctx, tx, actor, { ...r, mode: 'set', source: 'import' });
      } catch (e) {
        if (e instanceof AppError && e.code === 'memberships.invalid_year') {
          throw new AppError('memberships.import_invalid', { line: r.line, reason: `year ${r.year}?` });
        }
        throw e;
      }
    }
  });
  return { imported: rows.length };
}

/**
 * The distributor a reseller was linked to at an instant (for performance and incentives that
 * count a distributor's resellers), for many resellers at once: a function of (reseller, time).
 */
export async function distributorsAt(
  tx: DbOrTx,
  resellerIds: readonly string[],
): Promise<(resellerId: string, at: Date) => string | null> {
  const links = await listLinksOfResellers(tx, resellerIds);
  return (resellerId, at) => {
    for (const l of links) {
      if (l.resellerId !== resellerId || l.startedAt > at) continue;
      if (l.endedAt && l.endedAt <= at) continue;
      return l.distributorId;
    }
    return null;
  };
}

/**
 * `distributorsAt` for aggregated spend: `at` as there, and `steady(reseller, from, to)` — true when
 * no link of the reseller starts or ends within (from, to], so `at` gives one answer for that span.
 */
export async function distributorsDuring(
  tx: DbOrTx,
  resellerIds: readonly string[],
): Promise<{
  at: (resellerId: string, at: Date) => string | null;
  steady: (resellerId: string, from: Date, to: Date) => boolean;
}> {
  const links = await listLinksOfResellers(tx, resellerIds);
  const within = (t: Date | null, from: Date, to: Date) => t !== null && t > from && t <= to;
  return {
    at: (resellerId, at) => {
      for (const l of links) {
        if (l.resellerId !== resellerId || l.startedAt > at) continue;
        if (l.endedAt && l.endedAt <= at) continue;
        return l.distributorId;
      }
      return null;
    },
    steady: (resellerId, from, to) =>
      !links.some(
        (l) => l.resellerId === resellerId && (within(l.startedAt, from, to) || within(l.endedAt, from, to)),
      ),
  };
}

/**
 * R5: adds spend to annual performance in the spend batch's transaction (one statement; the
 * batch itself is audited by the spend module, so no audit row per partner).
 */
export async function addSpendPerformance(
  ctx: AppContext,
  tx: DbOrTx,
  rows: readonly { partnerId: string; year: number; amountFen: number }[],
): Promise<void> {
  await addPerformanceMany(tx, rows, 'spend', ctx.clock.now());
}

/** A partner's annual performance of a year in fen (null when none is recorded). */
export async function annualPerformanceOf(
  ctx: AppContext,
  partnerId: string,
  year: number,
): Promise<number | null> {
  return (await findPerformance(ctx.db, partnerId, year))?.amountFen ?? null;
}
