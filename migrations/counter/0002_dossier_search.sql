-- Full-text search over dossiers (ARCHITECTURE.md §4). External-content FTS5 over the dossier
-- row: names and addresses are stored folded (no marks, đ→d, lower case) by core, because
-- unicode61's remove_diacritics does not fold đ. Codes, ID numbers and phones are indexed as
-- they are; unicode61 splits codes on '.' and '-' so a phrase query finds a whole code.
CREATE VIRTUAL TABLE `dossier_fts` USING fts5(
	`code`, `search_name`, `applicant_id_number`, `applicant_phone`, `search_address`,
	content='dossier', content_rowid='local_seq',
	tokenize='unicode61 remove_diacritics 2'
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
-- Only the searched columns re-index: status changes (the common update) leave the index alone.
CREATE TRIGGER `dossier_fts_au` AFTER UPDATE OF code, search_name, applicant_id_number, applicant_phone, search_address ON `dossier` BEGIN
	INSERT INTO dossier_fts(dossier_fts, rowid, code, search_name, applicant_id_number, applicant_phone, search_address)
	VALUES ('delete', old.local_seq, old.code, old.search_name, old.applicant_id_number, old.applicant_phone, old.search_address);
	INSERT INTO dossier_fts(rowid, code, search_name, applicant_id_number, applicant_phone, search_address)
	VALUES (new.local_seq, new.code, new.search_name, new.applicant_id_number, new.applicant_phone, new.search_address);
END;
--> statement-breakpoint
-- The timeline is append-only: the database itself refuses edits and deletions.
CREATE TRIGGER `dossier_event_no_update` BEFORE UPDATE ON `dossier_event` BEGIN
	SELECT RAISE(ABORT, 'dossier_event is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_event_no_delete` BEFORE DELETE ON `dossier_event` BEGIN
	SELECT RAISE(ABORT, 'dossier_event is append-only');
END;
