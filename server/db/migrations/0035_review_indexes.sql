CREATE INDEX "problem_answers_created_idx" ON "problem_answers" USING btree ("created_at","problem_id","organisation_id");--> statement-breakpoint
CREATE INDEX "problem_assignments_assigned_idx" ON "problem_assignments" USING btree ("assigned_at","problem_id","organisation_id");--> statement-breakpoint
CREATE INDEX "problem_assignments_org_assigned_idx" ON "problem_assignments" USING btree ("organisation_id","assigned_at");--> statement-breakpoint
CREATE INDEX "problem_supports_created_idx" ON "problem_supports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "problems_raised_report_idx" ON "problems" USING btree ("created_at","category","reporter_organisation_id","sectors");--> statement-breakpoint
CREATE INDEX "problems_answered_report_idx" ON "problems" USING btree ("first_answered_at","category","reporter_organisation_id","sectors") WHERE "problems"."first_answered_at" is not null;--> statement-breakpoint
CREATE INDEX "problems_resolved_report_idx" ON "problems" USING btree ("closed_at","type","category","reporter_organisation_id","sectors") WHERE "problems"."state" = 'resolved';