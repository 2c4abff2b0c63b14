CREATE TABLE "report_organisation_people" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"active" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "people_report_idx";--> statement-breakpoint
DROP INDEX "people_left_idx";--> statement-breakpoint
DROP INDEX "problems_overdue_report_idx";--> statement-breakpoint
CREATE INDEX "people_created_report_idx" ON "people" USING btree ("created_at","active","organisation_id");--> statement-breakpoint
CREATE INDEX "people_left_idx" ON "people" USING btree ("updated_at","id") WHERE not "people"."active";--> statement-breakpoint
CREATE INDEX "problems_overdue_report_idx" ON "problems" USING btree ("due_at") WHERE "problems"."state" in ('submitted', 'under_review', 'assigned', 'in_progress');--> statement-breakpoint
-- Adds each write's difference to its organisations' people in post: +1 for a row that is active after
-- it, -1 for one that was active before (a move between organisations counts in both). Organisations in
-- key order, so two writers cannot deadlock; ON CONFLICT adds under the row's lock, so concurrent writers
-- both count.
CREATE FUNCTION tipnet_count_organisation_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_organisation_people AS k (organisation_id, active)
      SELECT n.organisation_id, count(*)::int FROM added n WHERE n.active GROUP BY 1 ORDER BY 1
      ON CONFLICT (organisation_id) DO UPDATE SET active = k.active + excluded.active;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_organisation_people AS k (organisation_id, active)
      SELECT o.organisation_id, -count(*)::int FROM removed o WHERE o.active GROUP BY 1 ORDER BY 1
      ON CONFLICT (organisation_id) DO UPDATE SET active = k.active + excluded.active;
  ELSE
    INSERT INTO report_organisation_people AS k (organisation_id, active)
      SELECT organisation_id, sum(d)::int FROM (
        SELECT n.organisation_id, 1 AS d FROM added n WHERE n.active
        UNION ALL
        SELECT o.organisation_id, -1 FROM removed o WHERE o.active
      ) changed
      GROUP BY 1 HAVING sum(d) <> 0 ORDER BY 1
      ON CONFLICT (organisation_id) DO UPDATE SET active = k.active + excluded.active;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_kept_added AFTER INSERT ON people
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_organisation_people();
--> statement-breakpoint
CREATE TRIGGER people_kept_removed AFTER DELETE ON people
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_organisation_people();
--> statement-breakpoint
CREATE TRIGGER people_kept_moved AFTER UPDATE ON people
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_organisation_people();
--> statement-breakpoint
INSERT INTO report_organisation_people (organisation_id, active)
  SELECT organisation_id, count(*)::int FROM people WHERE active GROUP BY 1;
