CREATE TABLE "coordination_vault_photos" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"type" text NOT NULL,
	"bytes" integer NOT NULL,
	"key_id" text NOT NULL,
	"data" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coordination_vault_photos_encrypted" CHECK ("coordination_vault_photos"."data" like 'v1:%'),
	CONSTRAINT "coordination_vault_photos_type" CHECK ("coordination_vault_photos"."type" in ('image/jpeg', 'image/png', 'image/webp'))
);
--> statement-breakpoint
ALTER TABLE "coordination_vaults" ADD COLUMN "purged_photo_count" integer;--> statement-breakpoint
ALTER TABLE "coordination_vault_photos" ADD CONSTRAINT "coordination_vault_photos_request_id_coordination_vaults_request_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_vaults"("request_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_vault_photos" ADD CONSTRAINT "coordination_vault_photos_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coordination_vault_photos_request_idx" ON "coordination_vault_photos" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "coordination_vault_photos_key_idx" ON "coordination_vault_photos" USING btree ("key_id");