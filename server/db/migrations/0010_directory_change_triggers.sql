-- Every statement that writes what the directory list shows bumps the 'directory' counter in its own
-- transaction, so readers see the new value exactly when they can see the new rows (a sequence would be
-- visible before commit, letting a reader cache old rows under the new value).
INSERT INTO change_counters (name, value) VALUES ('directory', 0) ON CONFLICT (name) DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION tipnet_bump_change_counter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_counters SET value = value + 1 WHERE name = TG_ARGV[0];
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organisations_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('directory');
--> statement-breakpoint
CREATE TRIGGER organisation_contacts_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisation_contacts
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('directory');
--> statement-breakpoint
CREATE TRIGGER people_directory_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('directory');
