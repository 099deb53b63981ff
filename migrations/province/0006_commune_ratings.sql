CREATE TABLE "commune_rating" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"event" text NOT NULL,
	"officer_id" text NOT NULL,
	"officer_name" text NOT NULL,
	"counter_no" integer NOT NULL,
	"procedure_field" text NOT NULL,
	"level" text NOT NULL,
	"rating" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commune_rating" ADD CONSTRAINT "commune_rating_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commune_rating_commune_idx" ON "commune_rating" USING btree ("commune_code","submitted_at");