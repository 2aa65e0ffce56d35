CREATE TYPE "public"."field_type" AS ENUM('integer', 'decimal', 'percent', 'text');--> statement-breakpoint
CREATE TYPE "public"."kpi_role" AS ENUM('numerator', 'denominator');--> statement-breakpoint
CREATE TYPE "public"."period_type" AS ENUM('month', 'quarter', 'half_year', 'nine_months', 'year');--> statement-breakpoint
CREATE TYPE "public"."submission_state" AS ENUM('draft', 'submitted', 'approved', 'accepted', 'returned');--> statement-breakpoint
CREATE TABLE "holidays" (
	"date" date PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"period_type" "period_type" NOT NULL,
	"deadline_rule" jsonb NOT NULL,
	"obligation" jsonb NOT NULL,
	"first_period" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"submission_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"values" jsonb NOT NULL,
	"author_id" integer,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"approver_id" integer,
	"approved_at" timestamp with time zone,
	"reviewer_id" integer,
	"reviewed_at" timestamp with time zone,
	"review_outcome" text,
	"review_comment" text
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"template_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"period_end" date NOT NULL,
	"deadline" date NOT NULL,
	"state" "submission_state" DEFAULT 'draft' NOT NULL,
	"current_revision" integer DEFAULT 1 NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "template_fields" (
	"id" serial PRIMARY KEY NOT NULL,
	"template_id" integer NOT NULL,
	"code" text NOT NULL,
	"label_vi" text NOT NULL,
	"label_en" text NOT NULL,
	"unit" text,
	"type" "field_type" NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"min" double precision,
	"max" double precision,
	"kpi_code" text,
	"kpi_role" "kpi_role",
	"sort_order" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD CONSTRAINT "submission_revisions_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_fields" ADD CONSTRAINT "template_fields_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_fields" ADD CONSTRAINT "template_fields_kpi_code_kpis_code_fk" FOREIGN KEY ("kpi_code") REFERENCES "public"."kpis"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_templates_code_version_idx" ON "report_templates" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "submission_revisions_idx" ON "submission_revisions" USING btree ("submission_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_unique_idx" ON "submissions" USING btree ("template_id","agency_id","period_key");--> statement-breakpoint
CREATE INDEX "submissions_agency_idx" ON "submissions" USING btree ("agency_id","period_end");--> statement-breakpoint
CREATE INDEX "submissions_period_idx" ON "submissions" USING btree ("template_id","period_key","state");--> statement-breakpoint
CREATE UNIQUE INDEX "template_fields_code_idx" ON "template_fields" USING btree ("template_id","code");