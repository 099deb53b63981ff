CREATE TABLE `file_upload` (
	`page_id` text PRIMARY KEY NOT NULL,
	`sha256` text NOT NULL,
	`state` text NOT NULL,
	`upload_url` text,
	`bytes_sent` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `scan_page`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `file_upload_state_idx` ON `file_upload` (`state`);