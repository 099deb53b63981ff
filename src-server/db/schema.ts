/**
 * The hub's one drizzle schema, used unchanged on PGlite (embedded) and PostgreSQL. Migrations in
 * migrations/province are generated from this file by drizzle-kit; never edit a released one.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Dossier, DossierEvent } from '@shared/dossier';
import type { OpResult } from '@shared/sync/protocol';
import type { RatingAnswer } from '@shared/sync/rating-op';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A commune (xã/phường) known to the province, keyed by its agency identifier. */
export const commune = pgTable('commune', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/**
 * One-time enrollment codes. Only the SHA-256 of the code is kept; a code is consumed by the
 * transaction that creates the device, so two counters can never enroll with the same code.
 */
export const enrollmentCode = pgTable('enrollment_code', {
  codeHash: text('code_hash').primaryKey(),
  communeCode: text('commune_code')
    .notNull()
    .references(() => commune.code),
  createdAt: instant('created_at').notNull().defaultNow(),
  expiresAt: instant('expires_at').notNull(),
  consumedAt: instant('consumed_at'),
  consumedBy: uuid('consumed_by'),
});

/** An enrolled counter installation, bound to one commune. */
export const device = pgTable(
  'device',
  {
    id: uuid('id').primaryKey(),
    communeCode: text('commune_code')
      .notNull()
      .references(() => commune.code),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    revoked: boolean('revoked').notNull().default(false),
    createdAt: instant('created_at').notNull().defaultNow(),
    lastPushAt: instant('last_push_at'),
    lastPullAt: instant('last_pull_at'),
    /** Device clock minus hub clock at the last exchange that reported a device time. */
    clockDriftMs: bigint('clock_drift_ms', { mode: 'number' }),
    pendingReported: integer('pending_reported'),
    pendingReportedAt: instant('pending_reported_at'),
    /** Ed25519 key (SPKI DER, base64) that signs this device's offline bundles; pinned on first import. */
    signingKey: text('signing_key'),
  },
  (t) => [uniqueIndex('device_token_hash_uq').on(t.tokenHash), index('device_commune_idx').on(t.communeCode)],
);

/**
 * The hub's mirror of every dossier. The commune owns intake data; the province owns processing
 * statuses once it has set one (`provinceStatusAt`). `exportSeq` orders the DVCQG export.
 */
export const dossier = pgTable(
  'dossier',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    // References commune(code), checked once per statement by a trigger, not per row by a foreign
    // key (migrations/province/0003): a push writes 100 rows of one commune at a time.
    communeCode: text('commune_code').notNull(),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').$type<Dossier>().notNull(),
    receivedAt: instant('received_at').notNull(),
    provinceStatusAt: instant('province_status_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    exportSeq: bigint('export_seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    // A printed code is never renumbered: a second dossier with the same code is rejected.
    uniqueIndex('dossier_code_uq').on(t.code),
    index('dossier_commune_idx').on(t.communeCode),
    index('dossier_export_seq_idx').on(t.exportSeq),
  ],
);

/** Append-only timeline, from counters (dossier.event ops) and from the province (status API). */
export const dossierEvent = pgTable(
  'dossier_event',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    event: jsonb('event').$type<DossierEvent>().notNull(),
    source: text('source').notNull(), // 'commune' | 'province'
    createdAt: instant('created_at').notNull().defaultNow(),
    exportSeq: bigint('export_seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('dossier_event_dossier_idx').on(t.dossierId), index('dossier_event_export_seq_idx').on(t.exportSeq)],
);

/**
 * Idempotency: one row per op ever answered, written in the same transaction as the op's effects
 * (the op's own on the op-by-op path, the batch's on the batch path). A resent op finds its row
 * and gets the stored first answer back.
 */
export const appliedOp = pgTable(
  'applied_op',
  {
    opId: uuid('op_id').primaryKey(),
    // References device(id), checked once per statement by a trigger (migrations/province/0003).
    deviceId: uuid('device_id').notNull(),
    deviceEpoch: text('device_epoch').notNull(),
    deviceSeq: bigint('device_seq', { mode: 'number' }).notNull(),
    opType: text('op_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    result: jsonb('result').$type<OpResult>().notNull(),
    receivedAt: instant('received_at').notNull().defaultNow(),
  },
  (t) => [
    // Only refused ops are ever looked up (the admin page's list, the dossier of a refused event);
    // partial indexes cost nothing on the applied ops, which are nearly all of them.
    index('applied_op_rejected_entity_idx').on(t.entityId).where(sql`${t.result}->>'result' = 'rejected'`),
    index('applied_op_rejected_at_idx').on(t.receivedAt).where(sql`${t.result}->>'result' = 'rejected'`),
  ],
);

/**
 * One counter row per feed ("province", "commune:<code>", and the internal "export"). It is
 * incremented inside the writing transaction: its row lock serialises writers of a scope, so
 * commit order equals seq order and a reader's cursor can never skip a late commit.
 */
export const feedCounter = pgTable('feed_counter', {
  scope: text('scope').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
});

/** The change feed the counters pull, numbered per scope without gaps. */
export const changeFeed = pgTable(
  'change_feed',
  {
    scope: text('scope').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    committedAt: instant('committed_at')
      .notNull()
      .default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.scope, t.seq] })],
);

/** Province staff who may use the admin API and the DVCQG export. */
export const adminUser = pgTable('admin_user', {
  username: text('username').primaryKey(),
  passwordHash: text('password_hash').notNull(), // scrypt, see auth/passwords.ts
  createdAt: instant('created_at').notNull().defaultNow(),
});

/**
 * The province's trust list for signed PDFs (ký số): the CA certificates whose signatures the
 * hub accepts when an administrator checks a document (src-shared/signing/verify.ts).
 */
export const signingTrustAnchor = pgTable('signing_trust_anchor', {
  sha256: text('sha256').primaryKey(),
  der: text('der').notNull(), // base64 of the certificate's DER
  subject: text('subject').notNull(),
  notAfter: instant('not_after').notNull(),
  addedAt: instant('added_at').notNull().defaultNow(),
});

/**
 * A file the hub holds, by SHA-256 (verified against the bytes received before this row is
 * written): on the hub's filesystem, or in S3-compatible storage when one is configured.
 */
export const hubFile = pgTable('hub_file', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  storage: text('storage').notNull(), // 'fs' | 's3'
  uploadedBy: uuid('uploaded_by').notNull(),
  storedAt: instant('stored_at').notNull(),
});

/**
 * The papers of a dossier as its counter digitised them: one row per page, naming the file by
 * hash. Written when the counter declares its pages (POST /v1/files/claim), before the file itself
 * may have arrived; the admin page shows a page as waiting until its hub_file row exists.
 */
export const dossierPaper = pgTable(
  'dossier_paper',
  {
    pageId: uuid('page_id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    role: text('role').notNull(), // 'document' | 'result'
    itemPosition: integer('item_position').notNull(),
    itemName: text('item_name').notNull(),
    seq: integer('seq').notNull(),
    deviceId: uuid('device_id').notNull(),
    recordedAt: instant('recorded_at').notNull(),
  },
  (t) => [index('dossier_paper_dossier_idx').on(t.dossierId), index('dossier_paper_sha256_idx').on(t.sha256)],
);

/**
 * Citizens' ratings at the communes' counters (issue #18), as pushed by the counters: once per
 * id, from the rated dossier's own commune; the province view counts them per commune.
 */
export const communeRating = pgTable(
  'commune_rating',
  {
    id: uuid('id').primaryKey(),
    communeCode: text('commune_code')
      .notNull()
      .references(() => commune.code),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    event: text('event').notNull(),
    officerId: text('officer_id').notNull(),
    officerName: text('officer_name').notNull(),
    counterNo: integer('counter_no').notNull(),
    procedureField: text('procedure_field').notNull(),
    level: text('level').notNull(),
    rating: jsonb('rating').$type<RatingAnswer>().notNull(),
    submittedAt: instant('submitted_at').notNull(),
    receivedAt: instant('received_at').notNull(),
  },
  (t) => [index('commune_rating_commune_idx').on(t.communeCode, t.submittedAt)],
);

/**
 * A citizen's phản ánh, kiến nghị as its commune sent it (issue #18, item 6; src-shared/sync/feedback-op.ts):
 * one row per feedback id, written by `feedback.receive` and completed by `feedback.answer`
 * (either may come first). No name or phone: those stay at the commune.
 */
export const communeFeedback = pgTable(
  'commune_feedback',
  {
    id: uuid('id').primaryKey(),
    communeCode: text('commune_code')
      .notNull()
      .references(() => commune.code),
    channel: text('channel').notNull(),
    content: text('content').notNull(),
    receivedAt: instant('received_at').notNull(),
    dueAt: instant('due_at').notNull(),
    answer: text('answer'),
    answeredAt: instant('answered_at'),
    /** When the hub first stored it. */
    storedAt: instant('stored_at').notNull(),
  },
  (t) => [index('commune_feedback_commune_idx').on(t.communeCode, t.receivedAt)],
);
