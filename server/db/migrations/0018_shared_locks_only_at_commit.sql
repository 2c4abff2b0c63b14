-- Two things every write shares: the audit chain (one lock, so each event has one successor) and the change
-- counters (one row per cache, so a cached read is never served after a committed change). Both used to be
-- taken mid-transaction and held to its end, across every remaining round trip to a busy application: the
-- soak test saw comments, supports and answers queue behind them for seconds, then fail on the statement
-- timeout. Now a transaction only queues its audit events and counter bumps; deferred triggers apply them at
-- COMMIT, inside the database, under the chain lock, which is therefore held for the commit alone.
-- Every commit-time step takes the chain lock before any counter row, so they cannot deadlock.

CREATE TABLE "audit_pending" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_pending_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp (3) with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"changes" jsonb NOT NULL,
	"ip" text,
	"user_agent" text,
	"client_commitment" text,
	"client_salt" text,
	"canonical" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_counter_bumps" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "change_counter_bumps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION audit_pending_append() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text;
BEGIN
  PERFORM pg_advisory_xact_lock(1096107092); -- 0x41554454, "AUDT": the chain lock
  -- A new snapshot for this statement: the head as committed by whoever held the lock before.
  SELECT hash INTO previous FROM audit_events ORDER BY id DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  INSERT INTO audit_events (at, actor_user_id, actor_organisation_id, action, entity_type, entity_id, changes,
                            ip, user_agent, client_commitment, client_salt, prev_hash, hash)
  VALUES (NEW.at, NEW.actor_user_id, NEW.actor_organisation_id, NEW.action, NEW.entity_type, NEW.entity_id,
          NEW.changes, NEW.ip, NEW.user_agent, NEW.client_commitment, NEW.client_salt, previous,
          encode(sha256(convert_to(previous || NEW.canonical, 'UTF8')), 'hex'));
  DELETE FROM audit_pending WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_pending_at_commit AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_append();
--> statement-breakpoint
CREATE FUNCTION tipnet_apply_change_counter_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1096107092); -- the chain lock first, as audit_pending_append takes it
  UPDATE change_counters SET value = value + 1 WHERE name = NEW.name;
  DELETE FROM change_counter_bumps WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER change_counter_bumps_at_commit AFTER INSERT ON change_counter_bumps
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tipnet_apply_change_counter_bump();
--> statement-breakpoint
-- The statement triggers of 0010, 0011 and 0013 keep calling this function; it now queues one bump per
-- counter per transaction (a transaction-local setting remembers it) instead of updating the row at once.
CREATE OR REPLACE FUNCTION tipnet_bump_change_counter() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tipnet.bumped_' || TG_ARGV[0], true) IS DISTINCT FROM '1' THEN
    PERFORM set_config('tipnet.bumped_' || TG_ARGV[0], '1', true);
    INSERT INTO change_counter_bumps (name) VALUES (TG_ARGV[0]);
  END IF;
  RETURN NULL;
END;
$$;
