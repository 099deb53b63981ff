-- Keeps dossier_day_stat (see the schema) equal to the dossiers behind it: every insert, update
-- and delete of a dossier moves its contribution, inside the statement that changed it. A day is
-- the Vietnamese calendar day of the UTC instant (UTC+7, no daylight saving). The update triggers
-- fire only when a column a count depends on really changed; each takes the old row's
-- contribution out and puts the new row's in.
CREATE TRIGGER `dossier_day_stat_ai` AFTER INSERT ON `dossier` BEGIN
	INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time)
	SELECT coalesce(date(new.received_at, '+7 hours'), ''), new.procedure_field, 1,
		(new.finished_at IS NOT NULL), (new.finished_at IS NOT NULL AND new.finished_at <= new.due_at)
	WHERE new.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET received = received + excluded.received,
		received_finished = received_finished + excluded.received_finished, received_on_time = received_on_time + excluded.received_on_time;
	INSERT INTO dossier_day_stat (day, field, finished, finished_on_time)
	SELECT coalesce(date(new.finished_at, '+7 hours'), ''), new.procedure_field, 1, (new.finished_at <= new.due_at)
	WHERE new.finished_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET finished = finished + excluded.finished, finished_on_time = finished_on_time + excluded.finished_on_time;
	INSERT INTO dossier_day_stat (day, field, returned)
	SELECT coalesce(date(new.returned_at, '+7 hours'), ''), new.procedure_field, 1
	WHERE new.returned_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET returned = returned + excluded.returned;
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_day_stat_ad` AFTER DELETE ON `dossier` BEGIN
	INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time)
	SELECT coalesce(date(old.received_at, '+7 hours'), ''), old.procedure_field, -1,
		-(old.finished_at IS NOT NULL), -(old.finished_at IS NOT NULL AND old.finished_at <= old.due_at)
	WHERE old.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET received = received + excluded.received,
		received_finished = received_finished + excluded.received_finished, received_on_time = received_on_time + excluded.received_on_time;
	INSERT INTO dossier_day_stat (day, field, finished, finished_on_time)
	SELECT coalesce(date(old.finished_at, '+7 hours'), ''), old.procedure_field, -1, -(old.finished_at <= old.due_at)
	WHERE old.finished_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET finished = finished + excluded.finished, finished_on_time = finished_on_time + excluded.finished_on_time;
	INSERT INTO dossier_day_stat (day, field, returned)
	SELECT coalesce(date(old.returned_at, '+7 hours'), ''), old.procedure_field, -1
	WHERE old.returned_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET returned = returned + excluded.returned;
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_day_stat_received_au` AFTER UPDATE OF status, received_at, procedure_field, finished_at, due_at ON `dossier`
WHEN old.received_at IS NOT new.received_at OR old.procedure_field IS NOT new.procedure_field OR old.finished_at IS NOT new.finished_at
	OR old.due_at IS NOT new.due_at OR (old.status = 'rejected') IS NOT (new.status = 'rejected')
BEGIN
	INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time)
	SELECT coalesce(date(old.received_at, '+7 hours'), ''), old.procedure_field, -1,
		-(old.finished_at IS NOT NULL), -(old.finished_at IS NOT NULL AND old.finished_at <= old.due_at)
	WHERE old.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET received = received + excluded.received,
		received_finished = received_finished + excluded.received_finished, received_on_time = received_on_time + excluded.received_on_time;
	INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time)
	SELECT coalesce(date(new.received_at, '+7 hours'), ''), new.procedure_field, 1,
		(new.finished_at IS NOT NULL), (new.finished_at IS NOT NULL AND new.finished_at <= new.due_at)
	WHERE new.status <> 'rejected'
	ON CONFLICT (day, field) DO UPDATE SET received = received + excluded.received,
		received_finished = received_finished + excluded.received_finished, received_on_time = received_on_time + excluded.received_on_time;
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_day_stat_finished_au` AFTER UPDATE OF finished_at, due_at, procedure_field ON `dossier`
WHEN old.finished_at IS NOT new.finished_at OR old.due_at IS NOT new.due_at OR old.procedure_field IS NOT new.procedure_field
BEGIN
	INSERT INTO dossier_day_stat (day, field, finished, finished_on_time)
	SELECT coalesce(date(old.finished_at, '+7 hours'), ''), old.procedure_field, -1, -(old.finished_at <= old.due_at)
	WHERE old.finished_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET finished = finished + excluded.finished, finished_on_time = finished_on_time + excluded.finished_on_time;
	INSERT INTO dossier_day_stat (day, field, finished, finished_on_time)
	SELECT coalesce(date(new.finished_at, '+7 hours'), ''), new.procedure_field, 1, (new.finished_at <= new.due_at)
	WHERE new.finished_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET finished = finished + excluded.finished, finished_on_time = finished_on_time + excluded.finished_on_time;
END;
--> statement-breakpoint
CREATE TRIGGER `dossier_day_stat_returned_au` AFTER UPDATE OF returned_at, procedure_field ON `dossier`
WHEN old.returned_at IS NOT new.returned_at OR old.procedure_field IS NOT new.procedure_field
BEGIN
	INSERT INTO dossier_day_stat (day, field, returned)
	SELECT coalesce(date(old.returned_at, '+7 hours'), ''), old.procedure_field, -1
	WHERE old.returned_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET returned = returned + excluded.returned;
	INSERT INTO dossier_day_stat (day, field, returned)
	SELECT coalesce(date(new.returned_at, '+7 hours'), ''), new.procedure_field, 1
	WHERE new.returned_at IS NOT NULL
	ON CONFLICT (day, field) DO UPDATE SET returned = returned + excluded.returned;
END;
--> statement-breakpoint
-- The dossiers already there (a million takes a few seconds).
INSERT INTO dossier_day_stat (day, field, received, received_finished, received_on_time, finished, finished_on_time, returned)
SELECT day, field, sum(received), sum(received_finished), sum(received_on_time), sum(finished), sum(finished_on_time), sum(returned)
FROM (
	SELECT coalesce(date(received_at, '+7 hours'), '') AS day, procedure_field AS field, 1 AS received,
		finished_at IS NOT NULL AS received_finished, finished_at IS NOT NULL AND finished_at <= due_at AS received_on_time,
		0 AS finished, 0 AS finished_on_time, 0 AS returned
	FROM dossier WHERE status <> 'rejected'
	UNION ALL
	SELECT coalesce(date(finished_at, '+7 hours'), ''), procedure_field, 0, 0, 0, 1, finished_at <= due_at, 0
	FROM dossier WHERE finished_at IS NOT NULL
	UNION ALL
	SELECT coalesce(date(returned_at, '+7 hours'), ''), procedure_field, 0, 0, 0, 0, 0, 1
	FROM dossier WHERE returned_at IS NOT NULL
)
GROUP BY day, field;
