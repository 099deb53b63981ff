CREATE TABLE `counter_seat` (
	`officer_id` text PRIMARY KEY NOT NULL,
	`counter_no` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `queue_ticket` ADD `first_called_at` text;--> statement-breakpoint
ALTER TABLE `queue_ticket` ADD `service_started_at` text;--> statement-breakpoint
ALTER TABLE `queue_ticket` ADD `dossier_id` text;