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
  /** Set when an administrator resets the password: the next sign-in must choose a new one. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  passwordChangedAt: text('password_changed_at'),
});

/**
 * Signed-in sessions. Only the SHA-256 of the bearer token is stored. The lock lives here, not in
 * the page: a locked session refuses every call but unlock, whatever the window does.
 */
export const session = sqliteTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    officerId: text('officer_id')
      .notNull()
      .references(() => officer.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** When the screen was locked (idle time or the officer's own click); null while open. */
    lockedAt: text('locked_at'),
    lockReason: text('lock_reason', { enum: ['idle', 'manual'] }),
    /** The LAN address the session signed in from (absent for this PC's own window). */
    address: text('address'),
  },
  (t) => [index('session_officer_idx').on(t.officerId)],
);
