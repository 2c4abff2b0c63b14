CREATE TABLE "organisation_search" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"document" "tsvector" NOT NULL,
	"names" "tsvector" NOT NULL,
	"people_names" "tsvector" NOT NULL,
	"sector" text NOT NULL,
	"type" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"populations" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"coverage" text[] DEFAULT '{}'::text[] NOT NULL,
	"has_hotline_24h" boolean NOT NULL,
	"verified" boolean NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"rank_th" integer DEFAULT 0 NOT NULL,
	"rank_en" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_search" ADD CONSTRAINT "organisation_search_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_search_document_idx" ON "organisation_search" USING gin ("document");--> statement-breakpoint
CREATE INDEX "organisation_search_names_idx" ON "organisation_search" USING gin ("names");--> statement-breakpoint
CREATE INDEX "organisation_search_people_idx" ON "organisation_search" USING gin ("people_names");--> statement-breakpoint
CREATE INDEX "organisation_search_rank_th_idx" ON "organisation_search" USING btree ("rank_th","organisation_id");--> statement-breakpoint
CREATE INDEX "organisation_search_rank_en_idx" ON "organisation_search" USING btree ("rank_en","organisation_id");--> statement-breakpoint
-- Rows past 128 bytes move their largest values out of line: the documents, read only through the GIN
-- indexes, so the heap a broad search and its facet counts walk stays a few hundred pages. The codes stay
-- in line and uncompressed: every match's filters and facets read them.
ALTER TABLE "organisation_search" SET (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE "organisation_search" ALTER COLUMN "themes" SET STORAGE PLAIN, ALTER COLUMN "services" SET STORAGE PLAIN,
  ALTER COLUMN "populations" SET STORAGE PLAIN, ALTER COLUMN "languages" SET STORAGE PLAIN,
  ALTER COLUMN "coverage" SET STORAGE PLAIN;
--> statement-breakpoint
-- The name words of an organisation's active people (their documents' weight-A lexemes).
CREATE FUNCTION tipnet_people_names_of(org uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT w.lexeme)), ''::tsvector)
  FROM people p, unnest(ts_filter(p.search_document, '{a}')) AS w
  WHERE p.organisation_id = org AND p.active;
$$;
--> statement-breakpoint
-- "Has a 24-hour hotline", as organisations.queries.ts's hasHotline24hSql reads it.
CREATE FUNCTION tipnet_has_hotline_24h(org uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM organisation_contacts h
    WHERE h.organisation_id = org AND h.type = 'hotline_24h' AND h.visibility = 'all_members');
$$;
--> statement-breakpoint
-- An organisation's search row, written whole from its columns, people and contacts (ranks kept).
CREATE FUNCTION tipnet_organisation_search_write(org uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO organisation_search (organisation_id, document, names, people_names, sector, type, themes,
    services, populations, languages, coverage, has_hotline_24h, verified, reviewed_at)
  SELECT o.id, o.search_document, o.name_document, tipnet_people_names_of(o.id), o.sector, o.type, o.themes,
    o.services, o.populations, o.languages, o.coverage, tipnet_has_hotline_24h(o.id),
    o.verified_at IS NOT NULL AND o.contacts_changed_at IS NULL,
    coalesce(o.last_reviewed_at, o.created_at)
  FROM organisations o WHERE o.id = org
  ON CONFLICT (organisation_id) DO UPDATE SET document = excluded.document, names = excluded.names,
    people_names = excluded.people_names, sector = excluded.sector, type = excluded.type,
    themes = excluded.themes, services = excluded.services, populations = excluded.populations,
    languages = excluded.languages, coverage = excluded.coverage, has_hotline_24h = excluded.has_hotline_24h,
    verified = excluded.verified, reviewed_at = excluded.reviewed_at;
$$;
--> statement-breakpoint
-- Every organisation's place in both alphabetical orders, as search.ts's nameOrder sorts (Thai-initial
-- names first). Renumbered whole when a name is added or changed, which is rare; the advisory lock makes
-- concurrent renumberings take turns, each seeing the other's names. Always a hash join: right after a bulk
-- insert the statistics still say the table is empty, and a nested loop then scanned it once per row.
CREATE FUNCTION tipnet_organisation_search_rank() RETURNS void LANGUAGE plpgsql SET enable_nestloop = off AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('organisation_search_rank'));
  UPDATE organisation_search s SET rank_th = r.th, rank_en = r.en
  FROM (SELECT id,
      row_number() OVER (ORDER BY name_th !~ '^[\u0E00-\u0E7F]', name_th COLLATE tipnet_thai, id)::int AS th,
      row_number() OVER (ORDER BY name_en, id)::int AS en
    FROM organisations) r
  WHERE s.organisation_id = r.id AND (s.rank_th <> r.th OR s.rank_en <> r.en);
END $$;
--> statement-breakpoint
CREATE FUNCTION tipnet_organisation_search_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tipnet_organisation_search_write(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_search
  AFTER INSERT OR UPDATE OF search_document, name_document, sector, type, themes, services, populations,
    languages, coverage, verified_at, contacts_changed_at, last_reviewed_at, created_at
  ON organisations FOR EACH ROW EXECUTE FUNCTION tipnet_organisation_search_organisation();
--> statement-breakpoint
CREATE FUNCTION tipnet_organisation_search_ranks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tipnet_organisation_search_rank();
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Once per inserting statement (a bulk import renumbers once), after the rows above are written.
CREATE TRIGGER organisations_search_ranks_inserted
  AFTER INSERT ON organisations FOR EACH STATEMENT EXECUTE FUNCTION tipnet_organisation_search_ranks();
--> statement-breakpoint
CREATE TRIGGER organisations_search_ranks_renamed
  AFTER UPDATE OF name_th, name_en ON organisations FOR EACH ROW
  WHEN (OLD.name_th IS DISTINCT FROM NEW.name_th OR OLD.name_en IS DISTINCT FROM NEW.name_en)
  EXECUTE FUNCTION tipnet_organisation_search_ranks();
--> statement-breakpoint
CREATE FUNCTION tipnet_organisation_search_people_of(org uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE organisation_search SET people_names = tipnet_people_names_of(org) WHERE organisation_id = org;
$$;
--> statement-breakpoint
CREATE FUNCTION tipnet_organisation_search_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM tipnet_organisation_search_people_of(NEW.organisation_id);
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.organisation_id <> NEW.organisation_id) THEN
    PERFORM tipnet_organisation_search_people_of(OLD.organisation_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_organisation_search
  AFTER INSERT OR DELETE OR UPDATE OF organisation_id, active, search_document ON people
  FOR EACH ROW EXECUTE FUNCTION tipnet_organisation_search_person();
--> statement-breakpoint
CREATE FUNCTION tipnet_organisation_search_hotline_of(org uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE organisation_search SET has_hotline_24h = tipnet_has_hotline_24h(org)
  WHERE organisation_id = org AND has_hotline_24h <> tipnet_has_hotline_24h(org);
$$;
--> statement-breakpoint
CREATE FUNCTION tipnet_organisation_search_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM tipnet_organisation_search_hotline_of(NEW.organisation_id);
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.organisation_id <> NEW.organisation_id) THEN
    PERFORM tipnet_organisation_search_hotline_of(OLD.organisation_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisation_contacts_search
  AFTER INSERT OR DELETE OR UPDATE OF organisation_id, type, visibility ON organisation_contacts
  FOR EACH ROW EXECUTE FUNCTION tipnet_organisation_search_contact();
--> statement-breakpoint
SELECT tipnet_organisation_search_write(id) FROM organisations;
--> statement-breakpoint
SELECT tipnet_organisation_search_rank();
