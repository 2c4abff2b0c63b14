DROP INDEX "problems_due_idx";--> statement-breakpoint
CREATE INDEX "problems_due_idx" ON "problems" USING btree ("due_at","id");