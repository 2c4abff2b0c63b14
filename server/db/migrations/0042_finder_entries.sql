CREATE TABLE "finder_entries" (
	"service" text NOT NULL,
	"area" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"populations" text[] DEFAULT '{}'::text[] NOT NULL,
	"has_hotline_24h" boolean NOT NULL,
	"verified" boolean NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "finder_entries_service_area_organisation_id_pk" PRIMARY KEY("service","area","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "finder_entries" ADD CONSTRAINT "finder_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finder_entries_organisation_idx" ON "finder_entries" USING btree ("organisation_id");--> statement-breakpoint
-- The finder's rows for one organisation, rewritten whole: one per service offered and area covered.
CREATE FUNCTION tipnet_finder_rewrite(org uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM finder_entries WHERE organisation_id = org;
  INSERT INTO finder_entries (service, area, organisation_id, languages, populations, has_hotline_24h, verified, name_en)
    SELECT DISTINCT s.service, a.area, o.id, o.languages, o.populations,
      EXISTS (SELECT 1 FROM organisation_contacts h
        WHERE h.organisation_id = o.id AND h.type = 'hotline_24h' AND h.visibility = 'all_members'),
      o.verified_at IS NOT NULL AND o.contacts_changed_at IS NULL,
      o.name_en
    FROM organisations o, unnest(o.services) AS s(service), unnest(o.coverage) AS a(area)
    WHERE o.id = org;
$$;
--> statement-breakpoint
CREATE FUNCTION tipnet_finder_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tipnet_finder_rewrite(NEW.id);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every column the finder filters or ranks on; a deleted organisation's rows go with it (ON DELETE CASCADE).
CREATE TRIGGER organisations_finder
  AFTER INSERT OR UPDATE OF services, coverage, languages, populations, verified_at, contacts_changed_at, name_en
  ON organisations FOR EACH ROW EXECUTE FUNCTION tipnet_finder_organisation();
--> statement-breakpoint
-- "Has a 24-hour hotline", as the finder's ranking and organisations.queries.ts's hasHotline24hSql read it.
CREATE FUNCTION tipnet_finder_hotline_of(org uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE finder_entries SET has_hotline_24h = hotline.present
    FROM (SELECT EXISTS (SELECT 1 FROM organisation_contacts h
      WHERE h.organisation_id = org AND h.type = 'hotline_24h' AND h.visibility = 'all_members') AS present) hotline
    WHERE organisation_id = org AND has_hotline_24h <> hotline.present;
$$;
--> statement-breakpoint
CREATE FUNCTION tipnet_finder_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM tipnet_finder_hotline_of(NEW.organisation_id);
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.organisation_id <> NEW.organisation_id) THEN
    PERFORM tipnet_finder_hotline_of(OLD.organisation_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER organisation_contacts_finder
  AFTER INSERT OR DELETE OR UPDATE OF organisation_id, type, visibility ON organisation_contacts
  FOR EACH ROW EXECUTE FUNCTION tipnet_finder_contact();
--> statement-breakpoint
SELECT tipnet_finder_rewrite(id) FROM organisations;
