CREATE TABLE "report_problem_counts" (
	"month" date NOT NULL,
	"kind" text NOT NULL,
	"dimension" text NOT NULL,
	"code" text NOT NULL,
	"problems" integer NOT NULL,
	CONSTRAINT "report_problem_counts_month_kind_dimension_code_pk" PRIMARY KEY("month","kind","dimension","code")
);
--> statement-breakpoint
-- Where one problem counts: each of raised, first answered, resolved and adopted that has happened, in
-- its Bangkok month (UTC+7 all year), once in all, once under its category and once per sector.
CREATE FUNCTION tipnet_problem_count_keys(created_at timestamptz, first_answered_at timestamptz,
    closed_at timestamptz, state text, type text, category text, sectors text[])
RETURNS TABLE (month date, kind text, dimension text, code text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', (e.at AT TIME ZONE 'UTC') + interval '7 hours')::date, e.kind, g.dimension, g.code
  FROM (VALUES
      ('raised', created_at),
      ('answered', first_answered_at),
      ('resolved', CASE WHEN state = 'resolved' THEN closed_at END),
      ('adopted', CASE WHEN state = 'resolved' AND type = 'recommendation' THEN closed_at END)) e (kind, at)
    CROSS JOIN LATERAL (
      SELECT 'all', '' UNION ALL SELECT 'category', category UNION ALL SELECT 'sector', s FROM unnest(sectors) s
    ) g (dimension, code)
  WHERE e.at IS NOT NULL
$$;
--> statement-breakpoint
-- Rows change in key order, so two writers cannot deadlock on each other's months.
CREATE FUNCTION tipnet_add_problem_counts(changes report_problem_counts[]) RETURNS void
LANGUAGE sql VOLATILE AS $$
  INSERT INTO report_problem_counts AS c (month, kind, dimension, code, problems)
    SELECT month, kind, dimension, code, sum(problems)::int FROM unnest(changes)
    GROUP BY 1, 2, 3, 4 HAVING sum(problems) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (month, kind, dimension, code) DO UPDATE SET problems = c.problems + excluded.problems
$$;
--> statement-breakpoint
CREATE FUNCTION tipnet_count_problem_months() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes report_problem_counts[] := '{}';
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- Transition tables rule out UPDATE OF columns: most updates (supports, edits, deadlines) count nothing.
    IF NOT EXISTS (SELECT 1 FROM added n FULL JOIN removed o ON o.id = n.id
        WHERE n.id IS NULL OR o.id IS NULL
          OR (n.created_at, n.first_answered_at, n.closed_at, n.state, n.type, n.category, n.sectors)
            IS DISTINCT FROM (o.created_at, o.first_answered_at, o.closed_at, o.state, o.type, o.category, o.sectors)) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    changes := changes || array(
      SELECT ROW(k.month, k.kind, k.dimension, k.code, 1)::report_problem_counts
      FROM added p CROSS JOIN LATERAL tipnet_problem_count_keys(p.created_at, p.first_answered_at, p.closed_at,
        p.state, p.type, p.category, p.sectors) k);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    changes := changes || array(
      SELECT ROW(k.month, k.kind, k.dimension, k.code, -1)::report_problem_counts
      FROM removed p CROSS JOIN LATERAL tipnet_problem_count_keys(p.created_at, p.first_answered_at, p.closed_at,
        p.state, p.type, p.category, p.sectors) k);
  END IF;
  PERFORM tipnet_add_problem_counts(changes);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problems_months_added AFTER INSERT ON problems
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_problem_months();
--> statement-breakpoint
CREATE TRIGGER problems_months_removed AFTER DELETE ON problems
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_problem_months();
--> statement-breakpoint
CREATE TRIGGER problems_months_moved AFTER UPDATE ON problems
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_problem_months();
--> statement-breakpoint
INSERT INTO report_problem_counts (month, kind, dimension, code, problems)
  SELECT k.month, k.kind, k.dimension, k.code, count(*)
  FROM problems p CROSS JOIN LATERAL tipnet_problem_count_keys(p.created_at, p.first_answered_at, p.closed_at,
    p.state, p.type, p.category, p.sectors) k
  GROUP BY 1, 2, 3, 4;
