import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Office settings as JSON values under stable keys. */
export const setting = sqliteTable('setting', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull(),
});
