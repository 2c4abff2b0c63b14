CREATE TABLE "report_problem_due_days" (
	"day" date PRIMARY KEY NOT NULL,
	"open" integer NOT NULL
);
--> statement-breakpoint
-- Adds each write's difference to the open problems per deadline day (UTC): +1 for a row open with a
-- deadline after the write, -1 for one before it. Days in key order, so two writers cannot deadlock;
-- ON CONFLICT adds under the row's lock, so concurrent writers both count. The open states are
-- common/problems-taxonomy.ts OPEN_STATES, as in migration 0041.
CREATE FUNCTION tipnet_count_problem_due_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_problem_due_days AS k (day, open)
      SELECT (n.due_at AT TIME ZONE 'UTC')::date, count(*)::int FROM added n
      WHERE n.due_at IS NOT NULL AND n.state IN ('submitted', 'under_review', 'assigned', 'in_progress')
      GROUP BY 1 ORDER BY 1
      ON CONFLICT (day) DO UPDATE SET open = k.open + excluded.open;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_problem_due_days AS k (day, open)
      SELECT (o.due_at AT TIME ZONE 'UTC')::date, -count(*)::int FROM removed o
      WHERE o.due_at IS NOT NULL AND o.state IN ('submitted', 'under_review', 'assigned', 'in_progress')
      GROUP BY 1 ORDER BY 1
      ON CONFLICT (day) DO UPDATE SET open = k.open + excluded.open;
  ELSE
    INSERT INTO report_problem_due_days AS k (day, open)
      SELECT day, sum(d)::int FROM (
        SELECT (n.due_at AT TIME ZONE 'UTC')::date AS day, 1 AS d FROM added n
        WHERE n.due_at IS NOT NULL AND n.state IN ('submitted', 'under_review', 'assigned', 'in_progress')
        UNION ALL
        SELECT (o.due_at AT TIME ZONE 'UTC')::date, -1 FROM removed o
        WHERE o.due_at IS NOT NULL AND o.state IN ('submitted', 'under_review', 'assigned', 'in_progress')
      ) changed
      GROUP BY 1 HAVING sum(d) <> 0 ORDER BY 1
      ON CONFLICT (day) DO UPDATE SET open = k.open + excluded.open;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problems_due_days_added AFTER INSERT ON problems
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_problem_due_days();
--> statement-breakpoint
CREATE TRIGGER problems_due_days_removed AFTER DELETE ON problems
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_problem_due_days();
--> statement-breakpoint
CREATE TRIGGER problems_due_days_moved AFTER UPDATE ON problems
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_problem_due_days();
--> statement-breakpoint
INSERT INTO report_problem_due_days (day, open)
  SELECT (due_at AT TIME ZONE 'UTC')::date, count(*)::int FROM problems
  WHERE due_at IS NOT NULL AND state IN ('submitted', 'under_review', 'assigned', 'in_progress')
  GROUP BY 1;
