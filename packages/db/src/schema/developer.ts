import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { partners } from './partners.ts';

/**
 * R16: a partner's AK/SK pair. The secret is sealed with the server key (AES-256-GCM) so the HMAC
 * can be verified, and is never shown again after creation. Rotation keeps the previous secret
 * valid until `previousExpiresAt`.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    name: text('name').notNull(),
    accessKey: text('access_key').notNull().unique(),
    secretSealed: text('secret_sealed').notNull(),
    previousSecretSealed: text('previous_secret_sealed'),
    previousExpiresAt: ts('previous_expires_at'),
    /** `active` | `disabled`. */
    status: text('status').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    rotatedAt: ts('rotated_at'),
    disabledAt: ts('disabled_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [index('api_keys_partner_idx').on(t.partnerId, t.createdAt)],
);

/** R18: where a partner's platform is told about redirect sign-ups (the `bindRequest` callback). */
export const partnerIntegrations = pgTable('partner_integrations', {
  partnerId: text('partner_id')
    .primaryKey()
    .references(() => partners.id),
  /** The `xaccount_type` the partner's platform uses for its users. */
  xaccountType: text('xaccount_type'),
  bindNotifyUrl: text('bind_notify_url'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** The platform's RSA key that signs `bindRequest` callbacks; the certificate is published. */
export const platformKeys = pgTable('platform_keys', {
  id: text('id').primaryKey(),
  privateKeySealed: text('private_key_sealed').notNull(),
  certificatePem: text('certificate_pem').notNull(),
  /** `active` | `retired`. */
  status: text('status').notNull(),
  createdAt: ts('created_at').notNull(),
});
