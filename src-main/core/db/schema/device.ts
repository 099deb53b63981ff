import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Paired LAN devices (kiosk, calling screen, rating tablet, lookup kiosk, procedure board). Only
 * the SHA-256 of a device token is stored; a revoked device keeps its row for the audit trail.
 */
export const device = sqliteTable(
  'device',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    scope: text('scope', { enum: ['kiosk', 'display', 'rating', 'lookup', 'board'] }).notNull(),
    counterNo: integer('counter_no'),
    label: text('label').notNull(),
    pairedAt: text('paired_at').notNull(),
    pairedBy: text('paired_by').notNull(),
    lastSeenAt: text('last_seen_at'),
    address: text('address'),
    revokedAt: text('revoked_at'),
    revokedBy: text('revoked_by'),
  },
  (t) => [index('device_revoked_idx').on(t.revokedAt)],
);

/**
 * Pairing codes an administrator has issued and not yet seen used: the SHA-256 of the six digits,
 * what the device will be, and until when. Used or expired codes are deleted.
 */
export const devicePairing = sqliteTable('device_pairing', {
  codeHash: text('code_hash').primaryKey(),
  scope: text('scope', { enum: ['kiosk', 'display', 'rating', 'lookup', 'board'] }).notNull(),
  counterNo: integer('counter_no'),
  label: text('label').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
});
