/**
 * What the SLA clocks need besides a request's timeline: the public holidays the business clock skips,
 * the versions of the SLA targets (a request keeps the version it started with; an edit adds a version,
 * never changes one) and the requester's rating of the response.
 */
import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SlaTargets } from '../../../common/coordination-sla.ts';
import type { Urgency } from '../../../common/coordination-states.ts';
import { coordinationRequests } from './coordination.ts';
import { organisations } from './organisations.ts';
import { users } from './users.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Thai public holidays (Bangkok calendar days); reference data the Centre edits, seeded by the migration. */
export const coordinationHolidays = pgTable('coordination_holidays', {
  day: date('day', { mode: 'string' }).primaryKey(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: ts('created_at').notNull().default(sql`now()`),
});
export type CoordinationHolidayRow = typeof coordinationHolidays.$inferSelect;

/** Version 1 holds DEFAULT_SLA (seeded by the migration); every edit by the Centre adds the next one. */
export const coordinationSlaPolicies = pgTable(
  'coordination_sla_policies',
  {
    version: integer('version').primaryKey(),
    targets: jsonb('targets').$type<Record<Urgency, SlaTargets>>().notNull(),
    note: text('note'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [check('coordination_sla_policies_version_positive', sql`${t.version} > 0`)],
);
export type CoordinationSlaPolicyRow = typeof coordinationSlaPolicies.$inferSelect;

/** One rating per request, by its requesting organisation; editable for a week (docs/coordination.md). */
export const coordinationRequestRatings = pgTable(
  'coordination_request_ratings',
  {
    requestId: uuid('request_id')
      .primaryKey()
      .references(() => coordinationRequests.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    score: smallint('score').notNull(),
    comment: text('comment'),
    ratedByUserId: uuid('rated_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('coordination_request_ratings_score', sql`${t.score} between 1 and 5`)],
);
export type CoordinationRequestRatingRow = typeof coordinationRequestRatings.$inferSelect;
