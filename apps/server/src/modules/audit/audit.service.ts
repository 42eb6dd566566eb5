import { Readable } from 'node:stream';
import { businessDateTime, businessDayStart, type Clock } from '../../platform/clock/clock.ts';
import type { Actor, AppContext, AuditEntry, AuditLog } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/db/cursor.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { csvCell } from '../../platform/export/table-export.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { userIdsMatchingSql, usersByIds } from '../identity/index.ts';
import { partnersByIds } from '../partners/index.ts';
import { actionLabel, entityTypeLabel } from './audit.labels.ts';
import { type AuditFilter, type AuditRow, insertAudit, listAudit } from './audit.repository.ts';
import type { AuditFilters, AuditItem, AuditPage, AuditQuery } from './audit.schemas.ts';

export function createAuditLog(clock: Clock): AuditLog {
  const rowOf = (at: Date, actor: Actor, entry: AuditEntry) => ({
    id: newId('aud', at.getTime()),
    at,
    actorType: actor.type,
    actorId: actor.id,
    partnerId: entry.partnerId ?? actor.partnerId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: actor.requestId,
  });
  return {
    async record(tx, actor, entry) {
      await insertAudit(tx, rowOf(clock.now(), actor, entry));
    },
    async recordMany(tx, actor, entries) {
      if (entries.length === 0) return;
      const at = clock.now();
      await insertAudit(
        tx,
        entries.map((e) => rowOf(at, actor, e)),
      );
    },
  };
}

const DAY_MS = 86_400_000;

/** The filters as the repository takes them: `from`/`to` are whole Asia/Shanghai days. */
function filterOf(f: AuditFilters): Omit<AuditFilter, 'limit'> {
  const { from, to, actor, ...rest } = f;
  const actorIn = actor ? userIdsMatchingSql(actor) : undefined;
  const since = from ? businessDayStart(from) : undefined;
  const until = to ? new Date(businessDayStart(to).getTime() + DAY_MS) : undefined;
  if ((since && Number.isNaN(since.getTime())) || (until && Number.isNaN(until.getTime())))
    throw new AppError('common.validation', { field: Number.isNaN(since?.getTime()) ? 'from' : 'to' });
  return { ...rest, actorIn, since, until };
}

/** Rows with their actor, partner and target names and the action in the reader's language. */
async function named(ctx: AppContext, rows: readonly AuditRow[], locale: Locale): Promise<AuditItem[]> {
  const userIds = new Set<string>();
  const partnerIds = new Set<string>();
  for (const r of rows) {
    if (r.actorId) userIds.add(r.actorId);
    if (r.partnerId) partnerIds.add(r.partnerId);
    if (r.entityType === 'user') userIds.add(r.entityId);
    if (r.entityType === 'partner') partnerIds.add(r.entityId);
  }
  const [users, partners] = await Promise.all([
    usersByIds(ctx, [...userIds]).then((us) => new Map(us.map((u) => [u.id, u]))),
    partnersByIds(ctx, [...partnerIds]),
  ]);
  return rows.map((r) => {
    const actor = r.actorId ? users.get(r.actorId) : undefined;
    const target =
      r.entityType === 'user'
        ? users.get(r.entityId)?.name
        : r.entityType === 'partner'
          ? partners.get(r.entityId)?.name
          : undefined;
    return {
      ...r,
      at: r.at.toISOString(),
      actorName: actor?.name ?? null,
      actorEmail: actor?.email ?? null,
      partnerName: r.partnerId ? (partners.get(r.partnerId)?.name ?? null) : null,
      actionLabel: actionLabel(r.action, locale),
      entityTypeLabel: entityTypeLabel(r.entityType, locale),
      entityName: target ?? null,
    };
  });
}

/** One page of the audit log, newest first, with names; `nextBefore` continues it. */
export async function readAuditLog(ctx: AppContext, q: AuditQuery, locale: Locale): Promise<AuditPage> {
  const { before: cursor, limit, ...filters } = q;
  const before = cursor ? decodeCursor(cursor, 'before') : undefined;
  const rows = await listAudit(ctx.db, { ...filterOf(filters), before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await named(ctx, page, locale),
    nextBefore: rows.length > limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}

/** Rows read per query by the export; each batch is written before the next is read. */
export const AUDIT_EXPORT_BATCH = 1_000;

const HEADER: Record<Locale, string[]> = {
  'zh-CN': [
    '时间（北京时间 UTC+8）',
    '操作人',
    '操作人邮箱',
    '操作人类型',
    '操作',
    '操作代码',
    '对象类型',
    '对象ID',
    '对象名称',
    '伙伴',
    '伙伴ID',
    '请求ID',
    '变更前',
    '变更后',
  ],
  'en-US': [
    'Time (Asia/Shanghai, UTC+8)',
    'Actor',
    'Actor email',
    'Actor type',
    'Action',
    'Action code',
    'Target type',
    'Target ID',
    'Target name',
    'Partner',
    'Partner ID',
    'Request ID',
    'Before',
    'After',
  ],
};
const ACTOR_TYPES: Record<string, [string, string]> = {
  user: ['用户', 'User'],
  operator: ['运营人员', 'Operator'],
  system: ['系统', 'System'],
  partner_api: ['合作伙伴 API', 'Partner API'],
};

function csvLine(item: AuditItem, locale: Locale): string {
  const en = locale === 'en-US' ? 1 : 0;
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  return `${[
    businessDateTime(new Date(item.at)),
    item.actorName,
    item.actorEmail,
    ACTOR_TYPES[item.actorType]?.[en] ?? item.actorType,
    item.actionLabel,
    item.action,
    item.entityTypeLabel,
    item.entityId,
    item.entityName,
    item.partnerName,
    item.partnerId,
    item.requestId,
    json(item.before),
    json(item.after),
  ]
    .map((v) => csvCell(v ?? ''))
    .join(',')}\r\n`;
}

async function* csvChunks(
  ctx: AppContext,
  filter: Omit<AuditFilter, 'limit'>,
  locale: Locale,
  batchSize: number,
): AsyncGenerator<Buffer> {
  yield Buffer.from(`\uFEFF${HEADER[locale].map(csvCell).join(',')}\r\n`);
  let before: AuditFilter['before'];
  for (;;) {
    const rows = await listAudit(ctx.db, { ...filter, before, limit: batchSize });
    if (rows.length === 0) return;
    let text = '';
    for (const item of await named(ctx, rows, locale)) text += csvLine(item, locale);
    yield Buffer.from(text);
    const last = rows.at(-1);
    if (rows.length < batchSize || !last) return;
    before = { at: last.at, id: last.id };
  }
}

/**
 * The filtered log as CSV (UTF-8 with BOM so Excel reads Chinese, CRLF), streamed: rows are read
 * by keyset in batches and each batch is written when the client has taken the previous one, so
 * memory holds one batch whatever the log's size.
 */
export function exportAuditCsv(
  ctx: AppContext,
  filters: AuditFilters,
  locale: Locale,
  batchSize = AUDIT_EXPORT_BATCH,
): { filename: string; stream: Readable } {
  const filter = filterOf(filters);
  const today = businessDateTime(ctx.clock.now()).slice(0, 10).replaceAll('-', '');
  return {
    filename: `audit-log-${today}.csv`,
    stream: Readable.from(csvChunks(ctx, filter, locale, batchSize), { objectMode: false }),
  };
}
