import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { scanPage } from './scans';

/**
 * Where each digitised page stands on its way to the province hub (core/sync/file-upload.ts).
 * A row appears when the page's dossier has been acknowledged by the hub and the page is picked
 * up; `upload_url` is the hub's tus upload for the file, kept so that after a cut or a restart the
 * upload resumes from the offset the hub holds instead of starting again.
 */
export const fileUpload = sqliteTable(
  'file_upload',
  {
    pageId: text('page_id')
      .primaryKey()
      .references(() => scanPage.id),
    sha256: text('sha256').notNull(),
    state: text('state', { enum: ['pending', 'uploaded'] }).notNull(),
    uploadUrl: text('upload_url'),
    bytesSent: integer('bytes_sent').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('file_upload_state_idx').on(t.state)],
);
