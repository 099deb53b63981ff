CREATE TABLE "dossier_paper" (
	"page_id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"role" text NOT NULL,
	"item_position" integer NOT NULL,
	"item_name" text NOT NULL,
	"seq" integer NOT NULL,
	"device_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_file" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"storage" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"stored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossier_paper" ADD CONSTRAINT "dossier_paper_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_paper_dossier_idx" ON "dossier_paper" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_paper_sha256_idx" ON "dossier_paper" USING btree ("sha256");