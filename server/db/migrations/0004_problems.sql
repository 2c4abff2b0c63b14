CREATE TABLE "problem_answers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body_th" text NOT NULL,
	"body_en" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"lead" boolean DEFAULT false NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_comment_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"comment_id" uuid NOT NULL,
	"problem_id" uuid NOT NULL,
	"reporter_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "problem_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"parent_id" uuid,
	"author_user_id" uuid NOT NULL,
	"author_organisation_id" uuid NOT NULL,
	"body" text NOT NULL,
	"mentioned_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"mentioned_organisation_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"edited_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"hidden_reason" text
);
--> statement-breakpoint
CREATE TABLE "problem_deadline_settings" (
	"category" text PRIMARY KEY NOT NULL,
	"first_answer_days" integer DEFAULT 14 NOT NULL,
	"update_interval_days" integer DEFAULT 30 NOT NULL,
	"escalation_days" integer DEFAULT 14 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"problem_id" uuid NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"visibility" text DEFAULT 'all' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_follows" (
	"problem_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "problem_follows_problem_id_user_id_pk" PRIMARY KEY("problem_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "problem_privacy_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"target" text NOT NULL,
	"problem_id" uuid,
	"findings" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "problem_supports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"context" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text NOT NULL,
	"provinces" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"proposed_solution" text,
	"source" text,
	"reporter_user_id" uuid NOT NULL,
	"reporter_organisation_id" uuid NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"state_reason" text,
	"duplicate_of_id" uuid,
	"lead_organisation_id" uuid,
	"support_count" integer DEFAULT 0 NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"assigned_at" timestamp with time zone,
	"first_answer_due_at" timestamp with time zone,
	"first_answered_at" timestamp with time zone,
	"last_answered_at" timestamp with time zone,
	"next_update_due_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"search_document" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "problems_support_count_check" CHECK ("problems"."support_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "problem_answers" ADD CONSTRAINT "problem_answers_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_answers" ADD CONSTRAINT "problem_answers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_answers" ADD CONSTRAINT "problem_answers_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_assignments" ADD CONSTRAINT "problem_assignments_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_assignments" ADD CONSTRAINT "problem_assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_assignments" ADD CONSTRAINT "problem_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comment_reports" ADD CONSTRAINT "problem_comment_reports_comment_id_problem_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."problem_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comment_reports" ADD CONSTRAINT "problem_comment_reports_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comment_reports" ADD CONSTRAINT "problem_comment_reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comment_reports" ADD CONSTRAINT "problem_comment_reports_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comments" ADD CONSTRAINT "problem_comments_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comments" ADD CONSTRAINT "problem_comments_parent_id_problem_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."problem_comments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comments" ADD CONSTRAINT "problem_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comments" ADD CONSTRAINT "problem_comments_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_comments" ADD CONSTRAINT "problem_comments_hidden_by_users_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_deadline_settings" ADD CONSTRAINT "problem_deadline_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_actor_organisation_id_organisations_id_fk" FOREIGN KEY ("actor_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_follows" ADD CONSTRAINT "problem_follows_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_follows" ADD CONSTRAINT "problem_follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_privacy_checks" ADD CONSTRAINT "problem_privacy_checks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_privacy_checks" ADD CONSTRAINT "problem_privacy_checks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_privacy_checks" ADD CONSTRAINT "problem_privacy_checks_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_supports" ADD CONSTRAINT "problem_supports_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_supports" ADD CONSTRAINT "problem_supports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_supports" ADD CONSTRAINT "problem_supports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_reporter_organisation_id_organisations_id_fk" FOREIGN KEY ("reporter_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_duplicate_of_id_problems_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_answers_problem_idx" ON "problem_answers" USING btree ("problem_id","created_at");--> statement-breakpoint
CREATE INDEX "problem_answers_org_idx" ON "problem_answers" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_assignments_key" ON "problem_assignments" USING btree ("problem_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_assignments_lead_key" ON "problem_assignments" USING btree ("problem_id") WHERE "problem_assignments"."lead";--> statement-breakpoint
CREATE INDEX "problem_assignments_org_idx" ON "problem_assignments" USING btree ("organisation_id","problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_comment_reports_key" ON "problem_comment_reports" USING btree ("comment_id","reporter_user_id");--> statement-breakpoint
CREATE INDEX "problem_comment_reports_open_idx" ON "problem_comment_reports" USING btree ("created_at") WHERE "problem_comment_reports"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "problem_comments_problem_idx" ON "problem_comments" USING btree ("problem_id","created_at","id");--> statement-breakpoint
CREATE INDEX "problem_comments_parent_idx" ON "problem_comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "problem_comments_author_idx" ON "problem_comments" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("problem_id","id");--> statement-breakpoint
CREATE INDEX "problem_follows_user_idx" ON "problem_follows" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "problem_privacy_checks_problem_idx" ON "problem_privacy_checks" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_privacy_checks_user_idx" ON "problem_privacy_checks" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_supports_key" ON "problem_supports" USING btree ("problem_id","organisation_id");--> statement-breakpoint
CREATE INDEX "problem_supports_org_idx" ON "problem_supports" USING btree ("organisation_id","problem_id");--> statement-breakpoint
CREATE INDEX "problems_created_idx" ON "problems" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "problems_state_created_idx" ON "problems" USING btree ("state","created_at","id");--> statement-breakpoint
CREATE INDEX "problems_support_idx" ON "problems" USING btree ("support_count","id");--> statement-breakpoint
CREATE INDEX "problems_due_idx" ON "problems" USING btree ("due_at","id") WHERE "problems"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "problems_category_idx" ON "problems" USING btree ("category","created_at");--> statement-breakpoint
CREATE INDEX "problems_reporter_org_idx" ON "problems" USING btree ("reporter_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "problems_lead_org_idx" ON "problems" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "problems_duplicate_of_idx" ON "problems" USING btree ("duplicate_of_id");--> statement-breakpoint
CREATE INDEX "problems_provinces_idx" ON "problems" USING gin ("provinces");--> statement-breakpoint
CREATE INDEX "problems_sectors_idx" ON "problems" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "problems_search_idx" ON "problems" USING gin ("search_document");