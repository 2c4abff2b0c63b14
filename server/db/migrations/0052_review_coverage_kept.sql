CREATE TABLE "report_coverage_cells" (
	"matrix" text NOT NULL,
	"province" text NOT NULL,
	"code" text NOT NULL,
	"providers" integer NOT NULL,
	"reviewed_sum" numeric NOT NULL,
	CONSTRAINT "report_coverage_cells_matrix_province_code_pk" PRIMARY KEY("matrix","province","code")
);
--> statement-breakpoint
DROP INDEX "organisations_coverage_report_idx";--> statement-breakpoint
-- The coverage cells one organisation provides: each place it covers (only 'nationwide' when it covers the
-- whole country) by each service it provides and, when it interprets, by each of its languages. Codes
-- that repeat in a list count once.
CREATE FUNCTION tipnet_coverage_cells(p_services text[], p_languages text[], p_coverage text[])
RETURNS TABLE (matrix text, province text, code text) LANGUAGE sql IMMUTABLE AS $$
  WITH places AS (
    SELECT DISTINCT place FROM unnest(
      CASE WHEN 'nationwide' = ANY (p_coverage) THEN ARRAY['nationwide'] ELSE p_coverage END) AS place
  )
  SELECT 'services', places.place, s.code FROM places, (SELECT DISTINCT unnest(p_services) AS code) s
  UNION ALL
  SELECT 'interpretation', places.place, l.code FROM places, (SELECT DISTINCT unnest(p_languages) AS code) l
  WHERE 'interpretation' = ANY (p_services)
$$;
--> statement-breakpoint
-- Adds each write's difference to the cells: +1 provider (and its review instant) for each cell of a row
-- after the write, -1 for each cell of the row before it. Cells in key order, so two writers cannot
-- deadlock; ON CONFLICT adds under the row's lock, so concurrent writers both count.
CREATE FUNCTION tipnet_count_coverage_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_coverage_cells AS k (matrix, province, code, providers, reviewed_sum)
      SELECT c.matrix, c.province, c.code, count(*)::int,
        sum(extract(epoch FROM coalesce(n.last_reviewed_at, n.created_at)))
      FROM added n, tipnet_coverage_cells(n.services, n.languages, n.coverage) c
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (matrix, province, code) DO UPDATE
        SET providers = k.providers + excluded.providers, reviewed_sum = k.reviewed_sum + excluded.reviewed_sum;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_coverage_cells AS k (matrix, province, code, providers, reviewed_sum)
      SELECT c.matrix, c.province, c.code, -count(*)::int,
        -sum(extract(epoch FROM coalesce(o.last_reviewed_at, o.created_at)))
      FROM removed o, tipnet_coverage_cells(o.services, o.languages, o.coverage) c
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (matrix, province, code) DO UPDATE
        SET providers = k.providers + excluded.providers, reviewed_sum = k.reviewed_sum + excluded.reviewed_sum;
  ELSE
    INSERT INTO report_coverage_cells AS k (matrix, province, code, providers, reviewed_sum)
      SELECT c.matrix, c.province, c.code, sum(x.d)::int, sum(x.d * x.reviewed)
      FROM (
        SELECT n.services, n.languages, n.coverage, 1 AS d,
          extract(epoch FROM coalesce(n.last_reviewed_at, n.created_at)) AS reviewed
        FROM added n
        UNION ALL
        SELECT o.services, o.languages, o.coverage, -1,
          extract(epoch FROM coalesce(o.last_reviewed_at, o.created_at))
        FROM removed o
      ) x, tipnet_coverage_cells(x.services, x.languages, x.coverage) c
      GROUP BY 1, 2, 3 HAVING sum(x.d) <> 0 OR sum(x.d * x.reviewed) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (matrix, province, code) DO UPDATE
        SET providers = k.providers + excluded.providers, reviewed_sum = k.reviewed_sum + excluded.reviewed_sum;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_coverage_added AFTER INSERT ON organisations
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_coverage_cells();
--> statement-breakpoint
CREATE TRIGGER organisations_coverage_removed AFTER DELETE ON organisations
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_coverage_cells();
--> statement-breakpoint
CREATE TRIGGER organisations_coverage_moved AFTER UPDATE ON organisations
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tipnet_count_coverage_cells();
--> statement-breakpoint
INSERT INTO report_coverage_cells (matrix, province, code, providers, reviewed_sum)
  SELECT c.matrix, c.province, c.code, count(*)::int,
    sum(extract(epoch FROM coalesce(o.last_reviewed_at, o.created_at)))
  FROM organisations o, tipnet_coverage_cells(o.services, o.languages, o.coverage) c
  GROUP BY 1, 2, 3;
