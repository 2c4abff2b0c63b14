-- The median and the 90th percentile of a list as the review shows them (linear between the two nearest
-- values, as `quantile` in server/modules/reports/sections.ts), kept beside each agency period's waits.
CREATE FUNCTION tipnet_quantile(vals double precision[], q double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT percentile_cont(q) WITHIN GROUP (ORDER BY v) FROM unnest(vals) v
$$;
--> statement-breakpoint
ALTER TABLE "report_agency_counts" ADD COLUMN "median_days" double precision GENERATED ALWAYS AS (tipnet_quantile(waits, 0.5)) STORED;--> statement-breakpoint
ALTER TABLE "report_agency_counts" ADD COLUMN "p90_days" double precision GENERATED ALWAYS AS (tipnet_quantile(waits, 0.9)) STORED;--> statement-breakpoint
CREATE INDEX "report_agency_counts_read_idx" ON "report_agency_counts" USING btree ("kind","starts","organisation_id","assigned","answered","median_days","p90_days");--> statement-breakpoint
-- As in 0045, but the kept rows now end with the two generated columns, which no INSERT may name.
CREATE OR REPLACE FUNCTION tipnet_recount_agencies(assignments problem_assignments[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  keys report_agency_counts[] := array(
    SELECT DISTINCT ROW(p.kind, p.starts, a.organisation_id, 0, 0, '{}', NULL, NULL)::report_agency_counts
    FROM unnest(assignments) a
      CROSS JOIN LATERAL (VALUES (a.assigned_at), (a.first_answered_at)) e (at)
      CROSS JOIN LATERAL tipnet_report_periods(e.at) p
    WHERE e.at IS NOT NULL);
  agencies uuid[] := array(SELECT DISTINCT a.organisation_id FROM unnest(assignments) a);
BEGIN
  INSERT INTO report_agency_counts (kind, starts, organisation_id, assigned, answered, waits)
    SELECT kind, starts, organisation_id, 0, 0, '{}' FROM unnest(keys) k ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING;
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
