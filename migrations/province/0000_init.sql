CREATE TABLE "admin_user" (
	"username" text PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applied_op" (
	"op_id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"device_epoch" text NOT NULL,
	"device_seq" bigint NOT NULL,
	"op_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"result" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_feed" (
	"scope" text NOT NULL,
	"seq" bigint NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"committed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_feed_scope_seq_pk" PRIMARY KEY("scope","seq")
);
--> statement-breakpoint
CREATE TABLE "commune" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"revoked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_push_at" timestamp with time zone,
	"last_pull_at" timestamp with time zone,
	"clock_drift_ms" bigint,
	"pending_reported" integer,
	"pending_reported_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dossier" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"commune_code" text NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"province_status_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"export_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"event" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"export_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enrollment_code" (
	"code_hash" text PRIMARY KEY NOT NULL,
	"commune_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"consumed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "feed_counter" (
	"scope" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applied_op" ADD CONSTRAINT "applied_op_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device" ADD CONSTRAINT "device_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_event" ADD CONSTRAINT "dossier_event_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_code" ADD CONSTRAINT "enrollment_code_commune_code_commune_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."commune"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applied_op_device_idx" ON "applied_op" USING btree ("device_id","device_epoch","device_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "device_token_hash_uq" ON "device" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "device_commune_idx" ON "device" USING btree ("commune_code");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_code_uq" ON "dossier" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossier_commune_idx" ON "dossier" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "dossier_export_seq_idx" ON "dossier" USING btree ("export_seq");--> statement-breakpoint
CREATE INDEX "dossier_event_dossier_idx" ON "dossier_event" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "dossier_event_export_seq_idx" ON "dossier_event" USING btree ("export_seq");