CREATE TABLE "report_partner_counts" (
	"kind" text NOT NULL,
	"starts" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"partners" integer NOT NULL,
	CONSTRAINT "report_partner_counts_kind_starts_organisation_id_pk" PRIMARY KEY("kind","starts","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "report_partner_pairs" (
	"kind" text NOT NULL,
	"starts" date NOT NULL,
	"a" uuid NOT NULL,
	"b" uuid NOT NULL,
	"problems" integer NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "report_partner_pairs_kind_starts_a_b_pk" PRIMARY KEY("kind","starts","a","b")
);
--> statement-breakpoint
CREATE INDEX "report_partner_pairs_strongest_idx" ON "report_partner_pairs" USING btree ("kind","starts",("problems" + "requests") desc,"a","b");--> statement-breakpoint
-- The standard periods an instant falls in, each as its kind and first Bangkok day (UTC+7 all year, as
-- common/report-periods.ts counts): its month, quarter, calendar year and fiscal year (from 1 October).
CREATE FUNCTION tipnet_report_periods(at timestamptz) RETURNS TABLE (kind text, starts date)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT p.kind, p.starts
  FROM (SELECT ((at AT TIME ZONE 'UTC') + interval '7 hours')::date::timestamp AS day) d,
    LATERAL (VALUES
      ('month', date_trunc('month', d.day)::date),
      ('quarter', date_trunc('quarter', d.day)::date),
      ('year', date_trunc('year', d.day)::date),
      ('fiscal', (date_trunc('year', d.day + interval '3 months') - interval '3 months')::date)) p (kind, starts)
$$;
--> statement-breakpoint
-- The pairs of organisations assigned the same problem among these assignments, each in the periods of
-- the later of its two assignments: what the review's live query counts.
CREATE FUNCTION tipnet_assignment_pairs(assignments problem_assignments[]) RETURNS SETOF report_partner_pairs
LANGUAGE sql IMMUTABLE AS $$
  SELECT p.kind, p.starts, x.organisation_id, y.organisation_id, 1, 0
  FROM unnest(assignments) x
    JOIN unnest(assignments) y ON y.problem_id = x.problem_id AND x.organisation_id < y.organisation_id
    CROSS JOIN LATERAL tipnet_report_periods(greatest(x.assigned_at, y.assigned_at)) p
$$;
--> statement-breakpoint
-- Adds signed changes to the pair counts, and to each organisation's partners whenever a pair's count
-- leaves or comes back to zero. The partners change is read from the updated row (RETURNING), which ON
-- CONFLICT locks and reads at its latest version, so concurrent writers to one pair still count it once.
-- Rows go in key order so two writers cannot deadlock on each other's pairs.
CREATE FUNCTION tipnet_add_partner_pairs(changes report_partner_pairs[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
  WITH d AS (
    SELECT kind, starts, a, b, sum(problems)::int AS problems, sum(requests)::int AS requests
    FROM unnest(changes) GROUP BY 1, 2, 3, 4 HAVING sum(problems) <> 0 OR sum(requests) <> 0
  ), up AS (
    INSERT INTO report_partner_pairs AS p (kind, starts, a, b, problems, requests)
      SELECT kind, starts, a, b, problems, requests FROM d ORDER BY 1, 2, 3, 4
    ON CONFLICT (kind, starts, a, b) DO UPDATE
      SET problems = p.problems + excluded.problems, requests = p.requests + excluded.requests
    RETURNING p.kind, p.starts, p.a, p.b, p.problems + p.requests AS total
  ), ends AS (
    SELECT up.kind, up.starts, e.organisation_id,
      CASE WHEN up.total > 0 AND up.total = d.problems + d.requests THEN 1
        WHEN up.total = 0 AND d.problems + d.requests < 0 THEN -1 ELSE 0 END AS change
    FROM up JOIN d USING (kind, starts, a, b)
      CROSS JOIN LATERAL (VALUES (up.a), (up.b)) e (organisation_id)
  )
  INSERT INTO report_partner_counts AS c (kind, starts, organisation_id, partners)
    SELECT kind, starts, organisation_id, sum(change)::int FROM ends
    GROUP BY 1, 2, 3 HAVING sum(change) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (kind, starts, organisation_id) DO UPDATE SET partners = c.partners + excluded.partners
$$;
--> statement-breakpoint
-- Assignments: the pairs of every problem touched are counted as they were before the statement and as
-- they are after it, and the difference is added (a problem has a few assignments, so this is cheap).
CREATE FUNCTION tipnet_count_assignment_partners() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  after_rows problem_assignments[];
  before_rows problem_assignments[];
BEGIN
  -- Transition tables rule out UPDATE OF columns: most updates (first answers, leads) change no pair.
  IF TG_OP = 'INSERT' THEN
    after_rows := array(SELECT a FROM problem_assignments a WHERE a.problem_id IN (SELECT problem_id FROM added));
    before_rows := array(SELECT a FROM unnest(after_rows) a WHERE a.id NOT IN (SELECT id FROM added));
  ELSIF TG_OP = 'DELETE' THEN
    after_rows := array(SELECT a FROM problem_assignments a WHERE a.problem_id IN (SELECT problem_id FROM removed));
    before_rows := after_rows || array(SELECT r::problem_assignments FROM removed r);
  ELSE
    -- Transition tables rule out UPDATE OF columns: most updates (first answers, leads) change no pair.
    IF NOT EXISTS (SELECT 1 FROM added n FULL JOIN removed o ON o.id = n.id
        WHERE n.id IS NULL OR o.id IS NULL
          OR (n.problem_id, n.organisation_id, n.assigned_at) IS DISTINCT FROM (o.problem_id, o.organisation_id, o.assigned_at)) THEN
      RETURN NULL;
    END IF;
    after_rows := array(SELECT a FROM problem_assignments a
      WHERE a.problem_id IN (SELECT problem_id FROM added UNION SELECT problem_id FROM removed));
    before_rows := array(SELECT a FROM unnest(after_rows) a WHERE a.id NOT IN (SELECT id FROM added))
      || array(SELECT r::problem_assignments FROM removed r);
  END IF;
  PERFORM tipnet_add_partner_pairs(array(
    SELECT p FROM tipnet_assignment_pairs(after_rows) p
    UNION ALL
    SELECT ROW(p.kind, p.starts, p.a, p.b, -p.problems, 0)::report_partner_pairs
    FROM tipnet_assignment_pairs(before_rows) p));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problem_assignments_partners_added AFTER INSERT ON problem_assignments
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_assignment_partners();
--> statement-breakpoint
CREATE TRIGGER problem_assignments_partners_removed AFTER DELETE ON problem_assignments
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_assignment_partners();
--> statement-breakpoint
CREATE TRIGGER problem_assignments_partners_moved AFTER UPDATE ON problem_assignments
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_assignment_partners();
--> statement-breakpoint
-- Coordination requests link the requesting organisation with the organisation of the receiving unit,
-- in the periods of the request's creation; the unit's organisation is read as it is now.
CREATE FUNCTION tipnet_count_request_partners() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes report_partner_pairs[] := '{}';
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Most updates (states, acknowledgements, outcomes) change no link.
    IF NOT EXISTS (SELECT 1 FROM added n FULL JOIN removed o ON o.id = n.id
        WHERE n.id IS NULL OR o.id IS NULL
          OR (n.requesting_organisation_id, n.receiving_unit_id, n.created_at)
            IS DISTINCT FROM (o.requesting_organisation_id, o.receiving_unit_id, o.created_at)) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    changes := changes || array(
      SELECT ROW(p.kind, p.starts, least(r.requesting_organisation_id, u.organisation_id),
          greatest(r.requesting_organisation_id, u.organisation_id), 0, 1)::report_partner_pairs
      FROM added r JOIN coordination_units u ON u.id = r.receiving_unit_id
        CROSS JOIN LATERAL tipnet_report_periods(r.created_at) p
      WHERE r.requesting_organisation_id <> u.organisation_id);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    changes := changes || array(
      SELECT ROW(p.kind, p.starts, least(r.requesting_organisation_id, u.organisation_id),
          greatest(r.requesting_organisation_id, u.organisation_id), 0, -1)::report_partner_pairs
      FROM removed r JOIN coordination_units u ON u.id = r.receiving_unit_id
        CROSS JOIN LATERAL tipnet_report_periods(r.created_at) p
      WHERE r.requesting_organisation_id <> u.organisation_id);
  END IF;
  PERFORM tipnet_add_partner_pairs(changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coordination_requests_partners_added AFTER INSERT ON coordination_requests
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_request_partners();
--> statement-breakpoint
CREATE TRIGGER coordination_requests_partners_removed AFTER DELETE ON coordination_requests
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_request_partners();
--> statement-breakpoint
CREATE TRIGGER coordination_requests_partners_moved AFTER UPDATE ON coordination_requests
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_request_partners();
--> statement-breakpoint
-- A unit moved to another organisation moves the links of every request it received.
CREATE FUNCTION tipnet_count_unit_partners() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM added n FULL JOIN removed o ON o.id = n.id
      WHERE n.id IS NULL OR o.id IS NULL OR n.organisation_id IS DISTINCT FROM o.organisation_id) THEN
    RETURN NULL;
  END IF;
  PERFORM tipnet_add_partner_pairs(array(
    SELECT ROW(p.kind, p.starts, least(r.requesting_organisation_id, u.organisation_id),
        greatest(r.requesting_organisation_id, u.organisation_id), 0, u.sign)::report_partner_pairs
    FROM (SELECT id, organisation_id, 1 AS sign FROM added
      UNION ALL SELECT id, organisation_id, -1 FROM removed) u
      JOIN coordination_requests r ON r.receiving_unit_id = u.id
      CROSS JOIN LATERAL tipnet_report_periods(r.created_at) p
    WHERE r.requesting_organisation_id <> u.organisation_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER coordination_units_partners_moved AFTER UPDATE ON coordination_units
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_unit_partners();
--> statement-breakpoint
INSERT INTO report_partner_pairs (kind, starts, a, b, problems, requests)
  SELECT kind, starts, a, b, count(*) FILTER (WHERE link = 'problem'), count(*) FILTER (WHERE link = 'request')
  FROM (
    SELECT p.kind, p.starts, x.organisation_id AS a, y.organisation_id AS b, 'problem' AS link
    FROM problem_assignments x
      JOIN problem_assignments y ON y.problem_id = x.problem_id AND x.organisation_id < y.organisation_id
      CROSS JOIN LATERAL tipnet_report_periods(greatest(x.assigned_at, y.assigned_at)) p
    UNION ALL
    SELECT p.kind, p.starts, least(r.requesting_organisation_id, u.organisation_id),
      greatest(r.requesting_organisation_id, u.organisation_id), 'request'
    FROM coordination_requests r JOIN coordination_units u ON u.id = r.receiving_unit_id
      CROSS JOIN LATERAL tipnet_report_periods(r.created_at) p
    WHERE r.requesting_organisation_id <> u.organisation_id
  ) links
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO report_partner_counts (kind, starts, organisation_id, partners)
  SELECT kind, starts, organisation_id, count(*)
  FROM (SELECT kind, starts, a AS organisation_id FROM report_partner_pairs
    UNION ALL SELECT kind, starts, b FROM report_partner_pairs) ends
  GROUP BY 1, 2, 3;
