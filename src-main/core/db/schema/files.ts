import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossier } from './dossier';

/**
 * Which stored file (core/files, named by SHA-256) belongs to which dossier, and as what: a
 * digitised paper (bản số hóa), the electronic result, or a signed copy. The bytes live in the
 * file store; a row is written only after its file is durable there.
 */
export const dossierFile = sqliteTable(
  'dossier_file',
  {
    id: text('id').primaryKey(),
    /** Null only for a signed copy of a form printed outside any dossier (Mẫu 07, Biểu II.06a). */
    dossierId: text('dossier_id').references(() => dossier.id),
    kind: text('kind', { enum: ['document', 'result', 'signed'] }).notNull(),
    label: text('label').notNull(),
    sha256: text('sha256').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    /** The file this one was made from (a signed copy names what was signed). */
    derivedFrom: text('derived_from'),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (t) => [index('dossier_file_dossier_idx').on(t.dossierId, t.addedAt), index('dossier_file_sha_idx').on(t.sha256)],
);
