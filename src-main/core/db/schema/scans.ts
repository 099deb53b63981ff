import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dossier } from './dossier';

/**
 * One digitised page (bản số hóa) of a checklist item, stored in core/files as a one-page PDF.
 * Pages are captured during Tiếp nhận before the dossier exists, so they gather under the intake
 * form's `batch` and gain their `dossier_id` when the dossier is received. Before that a page may
 * be deleted outright; afterwards removing it only marks it removed, with who, when and why (and
 * an audit row): nothing a dossier held disappears silently.
 */
export const scanPage = sqliteTable(
  'scan_page',
  {
    id: text('id').primaryKey(),
    batch: text('batch').notNull(),
    dossierId: text('dossier_id').references(() => dossier.id),
    /** `document`: a paper the citizen handed in; `result`: the result returned (Trả kết quả). */
    role: text('role', { enum: ['document', 'result'] }).notNull(),
    itemPosition: integer('item_position').notNull(),
    itemName: text('item_name').notNull(),
    seq: integer('seq').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** A small gray PNG for the page strip; null for a page that came in as PDF. */
    thumbSha256: text('thumb_sha256'),
    /** Clockwise degrees, applied when the item's PDF is assembled: the stored page is never rewritten. */
    rotation: integer('rotation').notNull().default(0),
    /** `reuse`: the same stored page taken from an earlier dossier of the same citizen. */
    source: text('source', { enum: ['scanner', 'folder', 'upload', 'camera', 'reuse'] }).notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull(),
    removedAt: text('removed_at'),
    removedBy: text('removed_by'),
    removedReason: text('removed_reason'),
  },
  (t) => [index('scan_page_batch_idx').on(t.batch, t.itemPosition, t.seq), index('scan_page_dossier_idx').on(t.dossierId)],
);
