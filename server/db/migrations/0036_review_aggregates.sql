CREATE TABLE "report_support_days" (
	"day" date PRIMARY KEY NOT NULL,
	"supports" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "problem_assignments" ADD COLUMN "first_answered_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "problem_assignments_first_answer_idx" ON "problem_assignments" USING btree ("first_answered_at","organisation_id","assigned_at") WHERE "problem_assignments"."first_answered_at" is not null;--> statement-breakpoint
-- Each assignment's first answer: the organisation's earliest official answer to the problem, whenever it
-- was given. An assignment made after answers starts with theirs; a new answer can only move it earlier;
-- an answer moved or removed recomputes it. Kept here so no write path can forget it.
CREATE FUNCTION tipnet_assignment_first_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.first_answered_at := (SELECT min(created_at) FROM problem_answers
    WHERE problem_id = NEW.problem_id AND organisation_id = NEW.organisation_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER problem_assignments_first_answer
  BEFORE INSERT OR UPDATE OF problem_id, organisation_id ON problem_assignments
  FOR EACH ROW EXECUTE FUNCTION tipnet_assignment_first_answer();
--> statement-breakpoint
CREATE FUNCTION tipnet_answer_first_answer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE problem_assignments SET first_answered_at = NEW.created_at
      WHERE problem_id = NEW.problem_id AND organisation_id = NEW.organisation_id
        AND (first_answered_at IS NULL OR first_answered_at > NEW.created_at);
    RETURN NULL;
  END IF;
  UPDATE problem_assignments a SET first_answered_at = (SELECT min(an.created_at) FROM problem_answers an
      WHERE an.problem_id = a.problem_id AND an.organisation_id = a.organisation_id)
    WHERE (a.problem_id = OLD.problem_id AND a.organisation_id = OLD.organisation_id)
      OR (TG_OP = 'UPDATE' AND a.problem_id = NEW.problem_id AND a.organisation_id = NEW.organisation_id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problem_answers_first_answer
  AFTER INSERT OR DELETE OR UPDATE OF problem_id, organisation_id, created_at ON problem_answers
  FOR EACH ROW EXECUTE FUNCTION tipnet_answer_first_answer();
--> statement-breakpoint
UPDATE problem_assignments a SET first_answered_at = f.at
  FROM (SELECT problem_id, organisation_id, min(created_at) AS at FROM problem_answers GROUP BY 1, 2) f
  WHERE a.problem_id = f.problem_id AND a.organisation_id = f.organisation_id;
--> statement-breakpoint
-- Supports per day in Bangkok (UTC+7 all year, as common/report-periods.ts counts), per statement.
CREATE FUNCTION tipnet_count_support_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO report_support_days (day, supports)
      SELECT ((created_at AT TIME ZONE 'UTC') + interval '7 hours')::date, count(*) FROM added GROUP BY 1
      ON CONFLICT (day) DO UPDATE SET supports = report_support_days.supports + excluded.supports;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE report_support_days d SET supports = d.supports - r.n
      FROM (SELECT ((created_at AT TIME ZONE 'UTC') + interval '7 hours')::date AS day, count(*) AS n
        FROM removed GROUP BY 1) r
      WHERE d.day = r.day;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problem_supports_days_added AFTER INSERT ON problem_supports
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_support_days();
--> statement-breakpoint
CREATE TRIGGER problem_supports_days_removed AFTER DELETE ON problem_supports
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_support_days();
--> statement-breakpoint
CREATE TRIGGER problem_supports_days_moved AFTER UPDATE ON problem_supports
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_support_days();
--> statement-breakpoint
INSERT INTO report_support_days (day, supports)
  SELECT ((created_at AT TIME ZONE 'UTC') + interval '7 hours')::date, count(*) FROM problem_supports GROUP BY 1;
