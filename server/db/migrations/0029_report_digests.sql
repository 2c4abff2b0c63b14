CREATE TABLE "report_digests" (
	"organisation_id" uuid NOT NULL,
	"period" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_digests_organisation_id_period_pk" PRIMARY KEY("organisation_id","period")
);
--> statement-breakpoint
ALTER TABLE "report_digests" ADD CONSTRAINT "report_digests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;