import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every procedure catalog ever used, whole, as imported (seed, admin edit, province download).
 * Versions are never overwritten: a dossier's due date can always be traced to the rules of the
 * version it was received under. The newest row is the catalog in force.
 */
export const catalogVersion = sqliteTable(
  'catalog_version',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    version: text('version').notNull(),
    publishedAt: text('published_at').notNull(),
    source: text('source').notNull(),
    origin: text('origin', { enum: ['seed', 'admin', 'import', 'province'] }).notNull(),
    body: text('body', { mode: 'json' }).notNull(),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by'),
  },
  (t) => [index('catalog_version_version_idx').on(t.version)],
);

/**
 * The working calendar (sessions, holidays, make-up days, year status), versioned the same way:
 * confirming a year or editing a holiday writes a new version.
 */
export const calendarVersion = sqliteTable('calendar_version', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  body: text('body', { mode: 'json' }).notNull(),
  origin: text('origin', { enum: ['seed', 'admin', 'province'] }).notNull(),
  note: text('note'),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by'),
});
