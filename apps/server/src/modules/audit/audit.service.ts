import type { Clock } from '../../platform/clock/clock.ts';
import type { AppContext, AuditLog } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/db/cursor.ts';
import { newId } from '../../platform/ids/ids.ts';
import { insertAudit, listAudit } from './audit.repository.ts';
import type { AuditPage, AuditQuery } from './audit.schemas.ts';

export function createAuditLog(clock: Clock): AuditLog {
  return {
    async record(tx, actor, entry) {
      const at = clock.now();
      await insertAudit(tx, {
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
    },
  };
}

/** One page of the audit log, newest first; `nextBefore` continues it. */
export async function readAuditLog(ctx: AppContext, q: AuditQuery): Promise<AuditPage> {
  const before = q.before ? decodeCursor(q.before, 'before') : undefined;
  const rows = await listAudit(ctx.db, { ...q, before, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextBefore: rows.length > q.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}
