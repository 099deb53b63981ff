CREATE TABLE `due_revision` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`at` text NOT NULL,
	`cause` text NOT NULL,
	`old_due_at` text NOT NULL,
	`new_due_at` text NOT NULL,
	`calendar_version_id` integer,
	`note` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossier`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `due_revision_at_idx` ON `due_revision` (`at`);--> statement-breakpoint
CREATE INDEX `due_revision_dossier_idx` ON `due_revision` (`dossier_id`,`at`);--> statement-breakpoint
ALTER TABLE `dossier` ADD `extended_due_at` text;--> statement-breakpoint
ALTER TABLE `dossier` ADD `deadline_counting` text DEFAULT 'hours' NOT NULL;--> statement-breakpoint
ALTER TABLE `dossier` ADD `verification_at` text;--> statement-breakpoint
ALTER TABLE `dossier` ADD `verification_reason` text;--> statement-breakpoint
ALTER TABLE `dossier` ADD `withdrawal_requested_at` text;--> statement-breakpoint
ALTER TABLE `dossier_day_stat` ADD `finished_late_apologised` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dossier_day_stat` ADD `finished_exception` integer DEFAULT 0 NOT NULL;