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
	"rank_th" bigint DEFAULT 0 NOT NULL,
	"rank_en" bigint DEFAULT 0 NOT NULL
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
-- Each organisation's place in one alphabetical order ('th': Thai-initial names first, in Thai
-- collation; 'en'), as search.ts reads it: ranks spaced 65,536 apart, so a new or renamed organisation
-- (`placed`) takes a rank between its neighbours' and no other row is rewritten (each rewrite of a row
-- also rewrites its GIN entries). Only when there is no room between two neighbours is the whole order
-- renumbered. Always a hash join: right after a bulk insert the statistics still say the table is empty,
-- and a nested loop then scanned it once per row. The advisory lock makes concurrent placings take turns.
CREATE FUNCTION tipnet_organisation_search_place(placed uuid[], language text) RETURNS void
LANGUAGE plpgsql SET enable_nestloop = off AS $$
DECLARE
  rank_column text := CASE language WHEN 'th' THEN 'rank_th' ELSE 'rank_en' END;
  sort_key text := CASE language
    WHEN 'th' THEN $k$o.name_th !~ '^[\u0E00-\u0E7F]', o.name_th COLLATE tipnet_thai, o.id$k$
    ELSE 'o.name_en, o.id' END;
  crowded boolean;
  ids uuid[];
  ranks bigint[];
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('organisation_search_rank'));
  EXECUTE format($q$
    WITH ordered AS (
      SELECT s.organisation_id, s.organisation_id = ANY($1) AS placed, s.%1$I AS rank,
        row_number() OVER (ORDER BY %2$s) AS pos
      FROM organisation_search s JOIN organisations o ON o.id = s.organisation_id
    ), bounded AS (
      SELECT organisation_id, placed, pos,
        max(rank) FILTER (WHERE NOT placed) OVER (ORDER BY pos) AS below,
        min(rank) FILTER (WHERE NOT placed) OVER (ORDER BY pos DESC) AS above
      FROM ordered
    ), runs AS (
      SELECT organisation_id, coalesce(below, 0) AS lo, above AS hi,
        row_number() OVER (PARTITION BY below, above ORDER BY pos) AS i,
        count(*) OVER (PARTITION BY below, above) AS k
      FROM bounded WHERE placed
    )
    SELECT coalesce(bool_or(hi IS NOT NULL AND hi - lo <= k), false), array_agg(organisation_id),
      array_agg(lo + (coalesce(hi, lo + (k + 1) * 65536) - lo) * i / (k + 1))
    FROM runs$q$, rank_column, sort_key)
  INTO crowded, ids, ranks USING placed;
  IF crowded THEN
    EXECUTE format($q$
      UPDATE organisation_search s SET %1$I = r.pos * 65536
      FROM (SELECT o.id, row_number() OVER (ORDER BY %2$s) AS pos FROM organisations o) r
      WHERE s.organisation_id = r.id AND s.%1$I <> r.pos * 65536$q$, rank_column, sort_key);
  ELSIF ids IS NOT NULL THEN
    EXECUTE format($q$
      UPDATE organisation_search s SET %1$I = r.rank FROM unnest($1, $2) AS r(id, rank)
      WHERE s.organisation_id = r.id$q$, rank_column)
    USING ids, ranks;
  END IF;
END $$;
--> statement-breakpoint
-- New organisations, once per inserting statement (a bulk import writes and renumbers once). They have no
-- people and no contacts yet: those reference them.
CREATE FUNCTION tipnet_organisation_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO organisation_search (organisation_id, document, names, people_names, sector, type, themes,
    services, populations, languages, coverage, has_hotline_24h, verified, reviewed_at)
  SELECT o.id, o.search_document, o.name_document, ''::tsvector, o.sector, o.type, o.themes, o.services,
    o.populations, o.languages, o.coverage, false, o.verified_at IS NOT NULL AND o.contacts_changed_at IS NULL,
    coalesce(o.last_reviewed_at, o.created_at)
  FROM new_organisations o;
  PERFORM tipnet_organisation_search_place(array(SELECT id FROM new_organisations), 'th');
  PERFORM tipnet_organisation_search_place(array(SELECT id FROM new_organisations), 'en');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_search_inserted AFTER INSERT ON organisations
  REFERENCING NEW TABLE AS new_organisations FOR EACH STATEMENT EXECUTE FUNCTION tipnet_organisation_search_inserted();
--> statement-breakpoint
-- An edit: the row follows its organisation's columns (people and contacts have triggers of their own).
CREATE FUNCTION tipnet_organisation_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organisation_search SET document = NEW.search_document, names = NEW.name_document,
    sector = NEW.sector, type = NEW.type, themes = NEW.themes, services = NEW.services,
    populations = NEW.populations, languages = NEW.languages, coverage = NEW.coverage,
    verified = NEW.verified_at IS NOT NULL AND NEW.contacts_changed_at IS NULL,
    reviewed_at = coalesce(NEW.last_reviewed_at, NEW.created_at)
  WHERE organisation_id = NEW.id;
  IF OLD.name_th IS DISTINCT FROM NEW.name_th THEN
    PERFORM tipnet_organisation_search_place(ARRAY[NEW.id], 'th');
  END IF;
  IF OLD.name_en IS DISTINCT FROM NEW.name_en THEN
    PERFORM tipnet_organisation_search_place(ARRAY[NEW.id], 'en');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisations_search_updated
  AFTER UPDATE OF search_document, name_document, name_th, name_en, sector, type, themes, services,
    populations, languages, coverage, verified_at, contacts_changed_at, last_reviewed_at, created_at
  ON organisations FOR EACH ROW EXECUTE FUNCTION tipnet_organisation_search_updated();
--> statement-breakpoint
-- Statement triggers with transition tables: a bulk insert of people (an import, the synthetic network)
-- recomputes each organisation's names once, not once per person.
CREATE FUNCTION tipnet_organisation_search_people() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- An update that changed none of what the names come from (phones, positions) has nothing to do.
  IF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_people o JOIN new_people n ON n.id = o.id
        WHERE (o.organisation_id, o.active, o.search_document)
          IS DISTINCT FROM (n.organisation_id, n.active, n.search_document)) THEN
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE organisation_search SET people_names = tipnet_people_names_of(organisation_id)
    WHERE organisation_id IN (SELECT organisation_id FROM new_people);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE organisation_search SET people_names = tipnet_people_names_of(organisation_id)
    WHERE organisation_id IN (SELECT organisation_id FROM old_people);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER people_organisation_search_inserted AFTER INSERT ON people
  REFERENCING NEW TABLE AS new_people FOR EACH STATEMENT EXECUTE FUNCTION tipnet_organisation_search_people();
--> statement-breakpoint
CREATE TRIGGER people_organisation_search_updated AFTER UPDATE ON people
  REFERENCING OLD TABLE AS old_people NEW TABLE AS new_people
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_organisation_search_people();
--> statement-breakpoint
CREATE TRIGGER people_organisation_search_deleted AFTER DELETE ON people
  REFERENCING OLD TABLE AS old_people FOR EACH STATEMENT EXECUTE FUNCTION tipnet_organisation_search_people();
--> statement-breakpoint
-- The hotline flag, as the people's names: once per statement over the organisations it touched.
CREATE FUNCTION tipnet_organisation_search_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE organisation_search SET has_hotline_24h = tipnet_has_hotline_24h(organisation_id)
    WHERE organisation_id IN (SELECT organisation_id FROM new_contacts)
      AND has_hotline_24h <> tipnet_has_hotline_24h(organisation_id);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE organisation_search SET has_hotline_24h = tipnet_has_hotline_24h(organisation_id)
    WHERE organisation_id IN (SELECT organisation_id FROM old_contacts)
      AND has_hotline_24h <> tipnet_has_hotline_24h(organisation_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisation_contacts_search_inserted AFTER INSERT ON organisation_contacts
  REFERENCING NEW TABLE AS new_contacts FOR EACH STATEMENT EXECUTE FUNCTION tipnet_organisation_search_contacts();
--> statement-breakpoint
CREATE TRIGGER organisation_contacts_search_updated AFTER UPDATE ON organisation_contacts
  REFERENCING OLD TABLE AS old_contacts NEW TABLE AS new_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_organisation_search_contacts();
--> statement-breakpoint
CREATE TRIGGER organisation_contacts_search_deleted AFTER DELETE ON organisation_contacts
  REFERENCING OLD TABLE AS old_contacts FOR EACH STATEMENT EXECUTE FUNCTION tipnet_organisation_search_contacts();
--> statement-breakpoint
INSERT INTO organisation_search (organisation_id, document, names, people_names, sector, type, themes,
  services, populations, languages, coverage, has_hotline_24h, verified, reviewed_at)
SELECT o.id, o.search_document, o.name_document, tipnet_people_names_of(o.id), o.sector, o.type, o.themes,
  o.services, o.populations, o.languages, o.coverage, tipnet_has_hotline_24h(o.id),
  o.verified_at IS NOT NULL AND o.contacts_changed_at IS NULL, coalesce(o.last_reviewed_at, o.created_at)
FROM organisations o;
--> statement-breakpoint
SELECT tipnet_organisation_search_place(array(SELECT organisation_id FROM organisation_search), 'th');
--> statement-breakpoint
SELECT tipnet_organisation_search_place(array(SELECT organisation_id FROM organisation_search), 'en');
