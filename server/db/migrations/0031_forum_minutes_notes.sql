CREATE TABLE "forum_minutes_notes" (
	"agenda_item_id" uuid PRIMARY KEY NOT NULL,
	"notes" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "forum_minutes" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "forum_minutes_notes" ADD CONSTRAINT "forum_minutes_notes_agenda_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE cascade ON UPDATE no action;