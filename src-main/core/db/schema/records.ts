import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every PDF produced: what, for which dossier, by whom, where it went, and its SHA-256. */
export const printRecord = sqliteTable(
  'print_record',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id'),
    form: text('form').notNull(),
    templateVersion: text('template_version').notNull(),
    officerId: text('officer_id').notNull(),
    at: text('at').notNull(),
    printer: text('printer'),
    result: text('result', { enum: ['rendered', 'printed', 'failed'] }).notNull(),
    error: text('error'),
    sha256: text('sha256').notNull(),
    file: text('file').notNull(),
  },
  (t) => [index('print_record_dossier_idx').on(t.dossierId, t.at)],
);

/**
 * Officer actions, prints and sign-in attempts, hash-chained: each row's hash covers the
 * previous row's hash, so an edited, inserted or deleted row breaks the chain.
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  officerId: text('officer_id'),
  action: text('action').notNull(),
  target: text('target'),
  details: text('details', { mode: 'json' }),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
