-- Every statement that writes what the board or a problem's page shows bumps the 'problems' counter in its
-- own transaction (see 0010), so their caches are never served after a committed change. Organisation names
-- come from the 'directory' counter, which readers of problems check too.
INSERT INTO change_counters (name, value) VALUES ('problems', 0) ON CONFLICT (name) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER problems_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problems
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
CREATE TRIGGER problem_supports_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problem_supports
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
CREATE TRIGGER problem_comments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problem_comments
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
CREATE TRIGGER problem_comment_reports_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problem_comment_reports
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
CREATE TRIGGER problem_follows_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problem_follows
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
CREATE TRIGGER problem_assignments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problem_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
CREATE TRIGGER problem_answers_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problem_answers
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
CREATE TRIGGER problem_events_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON problem_events
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
-- Pages show people's names; signing in (last_login_at) and other account updates change nothing shown.
CREATE TRIGGER users_problems_changed AFTER INSERT OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
--> statement-breakpoint
CREATE TRIGGER users_problems_renamed AFTER UPDATE OF display_name ON users
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_bump_change_counter('problems');
