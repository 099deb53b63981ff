import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The one commune office this installation serves (a single row, id = 1). */
export const office = sqliteTable('office', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  governingBody: text('governing_body').notNull(),
  agencyCode: text('agency_code').notNull(),
  province: text('province').notNull(),
  place: text('place').notNull(),
  address: text('address'),
  phone: text('phone'),
  /** Desk number 1–9 when a commune runs several independent installations; null = shared DB. */
  deskNumber: integer('desk_number'),
  hubUrl: text('hub_url'),
  createdAt: text('created_at').notNull(),
});
