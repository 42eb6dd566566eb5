import { sql } from 'drizzle-orm';
import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/** A partner company. Programs, certification and hierarchy hang off it in their own modules. */
export const partners = pgTable(
  'partners',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The partner's account id on the provider side (the CBC `X-Domain-Id`). */
    domainId: text('domain_id').notNull().unique(),
    /** Site of registration (R1): `cn` (this site) or `intl`. */
    site: text('site').notNull().default('cn'),
    /** `active` | `suspended` (by an operator, with a reason; see the directory module). */
    status: text('status').notNull().default('active'),
    /** The last suspension: when and why (kept after a resume, as the audit log keeps the rest). */
    suspendedAt: ts('suspended_at'),
    suspensionReason: text('suspension_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('partners_created_idx').on(t.createdAt),
    // The console directory's substring search (pg_trgm, on PostgreSQL and PGlite alike).
    index('partners_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    index('partners_id_trgm_idx').using('gin', sql`${t.id} gin_trgm_ops`),
    index('partners_domain_trgm_idx').using('gin', sql`${t.domainId} gin_trgm_ops`),
  ],
);
