CREATE TABLE `queue_field` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`counters` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `queue_ticket` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`number` integer NOT NULL,
	`field_id` text NOT NULL,
	`taken_at` text NOT NULL,
	`issued_by` text NOT NULL,
	`state` text NOT NULL,
	`counter_no` integer,
	`transferred_to` integer,
	`called_at` text,
	`called_by` text,
	`call_count` integer DEFAULT 0 NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`field_id`) REFERENCES `queue_field`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `queue_ticket_day_number` ON `queue_ticket` (`day`,`number`);--> statement-breakpoint
CREATE INDEX `queue_ticket_state_idx` ON `queue_ticket` (`day`,`state`);