-- Every instance LISTENs on tipnet_problem_events and fans new timeline events out to notifications at once
-- (NOTIFY is delivered on commit, so a listener never sees an event before it is readable).
CREATE FUNCTION tipnet_notify_problem_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tipnet_problem_events', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER problem_events_notify AFTER INSERT ON problem_events
  FOR EACH STATEMENT EXECUTE FUNCTION tipnet_notify_problem_events();
