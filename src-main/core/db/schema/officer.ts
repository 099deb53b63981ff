import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Officers (cán bộ) who sign in at the counter. Passwords are scrypt hashes, never plain text. */
export const officer = sqliteTable('officer', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role', { enum: ['officer', 'leader', 'admin'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
});

/** Signed-in sessions. Only the SHA-256 of the bearer token is stored. */
export const session = sqliteTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    officerId: text('officer_id')
      .notNull()
      .references(() => officer.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [index('session_officer_idx').on(t.officerId)],
);
