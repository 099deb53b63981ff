ALTER TABLE `officer` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `officer` ADD `password_changed_at` text;--> statement-breakpoint
ALTER TABLE `session` ADD `locked_at` text;--> statement-breakpoint
ALTER TABLE `session` ADD `lock_reason` text;--> statement-breakpoint
ALTER TABLE `session` ADD `address` text;