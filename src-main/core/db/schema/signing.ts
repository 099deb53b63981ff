import { blob, index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossier } from './dossier';
import { dossierFile } from './files';

/**
 * One PAdES signature made at this counter (core/signing): what was signed, by which
 * certificate, the signed copy it produced (its current file, which changes when a timestamp is
 * added later), and what is still owed offline (timestamp, revocation check).
 */
export const signature = sqliteTable(
  'signature',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id').references(() => dossier.id),
    /** The signed copy as it stands now (B-B, then B-T once timestamped). */
    fileId: text('file_id')
      .notNull()
      .references(() => dossierFile.id),
    sourceKind: text('source_kind', { enum: ['form', 'document', 'result'] }).notNull(),
    sourceSha256: text('source_sha256').notNull(),
    printRecordId: text('print_record_id'),
    form: text('form'),
    role: text('role', { enum: ['officer', 'organisation'] }).notNull(),
    signerName: text('signer_name').notNull(),
    signerOrganisation: text('signer_organisation'),
    issuerName: text('issuer_name').notNull(),
    certSha256: text('cert_sha256').notNull(),
    /** The time the signature claims (/M), from the counter's clock. */
    signedAt: text('signed_at').notNull(),
    level: text('level', { enum: ['B-B', 'B-T'] }).notNull(),
    timestampAt: text('timestamp_at'),
    timestampState: text('timestamp_state', { enum: ['pending', 'done'] }).notNull(),
    revocationState: text('revocation_state', { enum: ['pending', 'good', 'revoked', 'unknown'] }).notNull(),
    revocationCheckedAt: text('revocation_checked_at'),
    revocationSource: text('revocation_source'),
    /** Why the last attempt to add the timestamp or revocation check failed (Vietnamese). */
    lastError: text('last_error'),
    officerId: text('officer_id').notNull(),
  },
  (t) => [index('signature_dossier_idx').on(t.dossierId, t.signedAt), index('signature_pending_idx').on(t.timestampState, t.revocationState)],
);

/** The CA certificates this counter trusts (danh sách tin cậy), managed by an administrator. */
export const signingTrustAnchor = sqliteTable('signing_trust_anchor', {
  sha256: text('sha256').primaryKey(),
  der: blob('der', { mode: 'buffer' }).notNull(),
  subject: text('subject').notNull(),
  notAfter: text('not_after').notNull(),
  addedAt: text('added_at').notNull(),
  addedBy: text('added_by').notNull(),
});
