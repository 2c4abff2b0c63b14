CREATE TABLE "problem_board" (
	"problem_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"category" text NOT NULL,
	"state" text NOT NULL,
	"provinces" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"reporter_organisation_id" uuid NOT NULL,
	"support_count" integer NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"document" "tsvector" NOT NULL,
	"title_document" "tsvector" NOT NULL
);
--> statement-breakpoint
-- Rows past 128 bytes move their largest values out of line: the documents, so the heap a walk in order
-- reads is ~200 bytes a problem. The codes stay in line and uncompressed: every walked row's filters read them.
ALTER TABLE "problem_board" SET (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE "problem_board" ALTER COLUMN "provinces" SET STORAGE PLAIN, ALTER COLUMN "sectors" SET STORAGE PLAIN;
--> statement-breakpoint
INSERT INTO problem_board (problem_id, type, category, state, provinces, sectors, reporter_organisation_id, support_count, due_at,
    created_at, document, title_document)
  SELECT p.id, p.type, p.category, p.state, p.provinces, p.sectors, p.reporter_organisation_id, p.support_count,
    p.due_at, p.created_at, p.search_document, coalesce(p.title_document, ''::tsvector)
  FROM problems p;
--> statement-breakpoint
DROP INDEX "problems_search_idx";--> statement-breakpoint
DROP INDEX "problems_title_search_idx";--> statement-breakpoint
ALTER TABLE "problem_board" ADD CONSTRAINT "problem_board_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_board_created_idx" ON "problem_board" USING btree ("created_at","problem_id");--> statement-breakpoint
CREATE INDEX "problem_board_state_created_idx" ON "problem_board" USING btree ("state","created_at","problem_id");--> statement-breakpoint
CREATE INDEX "problem_board_support_idx" ON "problem_board" USING btree ("support_count","problem_id");--> statement-breakpoint
CREATE INDEX "problem_board_due_idx" ON "problem_board" USING btree ("due_at","problem_id");--> statement-breakpoint
CREATE INDEX "problem_board_with_deadline_created_idx" ON "problem_board" USING btree ("created_at","problem_id") WHERE "problem_board"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "problem_board_category_idx" ON "problem_board" USING btree ("category","created_at");--> statement-breakpoint
CREATE INDEX "problem_board_reporter_org_idx" ON "problem_board" USING btree ("reporter_organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "problem_board_provinces_idx" ON "problem_board" USING gin ("provinces");--> statement-breakpoint
CREATE INDEX "problem_board_sectors_idx" ON "problem_board" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "problem_board_document_idx" ON "problem_board" USING gin ("document");--> statement-breakpoint
CREATE INDEX "problem_board_title_idx" ON "problem_board" USING gin ("title_document");
--> statement-breakpoint
-- New problems, one statement at a time (the synthetic network inserts thousands in one).
CREATE FUNCTION tipnet_problem_board_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO problem_board (problem_id, type, category, state, provinces, sectors, reporter_organisation_id, support_count, due_at,
    created_at, document, title_document)
  SELECT p.id, p.type, p.category, p.state, p.provinces, p.sectors, p.reporter_organisation_id, p.support_count,
    p.due_at, p.created_at, p.search_document, coalesce(p.title_document, ''::tsvector)
  FROM new_problems p;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problems_board_inserted AFTER INSERT ON problems
  REFERENCING NEW TABLE AS new_problems FOR EACH STATEMENT EXECUTE FUNCTION tipnet_problem_board_inserted();
--> statement-breakpoint
-- A change the board sees. Counting a comment or bumping the version touches none of these columns, so it
-- does not rewrite the row and its GIN entries.
CREATE FUNCTION tipnet_problem_board_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE problem_board SET type = NEW.type, category = NEW.category, state = NEW.state,
    provinces = NEW.provinces, sectors = NEW.sectors, reporter_organisation_id = NEW.reporter_organisation_id,
    support_count = NEW.support_count, due_at = NEW.due_at, created_at = NEW.created_at,
    document = NEW.search_document, title_document = coalesce(NEW.title_document, ''::tsvector)
  WHERE problem_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER problems_board_updated
  AFTER UPDATE OF type, category, state, provinces, sectors, reporter_organisation_id, support_count, due_at,
    created_at, search_document
  ON problems FOR EACH ROW
  WHEN ((OLD.type, OLD.category, OLD.state, OLD.provinces, OLD.sectors, OLD.reporter_organisation_id,
      OLD.support_count, OLD.due_at, OLD.created_at, OLD.search_document)
    IS DISTINCT FROM (NEW.type, NEW.category, NEW.state, NEW.provinces, NEW.sectors,
      NEW.reporter_organisation_id, NEW.support_count, NEW.due_at, NEW.created_at, NEW.search_document))
  EXECUTE FUNCTION tipnet_problem_board_updated();
