import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The text of one stored page file, read in the background (core/scans/ocr): the durable OCR
 * queue and its result in one row. Keyed by the file's SHA-256, not by the page, so a page reused
 * from an earlier dossier (same file) is never read twice. A page becomes `pending` the moment its
 * scan_page row is written (trigger, migration scan_ocr); the worker counts an attempt before it
 * starts, so a crash or power cut mid-read resumes that page on the next start, and a page that
 * keeps failing stops at `failed` instead of looping. The folded text feeds the Hồ sơ search
 * (dossier_paper_fts, kept by triggers).
 */
export const scanOcr = sqliteTable(
  'scan_ocr',
  {
    sha256: text('sha256').primaryKey(),
    state: text('state', { enum: ['pending', 'done', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When a failed attempt may be tried again (ISO); null: at once. */
    retryAt: text('retry_at'),
    queuedAt: text('queued_at').notNull(),
    doneAt: text('done_at'),
    /** `text-layer`: the PDF carried its own text (pdftotext); `tesseract`: read from the image. */
    method: text('method', { enum: ['text-layer', 'tesseract'] }),
    text: text('text'),
    /** `text` folded like every search column (NFC, no marks, đ→d, lower case). */
    folded: text('folded'),
    /** The last failure, for the officer's status line and the logs. */
    error: text('error'),
  },
  (t) => [index('scan_ocr_queue_idx').on(t.state, t.queuedAt)],
);
