CREATE TABLE "signing_trust_anchor" (
	"sha256" text PRIMARY KEY NOT NULL,
	"der" text NOT NULL,
	"subject" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
