ALTER TABLE "organisations" ADD COLUMN "verified_contacts" jsonb;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contacts_changed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "organisations_contacts_changed_idx" ON "organisations" USING btree ("contacts_changed_at") WHERE "organisations"."contacts_changed_at" is not null;--> statement-breakpoint
-- Search documents now index provinces covered and languages (search-documents.ts). They are built in
-- JavaScript, so emptying the names document marks every organisation for the rebuild at start
-- (indexUnindexedOrganisations in server/main.ts).
UPDATE "organisations" SET "name_document" = ''::tsvector;
