CREATE TYPE "public"."agency_change_kind" AS ENUM('merge', 'split', 'rename');--> statement-breakpoint
CREATE TABLE "agency_change_links" (
	"change_id" integer NOT NULL,
	"from_agency_id" integer NOT NULL,
	"to_agency_id" integer NOT NULL,
	CONSTRAINT "agency_change_links_change_id_from_agency_id_to_agency_id_pk" PRIMARY KEY("change_id","from_agency_id","to_agency_id")
);
--> statement-breakpoint
CREATE TABLE "agency_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "agency_change_kind" NOT NULL,
	"effective_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "agency_change_links" ADD CONSTRAINT "agency_change_links_change_id_agency_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."agency_changes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_change_links" ADD CONSTRAINT "agency_change_links_from_agency_id_agencies_id_fk" FOREIGN KEY ("from_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_change_links" ADD CONSTRAINT "agency_change_links_to_agency_id_agencies_id_fk" FOREIGN KEY ("to_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_change_links_from_idx" ON "agency_change_links" USING btree ("from_agency_id");