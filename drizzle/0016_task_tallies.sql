CREATE TABLE "task_tallies" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"bucket" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "task_tallies_dimension_key_bucket_pk" PRIMARY KEY("dimension","key","bucket")
);
--> statement-breakpoint
CREATE TABLE "task_tally_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sign" smallint NOT NULL,
	"lead_agency_id" integer NOT NULL,
	"group_no" smallint,
	"is_key" boolean NOT NULL,
	"withdrawn" boolean NOT NULL,
	"completed_on" date,
	"deadline" date,
	"active_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_tally_state" (
	"id" smallint PRIMARY KEY NOT NULL,
	"day" date,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "change_events_task_idx" ON "change_events" USING btree ("task_id","id");--> statement-breakpoint
-- Counted as of no day yet: the first reader rebuilds the tallies from the tasks (server/modules/tasks/tallies.ts).
INSERT INTO "task_tally_state" ("id", "day", "version") VALUES (1, NULL, 0);
--> statement-breakpoint
-- Updated in place at every fold, and the deltas come and go: room for in-page (HOT) updates, and
-- vacuumed by the rows that changed rather than by a share of a table that stays small.
ALTER TABLE "task_tallies" SET (fillfactor = 70, autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0);
--> statement-breakpoint
ALTER TABLE "task_tally_deltas" SET (autovacuum_vacuum_threshold = 5000, autovacuum_vacuum_scale_factor = 0);
--> statement-breakpoint
-- Logs a task's counted attributes before (-1) and after (+1) a write that moved one of them; applies no
-- rule (status-sql.ts has them) and takes no lock. The activity date is Vietnam's (UTC+7, no daylight
-- saving since 1975), as vietnamDate() counts it: a second update on the same day logs nothing.
CREATE OR REPLACE FUNCTION task_tally_delta() RETURNS trigger AS $$
DECLARE
  old_on date;
  new_on date;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_on := ((coalesce(OLD.last_lead_update_at, OLD.created_at) AT TIME ZONE 'UTC') + interval '7 hours')::date;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_on := ((coalesce(NEW.last_lead_update_at, NEW.created_at) AT TIME ZONE 'UTC') + interval '7 hours')::date;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.lead_agency_id, OLD.group_no, OLD.is_key, OLD.withdrawn, OLD.completed_on, OLD.deadline, old_on)
      IS NOT DISTINCT FROM (NEW.lead_agency_id, NEW.group_no, NEW.is_key, NEW.withdrawn, NEW.completed_on, NEW.deadline, new_on) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO task_tally_deltas (sign, lead_agency_id, group_no, is_key, withdrawn, completed_on, deadline, active_on)
      VALUES (-1, OLD.lead_agency_id, OLD.group_no, OLD.is_key, OLD.withdrawn, OLD.completed_on, OLD.deadline, old_on);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO task_tally_deltas (sign, lead_agency_id, group_no, is_key, withdrawn, completed_on, deadline, active_on)
      VALUES (1, NEW.lead_agency_id, NEW.group_no, NEW.is_key, NEW.withdrawn, NEW.completed_on, NEW.deadline, new_on);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tasks_tally AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION task_tally_delta();
--> statement-breakpoint
-- A TRUNCATE fires no row trigger: the tallies are marked for a rebuild instead.
CREATE OR REPLACE FUNCTION task_tally_reset() RETURNS trigger AS $$
BEGIN
  UPDATE task_tally_state SET day = NULL, version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER tasks_tally_truncate AFTER TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION task_tally_reset();
