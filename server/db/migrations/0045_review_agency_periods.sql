CREATE TABLE "report_agency_counts" (
	"kind" text NOT NULL,
	"starts" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"assigned" integer NOT NULL,
	"answered" integer NOT NULL,
	"waits" double precision[] NOT NULL,
	CONSTRAINT "report_agency_counts_kind_starts_organisation_id_pk" PRIMARY KEY("kind","starts","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "report_agency_first_assignments" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"first_assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- A standard period's first instant and the first instant after it: midnights in Bangkok (UTC+7 all year),
-- for the periods tipnet_report_periods() (migration 0039) names.
CREATE FUNCTION tipnet_report_period_bounds(kind text, starts date, OUT first timestamptz, OUT after timestamptz)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (starts::timestamp - interval '7 hours') AT TIME ZONE 'UTC',
    ((starts + CASE kind WHEN 'month' THEN interval '1 month' WHEN 'quarter' THEN interval '3 months'
      ELSE interval '1 year' END) - interval '7 hours') AT TIME ZONE 'UTC'
$$;
--> statement-breakpoint
-- Counts the agency periods these assignments fall in (those of their assignment and of their first
-- answer) again, from problem_assignments, and each of their organisations' first assignment. The rows
-- are made and locked first, in key order so two writers cannot deadlock, and counted by the statements
-- after, whose snapshots see what an earlier holder of the lock committed: two transactions assigning
-- one agency at once both count. Counting again rather than adding differences keeps the waits exact
-- (an answer moved or removed takes its own wait with it).
CREATE FUNCTION tipnet_recount_agencies(assignments problem_assignments[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  keys report_agency_counts[] := array(
    SELECT DISTINCT ROW(p.kind, p.starts, a.organisation_id, 0, 0, '{}')::report_agency_counts
    FROM unnest(assignments) a
      CROSS JOIN LATERAL (VALUES (a.assigned_at), (a.first_answered_at)) e (at)
      CROSS JOIN LATERAL tipnet_report_periods(e.at) p
    WHERE e.at IS NOT NULL);
  agencies uuid[] := array(SELECT DISTINCT a.organisation_id FROM unnest(assignments) a);
BEGIN
  INSERT INTO report_agency_counts SELECT * FROM unnest(keys) k ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING;
  PERFORM 1 FROM report_agency_counts c JOIN unnest(keys) k USING (kind, starts, organisation_id)
    ORDER BY c.kind, c.starts, c.organisation_id FOR UPDATE OF c;
  UPDATE report_agency_counts c SET assigned = n.assigned, answered = n.answered, waits = n.waits
    FROM unnest(keys) k
      CROSS JOIN LATERAL tipnet_report_period_bounds(k.kind, k.starts) b
      CROSS JOIN LATERAL (
        SELECT
          (SELECT count(*)::int FROM problem_assignments a WHERE a.organisation_id = k.organisation_id
            AND a.assigned_at >= b.first AND a.assigned_at < b.after) AS assigned,
          count(*)::int AS answered,
          coalesce(array_agg(extract(epoch FROM a.first_answered_at - a.assigned_at)::float8 / 86400), '{}') AS waits
        FROM problem_assignments a
        WHERE a.organisation_id = k.organisation_id AND a.first_answered_at >= b.first
          AND a.first_answered_at < b.after AND a.assigned_at < b.after) n
    WHERE (c.kind, c.starts, c.organisation_id) = (k.kind, k.starts, k.organisation_id);
  DELETE FROM report_agency_counts c USING unnest(keys) k
    WHERE (c.kind, c.starts, c.organisation_id) = (k.kind, k.starts, k.organisation_id)
      AND c.assigned = 0 AND c.answered = 0;

  INSERT INTO report_agency_first_assignments (organisation_id, first_assigned_at)
    SELECT o, '-infinity' FROM unnest(agencies) o ORDER BY 1 ON CONFLICT DO NOTHING;
  PERFORM 1 FROM report_agency_first_assignments f WHERE f.organisation_id = ANY (agencies)
    ORDER BY f.organisation_id FOR UPDATE;
  DELETE FROM report_agency_first_assignments f WHERE f.organisation_id = ANY (agencies)
    AND NOT EXISTS (SELECT 1 FROM problem_assignments a WHERE a.organisation_id = f.organisation_id);
  UPDATE report_agency_first_assignments f
    SET first_assigned_at = (SELECT min(a.assigned_at) FROM problem_assignments a WHERE a.organisation_id = f.organisation_id)
    WHERE f.organisation_id = ANY (agencies);
END $$;
--> statement-breakpoint
CREATE FUNCTION tipnet_count_agency_periods() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  touched problem_assignments[] := '{}';
BEGIN
  IF TG_OP = 'INSERT' THEN
    touched := array(SELECT n FROM added n);
  ELSIF TG_OP = 'DELETE' THEN
    touched := array(SELECT o FROM removed o);
  ELSE
    -- Transition tables rule out UPDATE OF columns: most updates (deadlines copied, lead changes) count nothing.
    touched := array(
      SELECT x FROM added n JOIN removed o ON o.id = n.id CROSS JOIN LATERAL (VALUES (n), (o)) v (x)
      WHERE (n.organisation_id, n.assigned_at, n.first_answered_at)
        IS DISTINCT FROM (o.organisation_id, o.assigned_at, o.first_answered_at));
  END IF;
  IF cardinality(touched) > 0 THEN
    PERFORM tipnet_recount_agencies(touched);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problem_assignments_agencies_added AFTER INSERT ON problem_assignments
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_agency_periods();
--> statement-breakpoint
CREATE TRIGGER problem_assignments_agencies_removed AFTER DELETE ON problem_assignments
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_agency_periods();
--> statement-breakpoint
CREATE TRIGGER problem_assignments_agencies_moved AFTER UPDATE ON problem_assignments
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_agency_periods();
--> statement-breakpoint
INSERT INTO report_agency_counts (kind, starts, organisation_id, assigned, answered, waits)
  SELECT kind, starts, organisation_id, sum(assigned)::int, sum(answered)::int,
    coalesce(array_agg(wait) FILTER (WHERE answered = 1), '{}')
  FROM (
    SELECT p.kind, p.starts, a.organisation_id, 1 AS assigned, 0 AS answered, NULL::float8 AS wait
    FROM problem_assignments a CROSS JOIN LATERAL tipnet_report_periods(a.assigned_at) p
    UNION ALL
    SELECT p.kind, p.starts, a.organisation_id, 0, 1,
      extract(epoch FROM a.first_answered_at - a.assigned_at)::float8 / 86400
    FROM problem_assignments a
      CROSS JOIN LATERAL tipnet_report_periods(a.first_answered_at) p
      CROSS JOIN LATERAL tipnet_report_period_bounds(p.kind, p.starts) b
    WHERE a.first_answered_at IS NOT NULL AND a.assigned_at < b.after
  ) c
  GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO report_agency_first_assignments (organisation_id, first_assigned_at)
  SELECT organisation_id, min(assigned_at) FROM problem_assignments GROUP BY 1;
