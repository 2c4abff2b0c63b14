ALTER TABLE "organisations" ADD COLUMN "verified_contacts" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contacts_changed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "organisations_contacts_changed_idx" ON "organisations" USING btree ("contacts_changed_at") WHERE "organisations"."contacts_changed_at" is not null;--> statement-breakpoint
-- Search documents now index provinces covered and languages (search-documents.ts). They are built in
-- JavaScript, so emptying the names document marks every organisation for the rebuild at start
-- (indexUnindexedOrganisations in server/main.ts).
UPDATE "organisations" SET "name_document" = ''::tsvector;
--> statement-breakpoint
-- The list shows "changed since verification": writes of the new columns must empty the directory cache
-- like every other shown column (0011; versioned-cache.test.ts keeps the list complete).
DROP TRIGGER organisations_directory_updated ON organisations;
--> statement-breakpoint
CREATE TRIGGER organisations_directory_updated AFTER UPDATE OF
  id, name_th, name_en, abbreviation, sector, created_at, updated_at, type, parent_id, description_th,
  description_en, website, address, province_code, themes, services, populations, languages, coverage,
  eligibility_notes, shelter_capacity, capacity_updated_at, mandate_and_limits, how_to_request_help,
  documents_required, office_hours, after_hours_contact, typical_turnaround, verified_at, verified_by,
  last_reviewed_at, version, search_document, name_document, verified_contacts, contacts_changed_at
  ON organisations FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('directory');
