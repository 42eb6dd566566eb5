import type { AuditLog } from '../../context.ts';
import type { Clock } from '../../lib/clock.ts';
import { newId } from '../../lib/ids.ts';
import { insertAudit } from './audit.repository.ts';

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
