CREATE TABLE `dossier_file` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`sha256` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`derived_from` text,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossier`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_file_dossier_idx` ON `dossier_file` (`dossier_id`,`added_at`);--> statement-breakpoint
CREATE INDEX `dossier_file_sha_idx` ON `dossier_file` (`sha256`);