import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
