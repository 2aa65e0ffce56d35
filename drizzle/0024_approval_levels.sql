CREATE TYPE "public"."template_approval" AS ENUM('office', 'province_then_office');--> statement-breakpoint
ALTER TABLE "report_templates" ADD COLUMN "approval" "template_approval" DEFAULT 'office' NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD COLUMN "coverage" jsonb;