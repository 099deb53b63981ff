ALTER TABLE `outbox` ADD `result_code` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `resubmitted_as` text;