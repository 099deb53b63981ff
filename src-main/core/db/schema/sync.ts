import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Changes waiting to go up to the province, written in the same transaction as the change
 * itself (ARCHITECTURE.md §6). `seq` is per device and never reused (AUTOINCREMENT); `opId` is
 * the idempotency key the hub answers by.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    opId: text('op_id').notNull().unique(),
    deviceEpoch: text('device_epoch').notNull(),
    opType: text('op_type').notNull(),
    entityId: text('entity_id').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    createdAt: text('created_at').notNull(),
    state: text('state', { enum: ['pending', 'applied', 'duplicate', 'rejected'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    answeredAt: text('answered_at'),
    /** The hub's machine-readable code for a rejection (OP_REJECT_CODES), beside its Vietnamese reason in lastError. */
    resultCode: text('result_code'),
    /** A rejected op the officer fixed and sent again: the opId of the new op that replaces it. */
    resubmittedAs: text('resubmitted_as'),
  },
  (t) => [index('outbox_state_idx').on(t.state, t.seq)],
);

/** Device identity and sync bookkeeping (device id, epoch, hub URL, trusted time…). */
export const syncMeta = sqliteTable('sync_meta', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/** How far this counter has read each province change feed (written with the changes). */
export const syncCursor = sqliteTable('sync_cursor', {
  scope: text('scope').primaryKey(),
  cursor: integer('cursor').notNull(),
  updatedAt: text('updated_at').notNull(),
});
