CREATE TABLE `signature` (
	`id` text PRIMARY KEY NOT NULL,
	`dossier_id` text,
	`file_id` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_sha256` text NOT NULL,
	`print_record_id` text,
	`form` text,
	`role` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_organisation` text,
	`issuer_name` text NOT NULL,
	`cert_sha256` text NOT NULL,
	`signed_at` text NOT NULL,
	`level` text NOT NULL,
	`timestamp_at` text,
	`timestamp_state` text NOT NULL,
	`revocation_state` text NOT NULL,
	`revocation_checked_at` text,
	`revocation_source` text,
	`last_error` text,
	`officer_id` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossier`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `dossier_file`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signature_dossier_idx` ON `signature` (`dossier_id`,`signed_at`);--> statement-breakpoint
CREATE INDEX `signature_pending_idx` ON `signature` (`timestamp_state`,`revocation_state`);--> statement-breakpoint
CREATE TABLE `signing_trust_anchor` (
	`sha256` text PRIMARY KEY NOT NULL,
	`der` blob NOT NULL,
	`subject` text NOT NULL,
	`not_after` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL
);
