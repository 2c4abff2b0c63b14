CREATE TABLE "coordination_vault_break_glass" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"admin_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_how" text
);
--> statement-breakpoint
CREATE TABLE "coordination_vault_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key_id" text NOT NULL,
	"value" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coordination_vault_entries_encrypted" CHECK ("coordination_vault_entries"."value" like 'v1:%')
);
--> statement-breakpoint
CREATE TABLE "coordination_vaults" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"consent_given_by" text,
	"consent_given_at" timestamp with time zone,
	"consent_purpose" text,
	"consent_recorded_by_user_id" uuid,
	"consent_recorded_at" timestamp with time zone,
	"override_reason" text,
	"override_by_user_id" uuid,
	"override_at" timestamp with time zone,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"legal_hold_reason" text,
	"legal_hold_by_user_id" uuid,
	"legal_hold_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"purged_by_user_id" uuid,
	"purged_entry_count" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coordination_vault_break_glass" ADD CONSTRAINT "coordination_vault_break_glass_request_id_coordination_vaults_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_vaults"("request_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vault_break_glass" ADD CONSTRAINT "coordination_vault_break_glass_admin_user_id_users_id_fk" FOREIGN KEY ("admin_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vault_entries" ADD CONSTRAINT "coordination_vault_entries_request_id_coordination_vaults_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_vaults"("request_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vault_entries" ADD CONSTRAINT "coordination_vault_entries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vaults" ADD CONSTRAINT "coordination_vaults_request_id_coordination_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vaults" ADD CONSTRAINT "coordination_vaults_consent_recorded_by_user_id_users_id_fk" FOREIGN KEY ("consent_recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vaults" ADD CONSTRAINT "coordination_vaults_override_by_user_id_users_id_fk" FOREIGN KEY ("override_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vaults" ADD CONSTRAINT "coordination_vaults_legal_hold_by_user_id_users_id_fk" FOREIGN KEY ("legal_hold_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vaults" ADD CONSTRAINT "coordination_vaults_purged_by_user_id_users_id_fk" FOREIGN KEY ("purged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_vault_break_glass_open_idx" ON "coordination_vault_break_glass" USING btree ("expires_at") WHERE "coordination_vault_break_glass"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "coordination_vault_break_glass_request_idx" ON "coordination_vault_break_glass" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "coordination_vault_entries_request_idx" ON "coordination_vault_entries" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "coordination_vault_entries_key_idx" ON "coordination_vault_entries" USING btree ("key_id");