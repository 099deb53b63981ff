CREATE TABLE `calendar_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`body` text NOT NULL,
	`origin` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE TABLE `catalog_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version` text NOT NULL,
	`published_at` text NOT NULL,
	`source` text NOT NULL,
	`origin` text NOT NULL,
	`body` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` text
);
--> statement-breakpoint
CREATE INDEX `catalog_version_version_idx` ON `catalog_version` (`version`);--> statement-breakpoint
CREATE TABLE `dossier` (
	`local_seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`code` text NOT NULL,
	`agency_code` text NOT NULL,
	`procedure_id` text NOT NULL,
	`procedure_code` text NOT NULL,
	`procedure_name` text NOT NULL,
	`procedure_field` text NOT NULL,
	`catalog_version` text NOT NULL,
	`deadline_amount` integer NOT NULL,
	`deadline_unit` text NOT NULL,
	`cutoff15` integer NOT NULL,
	`applicant_name` text NOT NULL,
	`applicant_id_number` text,
	`applicant_birth_date` text,
	`applicant_gender` text,
	`applicant_address` text,
	`applicant_phone` text,
	`applicant_email` text,
	`search_name` text NOT NULL,
	`search_address` text NOT NULL,
	`channel` text NOT NULL,
	`delivery` text NOT NULL,
	`pages` integer,
	`copies` integer,
	`fee_total` integer NOT NULL,
	`status` text NOT NULL,
	`received_at` text NOT NULL,
	`due_at` text NOT NULL,
	`original_due_at` text NOT NULL,
	`due_provisional` integer NOT NULL,
	`received_by_id` text NOT NULL,
	`received_by_name` text NOT NULL,
	`supplement_count` integer DEFAULT 0 NOT NULL,
	`extension_count` integer DEFAULT 0 NOT NULL,
	`paused_since` text,
	`finished_at` text,
	`returned_at` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_id_unique` ON `dossier` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `dossier_code_unique` ON `dossier` (`code`);--> statement-breakpoint
CREATE INDEX `dossier_status_idx` ON `dossier` (`status`,`local_seq`);--> statement-breakpoint
CREATE INDEX `dossier_due_idx` ON `dossier` (`due_at`);--> statement-breakpoint
CREATE INDEX `dossier_received_idx` ON `dossier` (`received_at`);--> statement-breakpoint
CREATE INDEX `dossier_procedure_idx` ON `dossier` (`procedure_code`,`local_seq`);--> statement-breakpoint
CREATE INDEX `dossier_field_idx` ON `dossier` (`procedure_field`,`local_seq`);--> statement-breakpoint
CREATE INDEX `dossier_officer_idx` ON `dossier` (`received_by_id`,`local_seq`);--> statement-breakpoint
CREATE INDEX `dossier_id_number_idx` ON `dossier` (`applicant_id_number`);--> statement-breakpoint
CREATE INDEX `dossier_open_due_idx` ON `dossier` (`due_at`) WHERE status NOT IN ('returned', 'rejected', 'stopped');--> statement-breakpoint
CREATE TABLE `dossier_document` (
	`dossier_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`originals` integer NOT NULL,
	`copies` integer NOT NULL,
	PRIMARY KEY(`dossier_id`, `position`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossier`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dossier_event` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text NOT NULL,
	`type` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`at` text NOT NULL,
	`officer_id` text,
	`officer_name` text NOT NULL,
	`note` text,
	`data` text,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossier`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_event_dossier_idx` ON `dossier_event` (`dossier_id`,`at`);--> statement-breakpoint
CREATE TABLE `dossier_sequence` (
	`agency_code` text NOT NULL,
	`day` text NOT NULL,
	`desk` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`agency_code`, `day`, `desk`)
);
--> statement-breakpoint
CREATE TABLE `fee_line` (
	`dossier_id` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`amount` integer NOT NULL,
	`exempt_reason` text,
	PRIMARY KEY(`dossier_id`, `position`),
	FOREIGN KEY (`dossier_id`) REFERENCES `dossier`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op_id` text NOT NULL,
	`device_epoch` text NOT NULL,
	`op_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`answered_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_op_id_unique` ON `outbox` (`op_id`);--> statement-breakpoint
CREATE INDEX `outbox_state_idx` ON `outbox` (`state`,`seq`);--> statement-breakpoint
CREATE TABLE `sync_cursor` (
	`scope` text PRIMARY KEY NOT NULL,
	`cursor` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`officer_id` text,
	`action` text NOT NULL,
	`target` text,
	`details` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `print_record` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text,
	`form` text NOT NULL,
	`template_version` text NOT NULL,
	`officer_id` text NOT NULL,
	`at` text NOT NULL,
	`printer` text,
	`result` text NOT NULL,
	`error` text,
	`sha256` text NOT NULL,
	`file` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `print_record_dossier_idx` ON `print_record` (`dossier_id`,`at`);