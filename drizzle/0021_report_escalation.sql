ALTER TYPE "public"."escalation_rule_kind" ADD VALUE 'likely_late' BEFORE 'overdue';--> statement-breakpoint
ALTER TYPE "public"."escalation_rule_kind" ADD VALUE 'explanation_when_likely_late';--> statement-breakpoint
ALTER TYPE "public"."escalation_rule_kind" ADD VALUE 'explanation_after_missed_report';--> statement-breakpoint
ALTER TYPE "public"."escalation_rule_kind" ADD VALUE 'office_after_missed_report';--> statement-breakpoint
ALTER TYPE "public"."escalation_step_kind" ADD VALUE 'at_risk';--> statement-breakpoint
CREATE TABLE "report_escalation_steps" (
	"template_id" integer NOT NULL,
	"agency_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"kind" "escalation_step_kind" NOT NULL,
	"deadline" date NOT NULL,
	"explanation_id" integer,
	"facts" jsonb NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_escalation_steps_template_id_agency_id_period_key_kind_pk" PRIMARY KEY("template_id","agency_id","period_key","kind")
);
--> statement-breakpoint
ALTER TABLE "report_escalation_steps" ADD CONSTRAINT "report_escalation_steps_template_id_report_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_escalation_steps" ADD CONSTRAINT "report_escalation_steps_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_escalation_steps" ADD CONSTRAINT "report_escalation_steps_explanation_id_explanation_requests_id_fk" FOREIGN KEY ("explanation_id") REFERENCES "public"."explanation_requests"("id") ON DELETE no action ON UPDATE no action;