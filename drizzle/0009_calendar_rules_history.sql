CREATE TYPE "public"."calendar_day_kind" AS ENUM('public_holiday', 'substitute_day', 'exchange_day', 'makeup_workday');--> statement-breakpoint
CREATE TABLE "task_states" (
	"task_id" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"lead_agency_id" integer NOT NULL,
	"deadline" date,
	"completed_on" date,
	"withdrawn" boolean NOT NULL,
	CONSTRAINT "task_states_task_id_valid_from_pk" PRIMARY KEY("task_id","valid_from")
);
--> statement-breakpoint
ALTER TABLE "kpis" ADD COLUMN "coverage_floor" double precision DEFAULT 80 NOT NULL;--> statement-breakpoint
ALTER TABLE "holidays" ADD COLUMN "kind" "calendar_day_kind" DEFAULT 'public_holiday' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_templates" ADD COLUMN "validation_rules" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_revisions" ADD COLUMN "explanations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "template_fields" ADD COLUMN "system_source" text;--> statement-breakpoint
ALTER TABLE "task_states" ADD CONSTRAINT "task_states_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_states_valid_from_idx" ON "task_states" USING btree ("valid_from");--> statement-breakpoint
CREATE OR REPLACE FUNCTION task_states_record() RETURNS trigger AS $$
DECLARE
  at timestamptz;
BEGIN
  IF TG_OP = 'INSERT' THEN
    at := NEW.created_at;
  ELSIF NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN
    at := NEW.updated_at;
  ELSE
    at := now();
  END IF;
  INSERT INTO task_states (task_id, valid_from, lead_agency_id, deadline, completed_on, withdrawn)
    VALUES (NEW.id, at, NEW.lead_agency_id, NEW.deadline, NEW.completed_on, NEW.withdrawn)
    ON CONFLICT (task_id, valid_from) DO UPDATE SET
      lead_agency_id = EXCLUDED.lead_agency_id, deadline = EXCLUDED.deadline,
      completed_on = EXCLUDED.completed_on, withdrawn = EXCLUDED.withdrawn;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER task_states_on_insert AFTER INSERT ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_states_record();--> statement-breakpoint
CREATE TRIGGER task_states_on_update AFTER UPDATE ON tasks
  FOR EACH ROW WHEN (
    OLD.deadline IS DISTINCT FROM NEW.deadline OR OLD.completed_on IS DISTINCT FROM NEW.completed_on
    OR OLD.withdrawn IS DISTINCT FROM NEW.withdrawn OR OLD.lead_agency_id IS DISTINCT FROM NEW.lead_agency_id
  ) EXECUTE FUNCTION task_states_record();--> statement-breakpoint
-- Tasks recorded before this migration: their state when assigned, then their present one if it differs
-- (the steps in between were not recorded before this migration).
INSERT INTO task_states (task_id, valid_from, lead_agency_id, deadline, completed_on, withdrawn)
  SELECT id, created_at, lead_agency_id, coalesce(original_deadline, deadline), NULL, false FROM tasks
  ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO task_states (task_id, valid_from, lead_agency_id, deadline, completed_on, withdrawn)
  SELECT id, greatest(updated_at, created_at + interval '1 microsecond'), lead_agency_id, deadline, completed_on, withdrawn FROM tasks
  WHERE deadline IS DISTINCT FROM coalesce(original_deadline, deadline) OR completed_on IS NOT NULL OR withdrawn
  ON CONFLICT DO NOTHING;
