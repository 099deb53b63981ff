CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`received_at` text NOT NULL,
	`channel` text NOT NULL,
	`recorded_by` text,
	`citizen_name` text,
	`citizen_phone` text,
	`content` text NOT NULL,
	`due_at` text NOT NULL,
	`answer` text,
	`answered_at` text,
	`answered_by` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feedback_received_idx` ON `feedback` (`received_at`);--> statement-breakpoint
CREATE INDEX `feedback_open_idx` ON `feedback` (`answered_at`,`due_at`);