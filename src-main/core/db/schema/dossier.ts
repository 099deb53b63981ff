import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A dossier (hồ sơ), the projection of its events. `localSeq` is the stable integer rowid the
 * FTS index points at (a TEXT primary key would leave rowids free to change on VACUUM); it also
 * orders dossiers by receipt, which lets search stream newest-first without sorting.
 */
export const dossier = sqliteTable(
  'dossier',
  {
    localSeq: integer('local_seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    code: text('code').notNull(),
    agencyCode: text('agency_code').notNull(),
    procedureId: text('procedure_id').notNull(),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    procedureField: text('procedure_field').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    deadlineAmount: integer('deadline_amount').notNull(),
    deadlineUnit: text('deadline_unit').notNull(),
    cutoff15: integer('cutoff15', { mode: 'boolean' }).notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number'),
    applicantBirthDate: text('applicant_birth_date'),
    applicantGender: text('applicant_gender', { enum: ['male', 'female'] }),
    applicantAddress: text('applicant_address'),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    /** Folded (no marks, đ→d, lower case) copies for FTS5: "do duc dung" finds "Đỗ Đức Dũng". */
    searchName: text('search_name').notNull(),
    searchAddress: text('search_address').notNull(),
    channel: text('channel', { enum: ['direct', 'postal', 'online'] }).notNull(),
    delivery: text('delivery', { enum: ['counter', 'postal'] }).notNull(),
    pages: integer('pages'),
    copies: integer('copies'),
    feeTotal: integer('fee_total').notNull(),
    status: text('status').notNull(),
    receivedAt: text('received_at').notNull(),
    /**
     * The LEGAL due instant, UTC ISO: from receipt under the procedure's rule, moved only by lawful
     * pauses (supplement), the verification limit and a recomputation after a calendar change.
     * Every report grades against it. Never moved by an extension (see extendedDueAt).
     */
    dueAt: text('due_at').notNull(),
    /** The due printed on the first Mẫu 01, at receipt. */
    originalDueAt: text('original_due_at').notNull(),
    /** The new appointment promised by Mẫu 04 (xin lỗi và hẹn lại), null when there is none. */
    extendedDueAt: text('extended_due_at'),
    /** How "N ngày làm việc" was counted for this dossier (the province rule at receipt). */
    deadlineCounting: text('deadline_counting').notNull().default('hours'),
    /** When the officer recorded that verification is needed, and why (the longer limit applies). */
    verificationAt: text('verification_at'),
    verificationReason: text('verification_reason'),
    /** When the citizen asked to withdraw (a stop after it counts as "đúng hạn", DOMAIN §9.1). */
    withdrawalRequestedAt: text('withdrawal_requested_at'),
    dueProvisional: integer('due_provisional', { mode: 'boolean' }).notNull(),
    receivedById: text('received_by_id').notNull(),
    receivedByName: text('received_by_name').notNull(),
    supplementCount: integer('supplement_count').notNull().default(0),
    extensionCount: integer('extension_count').notNull().default(0),
    pausedSince: text('paused_since'),
    finishedAt: text('finished_at'),
    returnedAt: text('returned_at'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('dossier_id_unique').on(t.id),
    uniqueIndex('dossier_code_unique').on(t.code),
    index('dossier_status_idx').on(t.status, t.localSeq),
    index('dossier_received_idx').on(t.receivedAt),
    // Biểu II.06a: what was still open at a period's start (finished_at IS NULL or after it).
    index('dossier_finished_idx').on(t.finishedAt),
    index('dossier_procedure_idx').on(t.procedureCode, t.localSeq),
    index('dossier_field_idx').on(t.procedureField, t.localSeq),
    index('dossier_officer_idx').on(t.receivedById, t.localSeq),
    // Every due-date filter (overdue, due soon) is on open dossiers: this partial index serves them
    // all, so there is no index over the due dates of the million closed ones.
    index('dossier_open_due_idx')
      .on(t.dueAt)
      .where(sql`status NOT IN ('returned', 'rejected', 'stopped')`),
  ],
);

/**
 * Dossier counts per Vietnamese calendar day and field, kept by triggers on `dossier` (migrations
 * 0005, then the legal-due migration) in the same statement as the change itself, so Tổng quan adds
 * up a year from a few hundred rows instead of counting half a million. Three axes, each on its own
 * day; refusals at the counter (rejected) are never received nor finished:
 *   received*  by receipt day; of those, finished and finished on time;
 *   finished*  by finishing day, on time by the rule of src-shared/domain/grading.ts (withdrawn →
 *              on time; more than one supplement request → late; else finished_at <= legal due_at);
 *   returned   by the day the result was handed back.
 */
export const dossierDayStat = sqliteTable(
  'dossier_day_stat',
  {
    /** yyyy-mm-dd in Asia/Ho_Chi_Minh. */
    day: text('day').notNull(),
    field: text('field').notNull(),
    received: integer('received').notNull().default(0),
    receivedFinished: integer('received_finished').notNull().default(0),
    receivedOnTime: integer('received_on_time').notNull().default(0),
    finished: integer('finished').notNull().default(0),
    finishedOnTime: integer('finished_on_time').notNull().default(0),
    /** Finished late with a Mẫu 04 apology ("quá hạn, đã xin lỗi"), a part of finished − on time. */
    finishedLateApologised: integer('finished_late_apologised').notNull().default(0),
    /** Finished after more than one supplement request (counted late, shown as an exception). */
    finishedException: integer('finished_exception').notNull().default(0),
    returned: integer('returned').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.field] })],
);

export const dossierDocument = sqliteTable(
  'dossier_document',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossier.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    originals: integer('originals').notNull(),
    copies: integer('copies').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.position] })],
);

export const feeLine = sqliteTable(
  'fee_line',
  {
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossier.id),
    position: integer('position').notNull(),
    label: text('label').notNull(),
    amount: integer('amount').notNull(),
    exemptReason: text('exempt_reason'),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.position] })],
);

/** The append-only timeline: who did what, when. Never updated, never deleted. */
export const dossierEvent = sqliteTable(
  'dossier_event',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossier.id),
    type: text('type').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    at: text('at').notNull(),
    officerId: text('officer_id'),
    officerName: text('officer_name').notNull(),
    note: text('note'),
    data: text('data', { mode: 'json' }),
  },
  (t) => [index('dossier_event_dossier_idx').on(t.dossierId, t.at)],
);

/** Last sequence number used per (agency, receipt day in Vietnam, desk). */
export const dossierSequence = sqliteTable(
  'dossier_sequence',
  {
    agencyCode: text('agency_code').notNull(),
    day: text('day').notNull(),
    desk: integer('desk').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day, t.desk] })],
);

/**
 * The key printed in a Mẫu 01 receipt's QR for the public lookup (src-shared/sync/lookup-key.ts):
 * kept here so a reprint carries the same QR; only its hash leaves the counter. A row of its own,
 * not a dossier column: receipts from before it, and refusals, simply have none.
 */
export const dossierLookupKey = sqliteTable('dossier_lookup_key', {
  dossierId: text('dossier_id')
    .primaryKey()
    .references(() => dossier.id),
  key: text('key').notNull(),
});

/**
 * A legal due date moved after receipt by something other than the dossier's own steps: a calendar
 * change (the province publishes a holiday) or the verification limit. The officer sees each one
 * with the old and new dates and prints a new appointment slip; the row stays as the record.
 */
export const dueRevision = sqliteTable(
  'due_revision',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossier.id),
    at: text('at').notNull(),
    cause: text('cause', { enum: ['calendar', 'verification'] }).notNull(),
    oldDueAt: text('old_due_at').notNull(),
    newDueAt: text('new_due_at').notNull(),
    /** calendar_version.id that caused it (calendar changes). */
    calendarVersionId: integer('calendar_version_id'),
    note: text('note'),
  },
  (t) => [index('due_revision_at_idx').on(t.at), index('due_revision_dossier_idx').on(t.dossierId, t.at)],
);
