CREATE TABLE "coordination_holidays" (
	"day" date PRIMARY KEY NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordination_request_ratings" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"rated_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coordination_request_ratings_score" CHECK ("coordination_request_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "coordination_sla_policies" (
	"version" integer PRIMARY KEY NOT NULL,
	"targets" jsonb NOT NULL,
	"note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coordination_sla_policies_version_positive" CHECK ("coordination_sla_policies"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "coordination_request_ratings" ADD CONSTRAINT "coordination_request_ratings_request_id_coordination_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."coordination_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_request_ratings" ADD CONSTRAINT "coordination_request_ratings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_request_ratings" ADD CONSTRAINT "coordination_request_ratings_rated_by_user_id_users_id_fk" FOREIGN KEY ("rated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordination_sla_policies" ADD CONSTRAINT "coordination_sla_policies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coordination_request_events_sla_once" ON "coordination_request_events" USING btree ("request_id","kind","unit_id",("data"->>'target')) WHERE "coordination_request_events"."kind" in ('sla_warning', 'sla_breached');
--> statement-breakpoint
-- hand-written below
-- Reference data production needs: SLA version 1 is DEFAULT_SLA (common/coordination-states.ts; a test
-- checks they match), and the Thai public holidays of 2569 and 2570 B.E. as announced by the Cabinet
-- (lunar holidays and substitution days included; the Centre corrects or adds days in the settings).
INSERT INTO coordination_sla_policies (version, targets, note, created_at) VALUES (1, '{
  "critical": {"acknowledge": {"ms": 900000, "clock": "24x7"}, "acceptOrDecline": {"ms": 1800000, "clock": "24x7"}, "outcome": {"ms": 14400000, "clock": "24x7"}},
  "high": {"acknowledge": {"ms": 3600000, "clock": "24x7"}, "acceptOrDecline": {"ms": 14400000, "clock": "24x7"}, "outcome": {"ms": 86400000, "clock": "24x7"}},
  "normal": {"acknowledge": {"businessDays": 1, "clock": "business"}, "acceptOrDecline": {"businessDays": 3, "clock": "business"}, "outcome": {"businessDays": 10, "clock": "business"}},
  "low": {"acknowledge": {"businessDays": 3, "clock": "business"}, "acceptOrDecline": null, "outcome": null}
}'::jsonb, 'Defaults of issue 12', now()) ON CONFLICT (version) DO NOTHING;--> statement-breakpoint
INSERT INTO coordination_holidays (day, name_th, name_en) VALUES
  ('2026-01-01', 'วันขึ้นปีใหม่', 'New Year''s Day'),
  ('2026-03-03', 'วันมาฆบูชา', 'Makha Bucha Day'),
  ('2026-04-06', 'วันจักรี', 'Chakri Memorial Day'),
  ('2026-04-13', 'วันสงกรานต์', 'Songkran Festival'),
  ('2026-04-14', 'วันสงกรานต์', 'Songkran Festival'),
  ('2026-04-15', 'วันสงกรานต์', 'Songkran Festival'),
  ('2026-05-01', 'วันแรงงานแห่งชาติ', 'National Labour Day'),
  ('2026-05-04', 'วันฉัตรมงคล', 'Coronation Day'),
  ('2026-06-01', 'ชดเชยวันวิสาขบูชา', 'Substitution for Visakha Bucha Day'),
  ('2026-06-03', 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี', 'H.M. Queen Suthida''s Birthday'),
  ('2026-07-28', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', 'H.M. the King''s Birthday'),
  ('2026-07-29', 'วันอาสาฬหบูชา', 'Asalha Bucha Day'),
  ('2026-07-30', 'วันเข้าพรรษา', 'Buddhist Lent Day'),
  ('2026-08-12', 'วันแม่แห่งชาติ', 'H.M. Queen Sirikit The Queen Mother''s Birthday; Mother''s Day'),
  ('2026-10-13', 'วันนวมินทรมหาราช', 'King Bhumibol Adulyadej Memorial Day'),
  ('2026-10-23', 'วันปิยมหาราช', 'Chulalongkorn Memorial Day'),
  ('2026-12-07', 'ชดเชยวันพ่อแห่งชาติ', 'Substitution for National Father''s Day'),
  ('2026-12-10', 'วันรัฐธรรมนูญ', 'Constitution Day'),
  ('2026-12-31', 'วันสิ้นปี', 'New Year''s Eve'),
  ('2027-01-01', 'วันขึ้นปีใหม่', 'New Year''s Day'),
  ('2027-02-22', 'ชดเชยวันมาฆบูชา', 'Substitution for Makha Bucha Day'),
  ('2027-04-06', 'วันจักรี', 'Chakri Memorial Day'),
  ('2027-04-13', 'วันสงกรานต์', 'Songkran Festival'),
  ('2027-04-14', 'วันสงกรานต์', 'Songkran Festival'),
  ('2027-04-15', 'วันสงกรานต์', 'Songkran Festival'),
  ('2027-05-03', 'ชดเชยวันแรงงานแห่งชาติ', 'Substitution for National Labour Day'),
  ('2027-05-04', 'วันฉัตรมงคล', 'Coronation Day'),
  ('2027-05-20', 'วันวิสาขบูชา', 'Visakha Bucha Day'),
  ('2027-06-03', 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี', 'H.M. Queen Suthida''s Birthday'),
  ('2027-07-19', 'วันเข้าพรรษา', 'Buddhist Lent Day'),
  ('2027-07-20', 'ชดเชยวันอาสาฬหบูชา', 'Substitution for Asalha Bucha Day'),
  ('2027-07-28', 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', 'H.M. the King''s Birthday'),
  ('2027-08-12', 'วันแม่แห่งชาติ', 'H.M. Queen Sirikit The Queen Mother''s Birthday; Mother''s Day'),
  ('2027-10-13', 'วันนวมินทรมหาราช', 'King Bhumibol Adulyadej Memorial Day'),
  ('2027-10-25', 'ชดเชยวันปิยมหาราช', 'Substitution for Chulalongkorn Memorial Day'),
  ('2027-12-06', 'ชดเชยวันพ่อแห่งชาติ', 'Substitution for National Father''s Day'),
  ('2027-12-10', 'วันรัฐธรรมนูญ', 'Constitution Day'),
  ('2027-12-31', 'วันสิ้นปี', 'New Year''s Eve')
ON CONFLICT (day) DO NOTHING;
