ALTER TABLE "problem_assignments" ADD COLUMN "open_due_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "problem_assignments_open_due_idx" ON "problem_assignments" USING btree ("open_due_at","organisation_id","assigned_at") WHERE "problem_assignments"."open_due_at" is not null;--> statement-breakpoint
-- Each assignment carries its problem's deadline while the problem is open (common/problems-taxonomy.ts
-- OPEN_STATES), so "overdue now" per agency is a range of one index. Kept here so no write path can forget it.
CREATE FUNCTION tipnet_assignment_open_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.open_due_at := (SELECT due_at FROM problems WHERE id = NEW.problem_id
    AND state IN ('submitted', 'under_review', 'assigned', 'in_progress'));
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER problem_assignments_open_due BEFORE INSERT OR UPDATE OF problem_id ON problem_assignments
  FOR EACH ROW EXECUTE FUNCTION tipnet_assignment_open_due();
--> statement-breakpoint
CREATE FUNCTION tipnet_problem_open_due() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  open_due timestamptz := CASE WHEN NEW.state IN ('submitted', 'under_review', 'assigned', 'in_progress')
    THEN NEW.due_at END;
BEGIN
  UPDATE problem_assignments SET open_due_at = open_due
    WHERE problem_id = NEW.id AND open_due_at IS DISTINCT FROM open_due;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problems_open_due AFTER UPDATE OF due_at, state ON problems
  FOR EACH ROW WHEN (OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.state IS DISTINCT FROM NEW.state)
  EXECUTE FUNCTION tipnet_problem_open_due();
--> statement-breakpoint
UPDATE problem_assignments a SET open_due_at = p.due_at
  FROM problems p
  WHERE p.id = a.problem_id AND p.due_at IS NOT NULL
    AND p.state IN ('submitted', 'under_review', 'assigned', 'in_progress');
