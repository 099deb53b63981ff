-- Two dates, never confused (issue: figures an inspector would sign). due_at becomes the LEGAL due
-- date only; the promise of a Mẫu 04 apology moves to extended_due_at. Until now an extension
-- overwrote due_at, so a dossier that was late counted as on time. Here:
--  1. extended dossiers get their promise back in extended_due_at and their due at receipt in
--     due_at (core then recomputes the few that also had a supplement pause, from their timeline);
--  2. withdrawal_requested_at is filled from the timeline (a stop after it counts as on time);
--  3. the day-stat triggers take the rule of src-shared/domain/grading.ts: refusals at the counter
--     are never finished, withdrawn → on time, more than one supplement request → late, else
--     finished_at <= due_at; late-with-apology and exceptions are counted apart;
--  4. dossier_day_stat is rebuilt from the rows under that rule;
--  5. a marker asks core, at its next start, to recompute the legal due dates SQL cannot (extended
--     dossiers that also had a supplement pause) and to send the corrected dossiers to the province.
DROP TRIGGER `dossier_day_stat_ai`;
--> statement-breakpoint
DROP TRIGGER `dossier_day_stat_ad`;
--> statement-breakpoint
DROP TRIGGER `dossier_day_stat_received_au`;
--> statement-breakpoint
DROP TRIGGER `dossier_day_stat_finished_au`;
--> statement-breakpoint
UPDATE dossier SET extended_due_at = due_at, due_at = original_due_at WHERE extension_count > 0 AND extended_due_at IS NULL;
--> statement-breakpoint
UPDATE dossier SET withdrawal_requested_at = (
	SELECT min(e.at) FROM dossier_event e
	WHERE e.dossier_id = dossier.id AND (e.type = 'requestWithdrawal' OR e.to_status = 'withdrawal_requested')
) WHERE status IN ('withdrawal_requested', 'stopped');
--> statement-breakpoint
CREATE TRIGGER `dossier_day_stat_ai` AFTER INSERT ON `dossier` BEGIN
	INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time)
	SELECT coalesce(date(new.received_at, '+7 hours'), ''), new.procedure_field, 1,
		(new.finished_at IS NOT NULL), (new.finished_at IS NOT NULL AND (new.withdrawal_requested_at IS NOT NULL OR (new.supplement_count <= 1 AND new.finished_at <= new.due_at)))
	WHERE new.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET received = received + excluded.received,
		received_finished = received_finished + excluded.received_finished, received_on_time = received_on_time + excluded.received_on_time;
	INSERT INTO dossier_day_stat (day, field, finished, finished_on_time, finished_late_apologised, finished_exception)
	SELECT coalesce(date(new.finished_at, '+7 hours'), ''), new.procedure_field, 1, (new.withdrawal_requested_at IS NOT NULL OR (new.supplement_count <= 1 AND new.finished_at <= new.due_at)), (NOT (new.withdrawal_requested_at IS NOT NULL OR (new.supplement_count <= 1 AND new.finished_at <= new.due_at)) AND new.extended_due_at IS NOT NULL), (new.supplement_count > 1)
	WHERE new.finished_at IS NOT NULL AND new.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET finished = finished + excluded.finished, finished_on_time = finished_on_time + excluded.finished_on_time,
		finished_late_apologised = finished_late_apologised + excluded.finished_late_apologised, finished_exception = finished_exception + excluded.finished_exception;
	INSERT INTO dossier_day_stat (day, field, returned)
	SELECT coalesce(date(new.returned_at, '+7 hours'), ''), new.procedure_field, 1
	WHERE new.returned_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET returned = returned + excluded.returned;
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_day_stat_ad` AFTER DELETE ON `dossier` BEGIN
	INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time)
	SELECT coalesce(date(old.received_at, '+7 hours'), ''), old.procedure_field, -1,
		-(old.finished_at IS NOT NULL), -(old.finished_at IS NOT NULL AND (old.withdrawal_requested_at IS NOT NULL OR (old.supplement_count <= 1 AND old.finished_at <= old.due_at)))
	WHERE old.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET received = received + excluded.received,
		received_finished = received_finished + excluded.received_finished, received_on_time = received_on_time + excluded.received_on_time;
	INSERT INTO dossier_day_stat (day, field, finished, finished_on_time, finished_late_apologised, finished_exception)
	SELECT coalesce(date(old.finished_at, '+7 hours'), ''), old.procedure_field, -1, -(old.withdrawal_requested_at IS NOT NULL OR (old.supplement_count <= 1 AND old.finished_at <= old.due_at)), -(NOT (old.withdrawal_requested_at IS NOT NULL OR (old.supplement_count <= 1 AND old.finished_at <= old.due_at)) AND old.extended_due_at IS NOT NULL), -(old.supplement_count > 1)
	WHERE old.finished_at IS NOT NULL AND old.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET finished = finished + excluded.finished, finished_on_time = finished_on_time + excluded.finished_on_time,
		finished_late_apologised = finished_late_apologised + excluded.finished_late_apologised, finished_exception = finished_exception + excluded.finished_exception;
	INSERT INTO dossier_day_stat (day, field, returned)
	SELECT coalesce(date(old.returned_at, '+7 hours'), ''), old.procedure_field, -1
	WHERE old.returned_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET returned = returned + excluded.returned;
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_day_stat_received_au` AFTER UPDATE OF status, received_at, procedure_field, finished_at, due_at, supplement_count, withdrawal_requested_at ON `dossier`
WHEN old.received_at IS NOT new.received_at OR old.procedure_field IS NOT new.procedure_field OR old.finished_at IS NOT new.finished_at OR old.due_at IS NOT new.due_at OR old.supplement_count IS NOT new.supplement_count OR old.withdrawal_requested_at IS NOT new.withdrawal_requested_at
	OR (old.status = 'rejected') IS NOT (new.status = 'rejected')
BEGIN
	INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time)
	SELECT coalesce(date(old.received_at, '+7 hours'), ''), old.procedure_field, -1,
		-(old.finished_at IS NOT NULL), -(old.finished_at IS NOT NULL AND (old.withdrawal_requested_at IS NOT NULL OR (old.supplement_count <= 1 AND old.finished_at <= old.due_at)))
	WHERE old.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET received = received + excluded.received,
		received_finished = received_finished + excluded.received_finished, received_on_time = received_on_time + excluded.received_on_time;
	INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time)
	SELECT coalesce(date(new.received_at, '+7 hours'), ''), new.procedure_field, 1,
		(new.finished_at IS NOT NULL), (new.finished_at IS NOT NULL AND (new.withdrawal_requested_at IS NOT NULL OR (new.supplement_count <= 1 AND new.finished_at <= new.due_at)))
	WHERE new.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET received = received + excluded.received,
		received_finished = received_finished + excluded.received_finished, received_on_time = received_on_time + excluded.received_on_time;
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_day_stat_finished_au` AFTER UPDATE OF status, finished_at, due_at, procedure_field, supplement_count, withdrawal_requested_at, extended_due_at ON `dossier`
WHEN old.finished_at IS NOT new.finished_at OR old.due_at IS NOT new.due_at OR old.procedure_field IS NOT new.procedure_field OR old.supplement_count IS NOT new.supplement_count OR old.withdrawal_requested_at IS NOT new.withdrawal_requested_at OR old.extended_due_at IS NOT new.extended_due_at
	OR (old.status = 'rejected') IS NOT (new.status = 'rejected')
BEGIN
	INSERT INTO dossier_day_stat (day, field, finished, finished_on_time, finished_late_apologised, finished_exception)
	SELECT coalesce(date(old.finished_at, '+7 hours'), ''), old.procedure_field, -1, -(old.withdrawal_requested_at IS NOT NULL OR (old.supplement_count <= 1 AND old.finished_at <= old.due_at)), -(NOT (old.withdrawal_requested_at IS NOT NULL OR (old.supplement_count <= 1 AND old.finished_at <= old.due_at)) AND old.extended_due_at IS NOT NULL), -(old.supplement_count > 1)
	WHERE old.finished_at IS NOT NULL AND old.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET finished = finished + excluded.finished, finished_on_time = finished_on_time + excluded.finished_on_time,
		finished_late_apologised = finished_late_apologised + excluded.finished_late_apologised, finished_exception = finished_exception + excluded.finished_exception;
	INSERT INTO dossier_day_stat (day, field, finished, finished_on_time, finished_late_apologised, finished_exception)
	SELECT coalesce(date(new.finished_at, '+7 hours'), ''), new.procedure_field, 1, (new.withdrawal_requested_at IS NOT NULL OR (new.supplement_count <= 1 AND new.finished_at <= new.due_at)), (NOT (new.withdrawal_requested_at IS NOT NULL OR (new.supplement_count <= 1 AND new.finished_at <= new.due_at)) AND new.extended_due_at IS NOT NULL), (new.supplement_count > 1)
	WHERE new.finished_at IS NOT NULL AND new.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET finished = finished + excluded.finished, finished_on_time = finished_on_time + excluded.finished_on_time,
		finished_late_apologised = finished_late_apologised + excluded.finished_late_apologised, finished_exception = finished_exception + excluded.finished_exception;
END;
--> statement-breakpoint
DELETE FROM dossier_day_stat;
--> statement-breakpoint
INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time, finished, finished_on_time, finished_late_apologised, finished_exception, returned)
SELECT day, field, sum(received), sum(received_finished), sum(received_on_time), sum(finished), sum(finished_on_time), sum(late_apologised), sum(exception), sum(returned)
FROM (
	SELECT coalesce(date(d.received_at, '+7 hours'), '') AS day, d.procedure_field AS field, 1 AS received,
		d.finished_at IS NOT NULL AS received_finished, d.finished_at IS NOT NULL AND (d.withdrawal_requested_at IS NOT NULL OR (d.supplement_count <= 1 AND d.finished_at <= d.due_at)) AS received_on_time,
		0 AS finished, 0 AS finished_on_time, 0 AS late_apologised, 0 AS exception, 0 AS returned
	FROM dossier d WHERE d.status <> 'rejected'
	UNION ALL
	SELECT coalesce(date(d.finished_at, '+7 hours'), ''), d.procedure_field, 0, 0, 0, 1, (d.withdrawal_requested_at IS NOT NULL OR (d.supplement_count <= 1 AND d.finished_at <= d.due_at)), (NOT (d.withdrawal_requested_at IS NOT NULL OR (d.supplement_count <= 1 AND d.finished_at <= d.due_at)) AND d.extended_due_at IS NOT NULL), (d.supplement_count > 1), 0
	FROM dossier d WHERE d.finished_at IS NOT NULL AND d.status <> 'rejected'
	UNION ALL
	SELECT coalesce(date(d.returned_at, '+7 hours'), ''), d.procedure_field, 0, 0, 0, 0, 0, 0, 0, 1
	FROM dossier d WHERE d.returned_at IS NOT NULL
)
GROUP BY day, field;
--> statement-breakpoint
INSERT INTO sync_meta (key, value) VALUES ('legal_due_repair_pending', '"0008_legal_due_backfill"') ON CONFLICT (key) DO NOTHING;
