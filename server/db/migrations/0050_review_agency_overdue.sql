CREATE TABLE "report_agency_overdue" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"overdue" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_overdue_clock" (
	"one" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	CONSTRAINT "report_overdue_clock_one_row" CHECK ("report_overdue_clock"."one")
);
--> statement-breakpoint
CREATE INDEX "problem_assignments_assigned_open_idx" ON "problem_assignments" USING btree ("assigned_at","open_due_at","organisation_id") WHERE "problem_assignments"."open_due_at" is not null;--> statement-breakpoint
-- Counts the deadlines passed at the clock's instant that a statement on problem_assignments added or took
-- away. Every writer holds the clock FOR SHARE until it commits, and the job that moves the instant takes
-- it FOR UPDATE: it waits for every writer that counted against the old instant, and writers after it
-- count against the new one, so its recount sees each write exactly once.
CREATE FUNCTION tipnet_count_agency_overdue() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  as_of timestamptz;
BEGIN
  SELECT c.as_of INTO as_of FROM report_overdue_clock c FOR SHARE;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_agency_overdue AS k (organisation_id, overdue)
      SELECT n.organisation_id, count(*)::int FROM added n WHERE n.open_due_at < as_of GROUP BY 1 ORDER BY 1
      ON CONFLICT (organisation_id) DO UPDATE SET overdue = k.overdue + excluded.overdue;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_agency_overdue AS k (organisation_id, overdue)
      SELECT o.organisation_id, -count(*)::int FROM removed o WHERE o.open_due_at < as_of GROUP BY 1 ORDER BY 1
      ON CONFLICT (organisation_id) DO UPDATE SET overdue = k.overdue + excluded.overdue;
  ELSE
    INSERT INTO report_agency_overdue AS k (organisation_id, overdue)
      SELECT organisation_id, sum(d)::int FROM (
        SELECT n.organisation_id, 1 AS d FROM added n WHERE n.open_due_at < as_of
        UNION ALL
        SELECT o.organisation_id, -1 FROM removed o WHERE o.open_due_at < as_of
      ) changed
      GROUP BY 1 HAVING sum(d) <> 0 ORDER BY 1
      ON CONFLICT (organisation_id) DO UPDATE SET overdue = k.overdue + excluded.overdue;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problem_assignments_overdue_added AFTER INSERT ON problem_assignments
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_agency_overdue();
--> statement-breakpoint
CREATE TRIGGER problem_assignments_overdue_removed AFTER DELETE ON problem_assignments
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_agency_overdue();
--> statement-breakpoint
CREATE TRIGGER problem_assignments_overdue_moved AFTER UPDATE ON problem_assignments
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_agency_overdue();
--> statement-breakpoint
INSERT INTO report_overdue_clock (as_of) VALUES (now());
--> statement-breakpoint
INSERT INTO report_agency_overdue (organisation_id, overdue)
  SELECT organisation_id, count(*)::int FROM problem_assignments WHERE open_due_at < now() GROUP BY 1;
