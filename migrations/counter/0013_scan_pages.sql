CREATE TABLE `scan_page` (
	`id` text PRIMARY KEY NOT NULL,
	`batch` text NOT NULL,
	`dossier_id` text,
	`role` text NOT NULL,
	`item_position` integer NOT NULL,
	`item_name` text NOT NULL,
	`seq` integer NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`thumb_sha256` text,
	`rotation` integer DEFAULT 0 NOT NULL,
	`source` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	`removed_at` text,
	`removed_by` text,
	`removed_reason` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossier`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scan_page_batch_idx` ON `scan_page` (`batch`,`item_position`,`seq`);--> statement-breakpoint
CREATE INDEX `scan_page_dossier_idx` ON `scan_page` (`dossier_id`);