import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * One rating per counter event (a dossier received or returned at a counter): opened by core when
 * the event happens, answered once from the counter's tablet. Unanswered rows are openings that
 * timed out; the reports count answered rows only.
 */
export const rating = sqliteTable(
  'rating',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    procedureField: text('procedure_field').notNull(),
    event: text('event', { enum: ['received', 'returned'] }).notNull(),
    officerId: text('officer_id').notNull(),
    officerName: text('officer_name').notNull(),
    counterNo: integer('counter_no').notNull(),
    openedAt: text('opened_at').notNull(),
    /** Vietnam's calendar day of the opening: what the reports group by. */
    day: text('day').notNull(),
    sheetVersion: text('sheet_version').notNull(),
    submittedAt: text('submitted_at'),
    deviceId: text('device_id'),
    level: text('level', { enum: ['very_satisfied', 'satisfied', 'dissatisfied'] }),
    /** JSON [{ no, level }] of the criteria the citizen answered. */
    criteria: text('criteria'),
    comment: text('comment'),
  },
  (t) => [uniqueIndex('rating_dossier_event').on(t.dossierId, t.event), index('rating_counter_idx').on(t.counterNo, t.openedAt), index('rating_day_idx').on(t.day)],
);
