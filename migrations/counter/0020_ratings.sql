CREATE TABLE `rating` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`dossier_code` text NOT NULL,
	`procedure_name` text NOT NULL,
	`procedure_field` text NOT NULL,
	`event` text NOT NULL,
	`officer_id` text NOT NULL,
	`officer_name` text NOT NULL,
	`counter_no` integer NOT NULL,
	`opened_at` text NOT NULL,
	`day` text NOT NULL,
	`sheet_version` text NOT NULL,
	`submitted_at` text,
	`device_id` text,
	`level` text,
	`criteria` text,
	`comment` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_dossier_event` ON `rating` (`dossier_id`,`event`);--> statement-breakpoint
CREATE INDEX `rating_counter_idx` ON `rating` (`counter_no`,`opened_at`);--> statement-breakpoint
CREATE INDEX `rating_day_idx` ON `rating` (`day`);