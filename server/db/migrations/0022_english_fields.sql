ALTER TABLE "people" ADD COLUMN "position_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "abbreviation_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "mandate_and_limits_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "how_to_request_help_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "documents_required_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "office_hours_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "after_hours_contact_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "typical_turnaround_en" text;--> statement-breakpoint
-- Thai alphabetical order for the directory in Thai (ICU exists on PostgreSQL and PGlite alike).
CREATE COLLATION IF NOT EXISTS "tipnet_thai" (provider = icu, locale = 'th-TH');
--> statement-breakpoint
-- The English fields are shown in the directory: writing them must empty its cache like every other shown
-- column (0011; versioned-cache.test.ts keeps the list complete).
DROP TRIGGER organisations_directory_updated ON organisations;
--> statement-breakpoint
CREATE TRIGGER organisations_directory_updated AFTER UPDATE OF
  id, name_th, name_en, abbreviation, sector, created_at, updated_at, type, parent_id, description_th,
  description_en, website, address, province_code, themes, services, populations, languages, coverage,
  eligibility_notes, shelter_capacity, capacity_updated_at, mandate_and_limits, how_to_request_help,
  documents_required, office_hours, after_hours_contact, typical_turnaround, verified_at, verified_by,
  last_reviewed_at, version, search_document, name_document, verified_contacts, contacts_changed_at,
  abbreviation_en, mandate_and_limits_en, how_to_request_help_en, documents_required_en, office_hours_en,
  after_hours_contact_en, typical_turnaround_en
  ON organisations FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('directory');
