CREATE TYPE "public"."escalation_level" AS ENUM('yellow', 'red');--> statement-breakpoint
CREATE TYPE "public"."escalation_rule_kind" AS ENUM('half_time_low_progress', 'overdue', 'explanation_after_overdue', 'office_after_explanation');--> statement-breakpoint
CREATE TYPE "public"."escalation_step_kind" AS ENUM('explanation', 'office');--> statement-breakpoint
CREATE TABLE "escalation_rules" (
	"kind" "escalation_rule_kind" PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"params" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation_steps" (
	"task_id" integer NOT NULL,
	"kind" "escalation_step_kind" NOT NULL,
	"deadline" date NOT NULL,
	"explanation_id" integer,
	"facts" jsonb NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "escalation_steps_task_id_kind_deadline_pk" PRIMARY KEY("task_id","kind","deadline")
);
--> statement-breakpoint
CREATE TABLE "task_escalations" (
	"task_id" integer PRIMARY KEY NOT NULL,
	"level" "escalation_level" NOT NULL,
	"rule" "escalation_rule_kind" NOT NULL,
	"since" date NOT NULL,
	"facts" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "escalation_rules" ADD CONSTRAINT "escalation_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_steps" ADD CONSTRAINT "escalation_steps_explanation_id_explanation_requests_id_fk" FOREIGN KEY ("explanation_id") REFERENCES "public"."explanation_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_escalations" ADD CONSTRAINT "task_escalations_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_escalations_level_idx" ON "task_escalations" USING btree ("level");