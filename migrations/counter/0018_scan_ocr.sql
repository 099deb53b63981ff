CREATE TABLE `scan_ocr` (
	`sha256` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`retry_at` text,
	`queued_at` text NOT NULL,
	`done_at` text,
	`method` text,
	`text` text,
	`folded` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `scan_ocr_queue_idx` ON `scan_ocr` (`state`,`queued_at`);--> statement-breakpoint
-- Searchable scans (issue #17): every stored page file joins the OCR queue as it is written, and a
-- dossier's papers' words are one row of dossier_paper_fts whose rowid is the dossier's local_seq,
-- the same rowid dossier_fts uses. The Hồ sơ search then reads both indexes newest first and
-- merges them, stopping at the page, so papers cost nothing at a million dossiers. The index holds
-- no copy of the text (contentless; contentless_delete lets a dossier's row be replaced), and is
-- shaped like dossier_fts (folded words, prefix indexes, no positions). contentless_delete needs
-- per-row sizes, so columnsize stays on here.
CREATE VIRTUAL TABLE `dossier_paper_fts` USING fts5(
	`text`,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2',
	detail=none, prefix='1 2 3 4 5 6'
);
--> statement-breakpoint
-- The OCR-done trigger and reuse look pages up by file.
CREATE INDEX `scan_page_sha256_idx` ON `scan_page` (`sha256`);
--> statement-breakpoint
CREATE TRIGGER `scan_page_ocr_enqueue` AFTER INSERT ON `scan_page` BEGIN
	INSERT OR IGNORE INTO scan_ocr(sha256, state, attempts, queued_at) VALUES (new.sha256, 'pending', 0, new.added_at);
	DELETE FROM dossier_paper_fts WHERE rowid = (SELECT local_seq FROM dossier WHERE id = new.dossier_id);
	INSERT INTO dossier_paper_fts(rowid, text)
		SELECT d.local_seq, group_concat(o.folded, ' ') FROM dossier d
		JOIN scan_page p ON p.dossier_id = d.id AND p.removed_at IS NULL
		JOIN scan_ocr o ON o.sha256 = p.sha256 AND o.state = 'done' AND o.folded <> ''
		WHERE d.id = new.dossier_id GROUP BY d.local_seq;
END;
--> statement-breakpoint
-- A page bound to its dossier at receipt, moved, or removed after receipt: both dossiers' rows are
-- written again from their pages still held.
CREATE TRIGGER `scan_page_papers_reindex` AFTER UPDATE OF dossier_id, removed_at ON `scan_page` BEGIN
	DELETE FROM dossier_paper_fts WHERE rowid IN (SELECT local_seq FROM dossier WHERE id IN (old.dossier_id, new.dossier_id));
	INSERT INTO dossier_paper_fts(rowid, text)
		SELECT d.local_seq, group_concat(o.folded, ' ') FROM dossier d
		JOIN scan_page p ON p.dossier_id = d.id AND p.removed_at IS NULL
		JOIN scan_ocr o ON o.sha256 = p.sha256 AND o.state = 'done' AND o.folded <> ''
		WHERE d.id IN (old.dossier_id, new.dossier_id) GROUP BY d.local_seq;
END;
--> statement-breakpoint
-- A file's text arrived: every dossier holding that file is written again.
CREATE TRIGGER `scan_ocr_done_reindex` AFTER UPDATE OF state ON `scan_ocr` WHEN new.state = 'done' BEGIN
	DELETE FROM dossier_paper_fts WHERE rowid IN
		(SELECT d.local_seq FROM scan_page p JOIN dossier d ON d.id = p.dossier_id WHERE p.sha256 = new.sha256);
	INSERT INTO dossier_paper_fts(rowid, text)
		SELECT d.local_seq, group_concat(o.folded, ' ') FROM dossier d
		JOIN scan_page p ON p.dossier_id = d.id AND p.removed_at IS NULL
		JOIN scan_ocr o ON o.sha256 = p.sha256 AND o.state = 'done' AND o.folded <> ''
		WHERE d.id IN (SELECT dossier_id FROM scan_page WHERE sha256 = new.sha256) GROUP BY d.local_seq;
END;
--> statement-breakpoint
-- Pages stored before this migration join the queue.
INSERT OR IGNORE INTO scan_ocr(sha256, state, attempts, queued_at)
	SELECT sha256, 'pending', 0, min(added_at) FROM scan_page GROUP BY sha256;
