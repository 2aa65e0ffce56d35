CREATE TABLE "change_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"task_id" integer,
	"document_id" integer,
	"agency_ids" integer[] DEFAULT '{}' NOT NULL,
	"payload" jsonb NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE INDEX "change_events_at_idx" ON "change_events" USING btree ("at");