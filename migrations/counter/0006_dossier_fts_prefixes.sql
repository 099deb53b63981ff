-- Search by name at a million dossiers (issue #5). Every word of a query is a prefix ("nguyen"*),
-- and FTS5 answers a prefix without a prefix index by merging the whole doclist of every matching
-- term before it can return the newest row: 15-50 ms for a common name. With prefix indexes for
-- 1 to 6 characters (the longest Vietnamese syllable is 7 letters, and few are), a prefix is read
-- like one term, newest first, and stops at the page size. No query uses phrases of several
-- tokens, NEAR or column filters, so positions are not kept (detail=none): with the prefix
-- indexes the table stays the size it was. Results are ordered by date, never by rank, so the
-- per-row token counts bm25 would need are not kept either (columnsize=0: one page less to write
-- per receipt). The external-content triggers are the same as 0002's.
DROP TRIGGER `dossier_fts_ai`;
--> statement-breakpoint
DROP TRIGGER `dossier_fts_ad`;
--> statement-breakpoint
DROP TRIGGER `dossier_fts_au`;
--> statement-breakpoint
DROP TABLE `dossier_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `dossier_fts` USING fts5(
	`code`, `search_name`, `applicant_id_number`, `applicant_phone`, `search_address`,
	content='dossier', content_rowid='local_seq',
	tokenize='unicode61 remove_diacritics 2',
	detail=none, columnsize=0, prefix='1 2 3 4 5 6'
);
--> statement-breakpoint
CREATE TRIGGER `dossier_fts_ai` AFTER INSERT ON `dossier` BEGIN
	INSERT INTO dossier_fts(rowid, code, search_name, applicant_id_number, applicant_phone, search_address)
	VALUES (new.local_seq, new.code, new.search_name, new.applicant_id_number, new.applicant_phone, new.search_address);
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_fts_ad` AFTER DELETE ON `dossier` BEGIN
	INSERT INTO dossier_fts(dossier_fts, rowid, code, search_name, applicant_id_number, applicant_phone, search_address)
	VALUES ('delete', old.local_seq, old.code, old.search_name, old.applicant_id_number, old.applicant_phone, old.search_address);
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_fts_au` AFTER UPDATE OF code, search_name, applicant_id_number, applicant_phone, search_address ON `dossier` BEGIN
	INSERT INTO dossier_fts(dossier_fts, rowid, code, search_name, applicant_id_number, applicant_phone, search_address)
	VALUES ('delete', old.local_seq, old.code, old.search_name, old.applicant_id_number, old.applicant_phone, old.search_address);
	INSERT INTO dossier_fts(rowid, code, search_name, applicant_id_number, applicant_phone, search_address)
	VALUES (new.local_seq, new.code, new.search_name, new.applicant_id_number, new.applicant_phone, new.search_address);
END;
--> statement-breakpoint
-- Index the dossiers already there (about 40 s for a million on a slow PC), then merge the
-- segments into one.
INSERT INTO dossier_fts(dossier_fts) VALUES ('rebuild');
--> statement-breakpoint
INSERT INTO dossier_fts(dossier_fts) VALUES ('optimize');
