CREATE TABLE `dossier_day_stat` (
	`day` text NOT NULL,
	`field` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`received_finished` integer DEFAULT 0 NOT NULL,
	`received_on_time` integer DEFAULT 0 NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL,
	`finished_on_time` integer DEFAULT 0 NOT NULL,
	`returned` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `field`)
);
--> statement-breakpoint
DROP INDEX `dossier_due_idx`;--> statement-breakpoint
DROP INDEX `dossier_id_number_idx`;--> statement-breakpoint
CREATE INDEX `dossier_finished_idx` ON `dossier` (`finished_at`);