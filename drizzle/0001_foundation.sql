CREATE TYPE "public"."agency_kind" AS ENUM('ministry', 'ministry_level', 'government_agency', 'city', 'province', 'commune', 'ward', 'special_zone');--> statement-breakpoint
CREATE TYPE "public"."agency_level" AS ENUM('central', 'provincial', 'commune');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'office', 'officer', 'leader', 'inspector');--> statement-breakpoint
CREATE TYPE "public"."document_kind" AS ENUM('decision', 'resolution', 'conclusion_notice', 'official_letter', 'directive');--> statement-breakpoint
CREATE TYPE "public"."task_priority" AS ENUM('normal', 'high', 'urgent');--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" "agency_kind" NOT NULL,
	"level" "agency_level" NOT NULL,
	"parent_id" integer,
	"search_text" text NOT NULL,
	"sort_key" text NOT NULL,
	CONSTRAINT "agencies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"full_name" text NOT NULL,
	"role" "role" NOT NULL,
	"agency_id" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"kpi_code" text NOT NULL,
	"year" smallint NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "kpi_targets_kpi_code_year_pk" PRIMARY KEY("kpi_code","year")
);
--> statement-breakpoint
CREATE TABLE "kpis" (
	"code" text PRIMARY KEY NOT NULL,
	"pillar" text NOT NULL,
	"unit" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_groups" (
	"no" smallint PRIMARY KEY NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" "document_kind" NOT NULL,
	"issued_on" date NOT NULL,
	"signer" text NOT NULL,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"percent" smallint NOT NULL,
	"narrative" text NOT NULL,
	"evidence_url" text,
	"idempotency_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_coordinators" (
	"task_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	CONSTRAINT "task_coordinators_task_id_agency_id_pk" PRIMARY KEY("task_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"group_no" smallint,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_agency_id" integer NOT NULL,
	"deadline" date,
	"original_deadline" date,
	"priority" "task_priority" DEFAULT 'normal' NOT NULL,
	"is_key" boolean DEFAULT false NOT NULL,
	"completed_on" date,
	"withdrawn" boolean DEFAULT false NOT NULL,
	"last_lead_update_at" timestamp with time zone,
	"latest_percent" smallint DEFAULT 0 NOT NULL,
	"search_text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_parent_id_agencies_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_kpi_code_kpis_code_fk" FOREIGN KEY ("kpi_code") REFERENCES "public"."kpis"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_coordinators" ADD CONSTRAINT "task_coordinators_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_coordinators" ADD CONSTRAINT "task_coordinators_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_group_no_task_groups_no_fk" FOREIGN KEY ("group_no") REFERENCES "public"."task_groups"("no") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_agency_id_agencies_id_fk" FOREIGN KEY ("lead_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "agencies" USING btree ("parent_id","sort_key");--> statement-breakpoint
CREATE INDEX "agencies_level_idx" ON "agencies" USING btree ("level","sort_key");--> statement-breakpoint
CREATE INDEX "agencies_search_trgm_idx" ON "agencies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "users_agency_idx" ON "users" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "users_role_idx" ON "users" USING btree ("role");--> statement-breakpoint
CREATE INDEX "documents_issued_idx" ON "documents" USING btree ("issued_on");--> statement-breakpoint
CREATE INDEX "progress_task_idx" ON "progress_updates" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_idempotency_idx" ON "progress_updates" USING btree ("author_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "task_coordinators_agency_idx" ON "task_coordinators" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "tasks_lead_deadline_idx" ON "tasks" USING btree ("lead_agency_id","deadline");--> statement-breakpoint
CREATE INDEX "tasks_document_idx" ON "tasks" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "tasks_group_idx" ON "tasks" USING btree ("group_no");--> statement-breakpoint
CREATE INDEX "tasks_deadline_idx" ON "tasks" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "tasks_search_trgm_idx" ON "tasks" USING gin ("search_text" gin_trgm_ops);