import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { CSV_COLUMNS, linesOf, parseCsvLine } from './spend.lines.ts';
import {
  addImportProgress,
  findCustomersForSpend,
  findImport,
  insertImport,
  listImports,
  markRunningInterrupted,
  type SpendImportRow,
  touchImport,
  updateImport,
} from './spend.repository.ts';
import { type IngestResult, ingestSpendBatches } from './spend.service.ts';
import { validateSpend } from './spend.validate.ts';

/**
 * Records per ingestion transaction. Per-batch work (monthly totals, bill summaries, budgets,
 * performance) is one row per customer or partner touched, so larger batches spread it over more
 * records (figures in bench/README.md: 20,000 against 10,000 gave 11–13 % more rows/s on PostgreSQL);
 * a batch of 20,000 still commits in under a second.
 */
export const IMPORT_BATCH = 20_000;
/**
 * The process running an import renews its heartbeat this often; an import not renewed for the
 * lease belongs to a process that stopped (several processes share PostgreSQL, so a process that
 * starts must not take another's running import for dead).
 */
export const IMPORT_HEARTBEAT_MS = 10_000;
export const IMPORT_LEASE_MS = 60_000;

/** Renews the import's heartbeat until the returned function is called. */
function heartbeat(ctx: AppContext, id: string): () => void {
  const timer = setInterval(() => {
    touchImport(ctx.db, id).catch((err: unknown) =>
      ctx.log.warn({ err, importId: id }, 'import heartbeat failed'),
    );
  }, IMPORT_HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}
/** Bad lines listed on the import (all are counted). */
const LISTED_ERRORS = 100;

export type ImportFormat = 'ndjson' | 'csv';
interface LineError {
  line: number;
  reason: string;
}

/** One data line of the file → a raw record (still to validate), or a reason. */
function recordOfLine(
  format: ImportFormat,
  text: string,
  header: string[] | null,
): unknown | { bad: string } {
  if (format === 'ndjson') {
    try {
      return JSON.parse(text);
    } catch {
      return { bad: 'not valid JSON' };
    }
  }
  const fields = parseCsvLine(text);
  if (!fields) return { bad: 'malformed CSV (quotes)' };
  if (!header || fields.length !== header.length)
    return { bad: `expected ${header?.length ?? CSV_COLUMNS.length} fields, found ${fields.length}` };
  const rec: Record<string, string> = {};
  header.forEach((h, i) => {
    rec[h] = fields[i] ?? '';
  });
  return rec;
}

const isBad = (v: unknown): v is { bad: string } =>
  typeof v === 'object' && v !== null && 'bad' in v && Object.keys(v).length === 1;

/**
 * Streaming import (console). Pass 1 reads the upload once, validating every line and writing the
 * good ones to a temp file (nothing is held in memory but the distinct customer ids); unknown
 * customers are then looked up in bulk. A file with bad lines fails with line numbers and reasons
 * and imports nothing — unless `skipBadLines`. Pass 2 (in the background, `runImport`) feeds the
 * temp file through `ingestSpendBatch` in batches of `IMPORT_BATCH` (20,000), progress committed with each batch.
 */
export async function receiveImport(
  ctx: AppContext,
  actor: Actor,
  input: {
    stream: AsyncIterable<Buffer | string>;
    format: ImportFormat;
    fileName: string | null;
    skipBadLines: boolean;
  },
): Promise<SpendImportRow> {
  const now = ctx.clock.now();
  const id = newId('spi', now.getTime());
  await insertImport(ctx.db, {
    id,
    fileName: input.fileName,
    format: input.format,
    skipBadLines: input.skipBadLines ? 1 : 0,
    status: 'validating',
    createdBy: actor.id,
    createdAt: now,
  });
  const stopBeating = heartbeat(ctx, id);
  const tmp = join(tmpdir(), `pc-${id}.ndjson`);
  const out = createWriteStream(tmp);
  const errors: LineError[] = [];
  let errorCount = 0;
  let total = 0;
  // Distinct customers of the good lines: first lines (for the error list) and how many lines.
  const customers = new Map<string, { lines: number[]; count: number }>();
  const fail = (line: number, reason: string) => {
    errorCount++;
    if (errors.length < LISTED_ERRORS) errors.push({ line, reason });
  };
  try {
    let header: string[] | null = null;
    for await (const line of linesOf(input.stream)) {
      if ('tooLong' in line) {
        total++;
        fail(line.n, 'line too long');
        continue;
      }
      if (line.text.trim() === '') continue;
      if (input.format === 'csv' && !header) {
        const h = parseCsvLine(line.text.replace(/^\uFEFF/, ''))?.map((x) => x.toLowerCase());
        const missing = CSV_COLUMNS.filter((c) => !h?.includes(c));
        if (!h || missing.length) {
          fail(line.n, `header must name the columns ${CSV_COLUMNS.join(',')}; missing ${missing.join(',')}`);
          break;
        }
        header = h;
        continue;
      }
      total++;
      const raw = recordOfLine(input.format, line.text, header);
      if (isBad(raw)) {
        fail(line.n, raw.bad);
        continue;
      }
      const v = validateSpend(raw);
      if (!v.ok) {
        fail(line.n, v.reason);
        continue;
      }
      const seen = customers.get(v.value.customerDomainId);
      if (!seen) customers.set(v.value.customerDomainId, { lines: [line.n], count: 1 });
      else {
        seen.count++;
        if (seen.lines.length < 5) seen.lines.push(line.n);
      }
      if (total % 50_000 === 0) await updateImport(ctx.db, id, { totalLines: total });
      await write(out, `${JSON.stringify({ n: line.n, r: raw })}\n`);
    }
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    // Unknown customers, by one lookup per 5,000 distinct ids. With "skip bad lines" their lines
    // are refused (and counted) by the ingestion itself in pass 2.
    const ids = input.skipBadLines ? [] : [...customers.keys()];
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      const known = new Set((await findCustomersForSpend(ctx.db, chunk)).map((c) => c.domainId));
      for (const d of chunk) {
        if (known.has(d)) continue;
        const c = customers.get(d);
        for (const n of c?.lines ?? []) fail(n, `customer_id: unknown customer ${d}`);
        errorCount += (c?.count ?? 0) - (c?.lines.length ?? 0);
      }
    }
  } catch (err) {
    stopBeating();
    out.destroy();
    await rm(tmp, { force: true });
    await updateImport(ctx.db, id, {
      status: 'failed',
      finishedAt: ctx.clock.now(),
      errors: [{ line: 0, reason: 'upload interrupted' }],
    });
    throw err;
  }
  stopBeating();
  errors.sort((a, b) => a.line - b.line);
  const bad = errorCount > 0 && !input.skipBadLines;
  const row = await updateImport(ctx.db, id, {
    status: bad ? 'failed' : 'importing',
    totalLines: total,
    errorCount,
    errors,
    ...(bad ? { finishedAt: ctx.clock.now() } : {}),
  });
  await ctx.audit.record(ctx.db, actor, {
    action: bad ? 'spend.import_rejected' : 'spend.import_started',
    entityType: 'spend_import',
    entityId: id,
    after: { fileName: input.fileName, totalLines: total, errorCount, skipBadLines: input.skipBadLines },
  });
  if (bad) {
    await rm(tmp, { force: true });
  } else {
    void runImport(ctx, actor, id, tmp);
  }
  if (!row) throw new AppError('common.not_found');
  return row;
}

function write(out: WriteStream, text: string): Promise<void> {
  return out.write(text) ? Promise.resolve() : new Promise((resolve) => out.once('drain', () => resolve()));
}

/**
 * Pass 2: the validated lines through the ingestion service, a batch (and its progress) per
 * transaction; the next batch is read and validated while the previous one is stored.
 */
export async function runImport(ctx: AppContext, actor: Actor, id: string, tmp: string): Promise<void> {
  const stopBeating = heartbeat(ctx, id);
  const batchOf = (records: unknown[], lines: number[]) => ({
    records,
    opts: {
      importId: id,
      inTx: async (tx: DbOrTx, r: IngestResult) => {
        // Lines the service still refuses (a customer removed meanwhile) count as errors.
        if (r.rejected > 0) {
          const current = await findImport(tx, id);
          const listed = (current?.errors as LineError[] | null) ?? [];
          const more = r.errors.map((e) => ({ line: lines[e.index] ?? 0, reason: e.reason }));
          await updateImport(tx, id, {
            errorCount: (current?.errorCount ?? 0) + r.rejected,
            errors: [...listed, ...more].slice(0, LISTED_ERRORS),
          });
        }
        await addImportProgress(tx, id, {
          processed: records.length,
          inserted: r.accepted,
          duplicates: r.duplicates,
        });
      },
    },
  });
  async function* batches() {
    let records: unknown[] = [];
    let lines: number[] = [];
    for await (const line of linesOf(createReadStream(tmp))) {
      if ('tooLong' in line || line.text === '') continue;
      const { n, r } = JSON.parse(line.text) as { n: number; r: unknown };
      records.push(r);
      lines.push(n);
      if (records.length >= IMPORT_BATCH) {
        yield batchOf(records, lines);
        records = [];
        lines = [];
      }
    }
    if (records.length) yield batchOf(records, lines);
  }
  try {
    await ingestSpendBatches(ctx, batches());
    await updateImport(ctx.db, id, { status: 'completed', finishedAt: ctx.clock.now() });
    await ctx.audit.record(ctx.db, actor, {
      action: 'spend.import_completed',
      entityType: 'spend_import',
      entityId: id,
    });
  } catch (err) {
    ctx.log.error({ err, importId: id }, 'spend import failed');
    await updateImport(ctx.db, id, { status: 'failed', finishedAt: ctx.clock.now() }).catch(() => undefined);
  } finally {
    stopBeating();
    await rm(tmp, { force: true });
  }
}

export function getImport(ctx: AppContext, id: string): Promise<SpendImportRow | undefined> {
  return findImport(ctx.db, id);
}

export function recentImports(ctx: AppContext, limit = 20): Promise<SpendImportRow[]> {
  return listImports(ctx.db, limit);
}

/**
 * Imports a stopped process left half done are `interrupted` (upload the file again). On PGlite the
 * server is the only process, so at its start every running import is such a leftover; on
 * PostgreSQL only those whose heartbeat is older than the lease (another node may be running one).
 */
export function interruptStaleImports(ctx: AppContext, opts: { atStart: boolean }): Promise<number> {
  const only = opts.atStart && ctx.database.kind === 'pglite';
  return markRunningInterrupted(ctx.db, ctx.clock.now(), only ? null : IMPORT_LEASE_MS);
}
