CREATE TABLE `device` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`scope` text NOT NULL,
	`counter_no` integer,
	`label` text NOT NULL,
	`paired_at` text NOT NULL,
	`paired_by` text NOT NULL,
	`last_seen_at` text,
	`address` text,
	`revoked_at` text,
	`revoked_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `device_token_hash_unique` ON `device` (`token_hash`);--> statement-breakpoint
CREATE INDEX `device_revoked_idx` ON `device` (`revoked_at`);--> statement-breakpoint
CREATE TABLE `device_pairing` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`scope` text NOT NULL,
	`counter_no` integer,
	`label` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL
);
