ALTER TABLE "report_templates" ADD COLUMN "last_period" text;--> statement-breakpoint
ALTER TABLE "report_templates" ADD COLUMN "edit_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "report_templates" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;