CREATE TABLE "coordination_escalation_queue" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"next_index" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_escalations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coordination_escalations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"loop" integer NOT NULL,
	"target" text NOT NULL,
	"recipient_user_ids" uuid[] NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_roster_layers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"rotation" text NOT NULL,
	"handover_time" text NOT NULL,
	"starts_on" date NOT NULL,
	"member_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"restriction" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_roster_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"layer_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coordination_roster_overrides_span" CHECK ("coordination_roster_overrides"."ends_at" > "coordination_roster_overrides"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "coordination_escalation_queue" ADD CONSTRAINT "coordination_escalation_queue_request_id_coordination_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_escalation_queue" ADD CONSTRAINT "coordination_escalation_queue_unit_id_coordination_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."coordination_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_escalations" ADD CONSTRAINT "coordination_escalations_request_id_coordination_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_escalations" ADD CONSTRAINT "coordination_escalations_unit_id_coordination_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."coordination_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_roster_layers" ADD CONSTRAINT "coordination_roster_layers_unit_id_coordination_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."coordination_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_roster_overrides" ADD CONSTRAINT "coordination_roster_overrides_unit_id_coordination_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."coordination_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_roster_overrides" ADD CONSTRAINT "coordination_roster_overrides_layer_id_coordination_roster_layers_id_fk" FOREIGN KEY ("layer_id") REFERENCES "public"."coordination_roster_layers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_roster_overrides" ADD CONSTRAINT "coordination_roster_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_roster_overrides" ADD CONSTRAINT "coordination_roster_overrides_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_escalation_queue_due_idx" ON "coordination_escalation_queue" USING btree ("due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_escalations_once" ON "coordination_escalations" USING btree ("request_id","unit_id","step","loop");--> statement-breakpoint
CREATE INDEX "coordination_escalations_centre_idx" ON "coordination_escalations" USING btree ("fired_at") WHERE "coordination_escalations"."target" = 'centre';--> statement-breakpoint
CREATE INDEX "coordination_roster_layers_unit_idx" ON "coordination_roster_layers" USING btree ("unit_id","position");--> statement-breakpoint
CREATE INDEX "coordination_roster_overrides_unit_idx" ON "coordination_roster_overrides" USING btree ("unit_id","ends_at");--> statement-breakpoint
-- hand-written below
-- The escalation queue follows the request row, whoever writes it: a new request enters at its creation;
-- acknowledging or closing it leaves; forwarding starts again at step 0 in the new inbox.
CREATE OR REPLACE FUNCTION coordination_escalation_queue_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.acknowledged_at IS NOT NULL OR NEW.state NOT IN ('submitted', 'forwarded') THEN
    IF TG_OP = 'UPDATE' THEN
      DELETE FROM coordination_escalation_queue WHERE request_id = NEW.id;
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO coordination_escalation_queue (request_id, unit_id, next_index, due_at)
      VALUES (NEW.id, NEW.receiving_unit_id, 0, NEW.created_at) ON CONFLICT (request_id) DO NOTHING;
  ELSIF NEW.receiving_unit_id IS DISTINCT FROM OLD.receiving_unit_id THEN
    INSERT INTO coordination_escalation_queue (request_id, unit_id, next_index, due_at)
      VALUES (NEW.id, NEW.receiving_unit_id, 0, NEW.updated_at)
      ON CONFLICT (request_id) DO UPDATE SET unit_id = EXCLUDED.unit_id, next_index = 0, due_at = EXCLUDED.due_at;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
DROP TRIGGER IF EXISTS coordination_escalation_queue_sync ON coordination_requests;--> statement-breakpoint
CREATE TRIGGER coordination_escalation_queue_sync AFTER INSERT OR UPDATE ON coordination_requests
  FOR EACH ROW EXECUTE FUNCTION coordination_escalation_queue_sync();--> statement-breakpoint
-- Requests already open when rosters arrive start their escalation now, not at their creation.
INSERT INTO coordination_escalation_queue (request_id, unit_id, next_index, due_at)
  SELECT id, receiving_unit_id, 0, now() FROM coordination_requests
  WHERE acknowledged_at IS NULL AND state IN ('submitted', 'forwarded')
  ON CONFLICT (request_id) DO NOTHING;
