ALTER TABLE "people" ADD COLUMN "position_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "abbreviation_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "mandate_and_limits_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "how_to_request_help_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "documents_required_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "office_hours_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "after_hours_contact_en" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "typical_turnaround_en" text;--> statement-breakpoint
-- Thai alphabetical order for the directory in Thai (ICU exists on PostgreSQL and PGlite alike).
CREATE COLLATION IF NOT EXISTS "tipnet_thai" (provider = icu, locale = 'th-TH');