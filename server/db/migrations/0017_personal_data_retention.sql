ALTER TABLE "audit_events" ADD COLUMN "client_commitment" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "client_salt" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_emails" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "anonymised_at" timestamp with time zone;--> statement-breakpoint
-- Audit events stay append-only, with one exception (ADR 0009): the retention purge may null the IP
-- address, browser and salt of an event whose hash covers only their salted commitment. Nothing else may
-- change, and events written before this migration (no commitment) keep their IP: it is in their hash.
CREATE OR REPLACE FUNCTION audit_events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_LEVEL = 'ROW' THEN
    IF OLD.client_commitment IS NOT NULL
      AND NEW.ip IS NULL AND NEW.user_agent IS NULL AND NEW.client_salt IS NULL
      AND (NEW.id, NEW.at, NEW.actor_user_id, NEW.actor_organisation_id, NEW.action, NEW.entity_type,
           NEW.entity_id, NEW.changes, NEW.client_commitment, NEW.prev_hash, NEW.hash)
        IS NOT DISTINCT FROM
          (OLD.id, OLD.at, OLD.actor_user_id, OLD.actor_organisation_id, OLD.action, OLD.entity_type,
           OLD.entity_id, OLD.changes, OLD.client_commitment, OLD.prev_hash, OLD.hash)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% rejected)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
