import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Fields of work (lĩnh vực) a citizen picks at the kiosk, and the counters serving each. */
export const queueField = sqliteTable('queue_field', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON array of counter numbers. */
  counters: text('counters').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  sort: integer('sort').notNull(),
});

/** Queue tickets, numbered from 1 each calendar day in Vietnam. */
export const queueTicket = sqliteTable(
  'queue_ticket',
  {
    id: text('id').primaryKey(),
    day: text('day').notNull(),
    number: integer('number').notNull(),
    fieldId: text('field_id')
      .notNull()
      .references(() => queueField.id),
    takenAt: text('taken_at').notNull(),
    /** 'kiosk' or the officer's id who issued it at the desk. */
    issuedBy: text('issued_by').notNull(),
    state: text('state', { enum: ['waiting', 'called', 'served', 'skipped'] }).notNull(),
    counterNo: integer('counter_no'),
    transferredTo: integer('transferred_to'),
    calledAt: text('called_at'),
    calledBy: text('called_by'),
    callCount: integer('call_count').notNull().default(0),
    /** The first call anywhere: the end of the citizen's wait (a re-call or a transfer does not move it). */
    firstCalledAt: text('first_called_at'),
    /** The call at the counter that serves it: the start of the service (a re-call does not move it). */
    serviceStartedAt: text('service_started_at'),
    finishedAt: text('finished_at'),
    /** The dossier received for this number at the counter that called it. */
    dossierId: text('dossier_id'),
  },
  (t) => [uniqueIndex('queue_ticket_day_number').on(t.day, t.number), index('queue_ticket_state_idx').on(t.day, t.state)],
);

/** The counter each officer's window serves (the call bar's number): where a dossier was received. */
export const counterSeat = sqliteTable('counter_seat', {
  officerId: text('officer_id').primaryKey(),
  counterNo: integer('counter_no').notNull(),
  at: text('at').notNull(),
});
