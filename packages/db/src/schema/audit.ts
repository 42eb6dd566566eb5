import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/** Every state change: who, what, when, before and after. Written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: ts('at').notNull(),
    /** `user`, `operator`, `api_key`, `system`. */
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    partnerId: text('partner_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_partner_idx').on(t.partnerId, t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
  ],
);
