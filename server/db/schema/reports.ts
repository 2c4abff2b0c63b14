import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

/**
 * Monthly digests sent: one row per organisation and month, claimed in the transaction that queues the
 * emails, so the job may run on every instance and each organisation still gets one digest a month.
 */
export const reportDigests = pgTable(
  'report_digests',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The month the digest counts, as a period code: month-2569-11. */
    period: text('period').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.period] })],
);

/**
 * Supports ("we face this too") given per day in Bangkok, kept by a trigger on problem_supports in the
 * writing transaction (migration 0036). Periods start and end at midnight in Bangkok, so the review sums
 * at most a few hundred days instead of counting a year's supports one by one (~250,000 at 100k problems).
 */
export const reportSupportDays = pgTable('report_support_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  supports: integer('supports').notNull(),
});
