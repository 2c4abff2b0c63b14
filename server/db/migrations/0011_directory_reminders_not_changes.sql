-- Sending a stale-entry reminder (stale_reminder_sent_at) changes nothing the directory shows, but the job
-- touches hundreds of rows one by one: every update emptied the directory cache. Updates now count only
-- when they set a column the directory shows; a test keeps this list equal to every other column.
DROP TRIGGER organisations_directory_changed ON organisations;
--> statement-breakpoint
CREATE TRIGGER organisations_directory_changed AFTER INSERT OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('directory');
--> statement-breakpoint
CREATE TRIGGER organisations_directory_updated AFTER UPDATE OF
  id, name_th, name_en, abbreviation, sector, created_at, updated_at, type, parent_id, description_th,
  description_en, website, address, province_code, themes, services, populations, languages, coverage,
  eligibility_notes, shelter_capacity, capacity_updated_at, mandate_and_limits, how_to_request_help,
  documents_required, office_hours, after_hours_contact, typical_turnaround, verified_at, verified_by,
  last_reviewed_at, version, search_document, name_document
  ON organisations FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('directory');
