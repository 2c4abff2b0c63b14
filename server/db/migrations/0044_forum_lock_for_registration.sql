-- A registration's critical section in one round trip instead of two. It locks the event row, then counts
-- the places held and finds the registrant's own registration. The count must see what whoever held the
-- lock before committed, so it cannot share the locking statement's snapshot; in READ COMMITTED each
-- statement of a volatile PL/pgSQL function takes a new one. The event's row itself is not returned: the
-- caller read it just before, and compares the version locked here with the one it read.
CREATE FUNCTION tipnet_forum_lock_for_registration(p_event uuid, p_user uuid) RETURNS json
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  locked_version integer;
BEGIN
  SELECT version INTO locked_version FROM forum_events WHERE id = p_event FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  RETURN json_build_object(
    'version', locked_version,
    'held', coalesce((
      SELECT json_agg(json_build_object('organisationId', organisation_id, 'hostPlace', host_place, 'n', n))
      FROM (SELECT organisation_id, host_place, count(*)::int AS n
            FROM forum_registrations
            WHERE event_id = p_event AND state = 'confirmed'
            GROUP BY 1, 2) held), '[]'::json),
    'mine', (SELECT json_build_object('id', id, 'state', state)
             FROM forum_registrations
             WHERE event_id = p_event AND user_id = p_user));
END;
$$;
