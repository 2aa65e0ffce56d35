ALTER TABLE "task_states" ADD COLUMN "valid_to" timestamp with time zone;--> statement-breakpoint
-- Each state is valid until the next one's instant (null: the task's present state), so an as-of read is
-- a plain filter `valid_from <= T < coalesce(valid_to, infinity)`. States recorded before this migration:
UPDATE task_states s SET valid_to = n.next_from
  FROM (SELECT task_id, valid_from, lead(valid_from) OVER (PARTITION BY task_id ORDER BY valid_from) AS next_from
        FROM task_states) n
  WHERE n.task_id = s.task_id AND n.valid_from = s.valid_from AND n.next_from IS NOT NULL;--> statement-breakpoint
-- The trigger now keeps valid_to: a new state closes the task's open one. A writer's instant earlier than
-- the task's latest state (a clock-skewed updated_at) would put the new state before it, in the past: it
-- goes 1 µs after the latest instead. A state at the latest's very instant (two writes in one
-- transaction, at one now()) still replaces it.
CREATE OR REPLACE FUNCTION task_states_record() RETURNS trigger AS $$
DECLARE
  at timestamptz;
  latest timestamptz;
BEGIN
  IF TG_OP = 'INSERT' THEN
    at := NEW.created_at;
  ELSIF NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN
    at := NEW.updated_at;
  ELSE
    at := now();
  END IF;
  SELECT s.valid_from INTO latest FROM task_states s
    WHERE s.task_id = NEW.id ORDER BY s.valid_from DESC LIMIT 1;
  IF latest IS NOT NULL THEN
    IF at < latest THEN
      at := latest + interval '1 microsecond';
    END IF;
    UPDATE task_states SET valid_to = at
      WHERE task_id = NEW.id AND valid_from = latest AND valid_from < at;
  END IF;
  INSERT INTO task_states (task_id, valid_from, valid_to, lead_agency_id, deadline, completed_on, withdrawn)
    VALUES (NEW.id, at, NULL, NEW.lead_agency_id, NEW.deadline, NEW.completed_on, NEW.withdrawn)
    ON CONFLICT (task_id, valid_from) DO UPDATE SET
      lead_agency_id = EXCLUDED.lead_agency_id, deadline = EXCLUDED.deadline,
      completed_on = EXCLUDED.completed_on, withdrawn = EXCLUDED.withdrawn;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
