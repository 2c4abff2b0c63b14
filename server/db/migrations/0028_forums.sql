CREATE SEQUENCE "public"."forum_registration_queue_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "forum_action_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"from_status" text,
	"to_status" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "forum_action_reminders" (
	"action_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_on" date NOT NULL,
	CONSTRAINT "forum_action_reminders_action_id_kind_sent_on_pk" PRIMARY KEY("action_id","kind","sent_on")
);
--> statement-breakpoint
CREATE TABLE "forum_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"title_th" text NOT NULL,
	"title_en" text,
	"owner_organisation_id" uuid NOT NULL,
	"responsible_user_id" uuid,
	"responsible_name" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_agenda_item_problems" (
	"item_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	CONSTRAINT "forum_agenda_item_problems_item_id_problem_id_pk" PRIMARY KEY("item_id","problem_id")
);
--> statement-breakpoint
CREATE TABLE "forum_agenda_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"starts_at" timestamp with time zone,
	"duration_minutes" integer,
	"presenting_organisation_id" uuid,
	"recurring" boolean DEFAULT false NOT NULL,
	"discussed" boolean,
	"origin" text DEFAULT 'new' NOT NULL,
	"carried_from_item_id" uuid,
	"carried_action_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_checkins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"method" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"scanned_by" uuid,
	"client_scan_id" text,
	CONSTRAINT "forum_checkins_registration_id_unique" UNIQUE("registration_id"),
	CONSTRAINT "forum_checkins_client_scan_id_unique" UNIQUE("client_scan_id")
);
--> statement-breakpoint
CREATE TABLE "forum_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"position" integer NOT NULL,
	"text_th" text NOT NULL,
	"text_en" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_event_hosts" (
	"event_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "forum_event_hosts_event_id_organisation_id_pk" PRIMARY KEY("event_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "forum_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"series_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"format" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"province_code" text,
	"venue_th" text,
	"venue_en" text,
	"address" text,
	"map_url" text,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"chair_th" text,
	"chair_en" text,
	"objectives_th" text,
	"objectives_en" text,
	"registration_mode" text DEFAULT 'open' NOT NULL,
	"capacity" integer NOT NULL,
	"reserved_for_hosts" integer DEFAULT 0 NOT NULL,
	"per_organisation_cap" integer DEFAULT 3 NOT NULL,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"privacy_notice_version" text NOT NULL,
	"personal_data_purged_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "forum_events_times_check" CHECK ("forum_events"."ends_at" > "forum_events"."starts_at"),
	CONSTRAINT "forum_events_capacity_check" CHECK ("forum_events"."capacity" > 0 and "forum_events"."reserved_for_hosts" between 0 and "forum_events"."capacity"),
	CONSTRAINT "forum_events_cap_check" CHECK ("forum_events"."per_organisation_cap" > 0)
);
--> statement-breakpoint
CREATE TABLE "forum_feed_tokens" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "forum_feed_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "forum_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sector" text,
	"organisation_id" uuid,
	"user_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "forum_invitations_target_check" CHECK (("forum_invitations"."kind" = 'sector' and "forum_invitations"."sector" is not null and "forum_invitations"."organisation_id" is null and "forum_invitations"."user_id" is null)
       or ("forum_invitations"."kind" = 'organisation' and "forum_invitations"."organisation_id" is not null and "forum_invitations"."sector" is null and "forum_invitations"."user_id" is null)
       or ("forum_invitations"."kind" = 'person' and "forum_invitations"."user_id" is not null and "forum_invitations"."sector" is null and "forum_invitations"."organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "forum_minutes" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"summary_th" text,
	"summary_en" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "forum_minutes_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_minutes_versions" (
	"event_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"finalised_at" timestamp with time zone NOT NULL,
	"finalised_by" uuid,
	CONSTRAINT "forum_minutes_versions_event_id_version_pk" PRIMARY KEY("event_id","version")
);
--> statement-breakpoint
CREATE TABLE "forum_poll_votes" (
	"poll_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"option_ids" text[] NOT NULL,
	"voted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "forum_poll_votes_poll_id_registration_id_pk" PRIMARY KEY("poll_id","registration_id")
);
--> statement-breakpoint
CREATE TABLE "forum_polls" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"question_th" text NOT NULL,
	"question_en" text NOT NULL,
	"kind" text NOT NULL,
	"options" jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid,
	"organisation_id" uuid,
	"sector" text,
	"state" text NOT NULL,
	"invited" boolean DEFAULT false NOT NULL,
	"host_place" boolean DEFAULT false NOT NULL,
	"queue_number" bigint DEFAULT nextval('forum_registration_queue_seq') NOT NULL,
	"confirm_by" timestamp with time zone,
	"ticket_code" text NOT NULL,
	"language" text DEFAULT 'th' NOT NULL,
	"guest_name" text,
	"guest_organisation_name" text,
	"email" text,
	"phone" text,
	"dietary_notes" text,
	"privacy_accepted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"end_reason" text,
	"personal_data_purged_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "forum_registrations_ticket_code_unique" UNIQUE("ticket_code")
);
--> statement-breakpoint
CREATE TABLE "forum_series" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"description_th" text,
	"description_en" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "forum_series_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "forum_summaries" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title_th" text NOT NULL,
	"title_en" text NOT NULL,
	"body_th" text NOT NULL,
	"body_en" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "forum_survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forum_survey_submissions" (
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "forum_survey_submissions_event_id_user_id_pk" PRIMARY KEY("event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "forum_surveys" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"questions" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"invitations_sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "source_event_id" uuid;--> statement-breakpoint
ALTER TABLE "problems" ADD COLUMN "source_agenda_item_id" uuid;--> statement-breakpoint
ALTER TABLE "forum_action_events" ADD CONSTRAINT "forum_action_events_action_id_forum_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."forum_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_action_events" ADD CONSTRAINT "forum_action_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_action_reminders" ADD CONSTRAINT "forum_action_reminders_action_id_forum_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."forum_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_actions" ADD CONSTRAINT "forum_actions_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_actions" ADD CONSTRAINT "forum_actions_agenda_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_actions" ADD CONSTRAINT "forum_actions_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_actions" ADD CONSTRAINT "forum_actions_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_item_problems" ADD CONSTRAINT "forum_agenda_item_problems_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_item_problems" ADD CONSTRAINT "forum_agenda_item_problems_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_parent_id_forum_agenda_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_presenting_organisation_id_organisations_id_fk" FOREIGN KEY ("presenting_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_carried_from_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("carried_from_item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_checkins" ADD CONSTRAINT "forum_checkins_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_checkins" ADD CONSTRAINT "forum_checkins_registration_id_forum_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."forum_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_checkins" ADD CONSTRAINT "forum_checkins_scanned_by_users_id_fk" FOREIGN KEY ("scanned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_decisions" ADD CONSTRAINT "forum_decisions_agenda_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_event_hosts" ADD CONSTRAINT "forum_event_hosts_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_event_hosts" ADD CONSTRAINT "forum_event_hosts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_events" ADD CONSTRAINT "forum_events_series_id_forum_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."forum_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_events" ADD CONSTRAINT "forum_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_feed_tokens" ADD CONSTRAINT "forum_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_feed_tokens" ADD CONSTRAINT "forum_feed_tokens_series_id_forum_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."forum_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_invitations" ADD CONSTRAINT "forum_invitations_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_invitations" ADD CONSTRAINT "forum_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_invitations" ADD CONSTRAINT "forum_invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_invitations" ADD CONSTRAINT "forum_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes" ADD CONSTRAINT "forum_minutes_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes" ADD CONSTRAINT "forum_minutes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes_comments" ADD CONSTRAINT "forum_minutes_comments_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes_comments" ADD CONSTRAINT "forum_minutes_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes_comments" ADD CONSTRAINT "forum_minutes_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes_versions" ADD CONSTRAINT "forum_minutes_versions_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_minutes_versions" ADD CONSTRAINT "forum_minutes_versions_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_poll_votes" ADD CONSTRAINT "forum_poll_votes_poll_id_forum_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."forum_polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_poll_votes" ADD CONSTRAINT "forum_poll_votes_registration_id_forum_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."forum_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_polls" ADD CONSTRAINT "forum_polls_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_polls" ADD CONSTRAINT "forum_polls_agenda_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_registrations" ADD CONSTRAINT "forum_registrations_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_registrations" ADD CONSTRAINT "forum_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_registrations" ADD CONSTRAINT "forum_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_summaries" ADD CONSTRAINT "forum_summaries_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_summaries" ADD CONSTRAINT "forum_summaries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_survey_responses" ADD CONSTRAINT "forum_survey_responses_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_survey_submissions" ADD CONSTRAINT "forum_survey_submissions_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_survey_submissions" ADD CONSTRAINT "forum_survey_submissions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forum_surveys" ADD CONSTRAINT "forum_surveys_event_id_forum_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."forum_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forum_action_events_action_idx" ON "forum_action_events" USING btree ("action_id","at");--> statement-breakpoint
CREATE INDEX "forum_actions_owner_idx" ON "forum_actions" USING btree ("owner_organisation_id","status","due_on");--> statement-breakpoint
CREATE INDEX "forum_actions_event_idx" ON "forum_actions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "forum_agenda_items_event_idx" ON "forum_agenda_items" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "forum_checkins_event_idx" ON "forum_checkins" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "forum_decisions_event_idx" ON "forum_decisions" USING btree ("event_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_events_series_number_idx" ON "forum_events" USING btree ("series_id","number");--> statement-breakpoint
CREATE INDEX "forum_events_starts_idx" ON "forum_events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "forum_feed_tokens_user_idx" ON "forum_feed_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "forum_invitations_event_idx" ON "forum_invitations" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "forum_minutes_comments_event_idx" ON "forum_minutes_comments" USING btree ("event_id","created_at");--> statement-breakpoint
CREATE INDEX "forum_polls_event_idx" ON "forum_polls" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "forum_registrations_event_user_idx" ON "forum_registrations" USING btree ("event_id","user_id") WHERE "forum_registrations"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "forum_registrations_event_state_idx" ON "forum_registrations" USING btree ("event_id","state","queue_number");--> statement-breakpoint
CREATE INDEX "forum_registrations_user_idx" ON "forum_registrations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "forum_survey_responses_event_idx" ON "forum_survey_responses" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_source_event_id_forum_events_id_fk" FOREIGN KEY ("source_event_id") REFERENCES "public"."forum_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_source_agenda_item_id_forum_agenda_items_id_fk" FOREIGN KEY ("source_agenda_item_id") REFERENCES "public"."forum_agenda_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- hand-written below
ALTER TABLE "forum_agenda_items" ADD CONSTRAINT "forum_agenda_items_carried_action_id_fk" FOREIGN KEY ("carried_action_id") REFERENCES "public"."forum_actions"("id") ON DELETE set null;--> statement-breakpoint
CREATE INDEX "problems_source_event_idx" ON "problems" ("source_event_id") WHERE "source_event_id" IS NOT NULL;--> statement-breakpoint
-- The network's one series; its events are numbered "Let's Talk TIP #N".
INSERT INTO "forum_series" ("id", "slug", "name_th", "name_en", "description_th", "description_en", "created_at")
VALUES ('6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0001', 'lets-talk-tip', 'Let''s Talk TIP', 'Let''s Talk TIP',
  'เวทีเครือข่ายภาครัฐ เอกชน และภาคประชาสังคม เพื่อรู้จักกัน รับฟังปัญหาและข้อเสนอแนะของแต่ละภาคส่วน และตกลงแนวทางการทำงานร่วมกันในการป้องกันและปราบปรามการค้ามนุษย์',
  'The network forum of government, private-sector and civil-society organisations: to know each other, hear each sector''s problems and recommendations, and agree how to work together against human trafficking.',
  now());
