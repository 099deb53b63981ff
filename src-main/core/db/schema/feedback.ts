import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A citizen's phản ánh, kiến nghị (issue #18, item 6): submitted at the kiosk or recorded by an
 * officer, tracked to its answer by `due_at` (the commune's answer period when it came in).
 */
export const feedback = sqliteTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    receivedAt: text('received_at').notNull(),
    channel: text('channel', { enum: ['kiosk', 'counter'] }).notNull(),
    /** The officer who recorded it at the desk; null from the kiosk. */
    recordedBy: text('recorded_by'),
    /** Optional: a citizen may write without giving a name or a phone. */
    citizenName: text('citizen_name'),
    citizenPhone: text('citizen_phone'),
    content: text('content').notNull(),
    dueAt: text('due_at').notNull(),
    answer: text('answer'),
    answeredAt: text('answered_at'),
    answeredBy: text('answered_by'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('feedback_received_idx').on(t.receivedAt), index('feedback_open_idx').on(t.answeredAt, t.dueAt)],
);
