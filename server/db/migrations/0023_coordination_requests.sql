CREATE TABLE "coordination_request_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coordination_request_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"request_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"unit_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"requesting_organisation_id" uuid NOT NULL,
	"requester_user_id" uuid NOT NULL,
	"receiving_unit_id" uuid NOT NULL,
	"type" text NOT NULL,
	"urgency" text NOT NULL,
	"sla_policy_version" integer NOT NULL,
	"province" text NOT NULL,
	"language" text,
	"people_count" integer NOT NULL,
	"age_bands" text[] DEFAULT '{}'::text[] NOT NULL,
	"sexes" text[] DEFAULT '{}'::text[] NOT NULL,
	"nationalities" text[] DEFAULT '{}'::text[] NOT NULL,
	"needs" text NOT NULL,
	"context" text,
	"state" text DEFAULT 'submitted' NOT NULL,
	"state_reason" text,
	"acknowledged_by_user_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"outcome" text,
	"outcome_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "coordination_requests_people_count" CHECK ("coordination_requests"."people_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "coordination_unit_members" (
	"unit_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coordination_unit_members_unit_id_user_id_pk" PRIMARY KEY("unit_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "coordination_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"coverage" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coordination_request_events" ADD CONSTRAINT "coordination_request_events_request_id_coordination_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_request_events" ADD CONSTRAINT "coordination_request_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_request_events" ADD CONSTRAINT "coordination_request_events_actor_organisation_id_organisations_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_request_events" ADD CONSTRAINT "coordination_request_events_unit_id_coordination_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."coordination_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_requesting_organisation_id_organisations_id_fk" FOREIGN KEY ("requesting_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_receiving_unit_id_coordination_units_id_fk" FOREIGN KEY ("receiving_unit_id") REFERENCES "public"."coordination_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_requests" ADD CONSTRAINT "coordination_requests_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_unit_members" ADD CONSTRAINT "coordination_unit_members_unit_id_coordination_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."coordination_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_unit_members" ADD CONSTRAINT "coordination_unit_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_units" ADD CONSTRAINT "coordination_units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_request_events_request_idx" ON "coordination_request_events" USING btree ("request_id","id");--> statement-breakpoint
CREATE INDEX "coordination_requests_inbox_idx" ON "coordination_requests" USING btree ("receiving_unit_id","created_at","id");--> statement-breakpoint
CREATE INDEX "coordination_requests_outgoing_idx" ON "coordination_requests" USING btree ("requesting_organisation_id","created_at","id");--> statement-breakpoint
CREATE INDEX "coordination_unit_members_user_idx" ON "coordination_unit_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "coordination_units_organisation_idx" ON "coordination_units" USING btree ("organisation_id");--> statement-breakpoint
-- The request timeline is append-only: history is never rewritten, so SLA figures computed from it hold.
CREATE FUNCTION coordination_request_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'coordination_request_events is append-only';
END $$;--> statement-breakpoint
CREATE TRIGGER coordination_request_events_no_change BEFORE UPDATE OR DELETE ON coordination_request_events
  FOR EACH ROW EXECUTE FUNCTION coordination_request_events_append_only();
