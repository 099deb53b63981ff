CREATE TABLE `dossier_lookup_key` (
	`dossier_id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	FOREIGN KEY (`dossier_id`) REFERENCES `dossier`(`id`) ON UPDATE no action ON DELETE no action
);
