import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
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

/**
 * "Who works with whom" per standard period (month, quarter, calendar and fiscal year), kept by triggers
 * on problem_assignments, coordination_requests and coordination_units in the writing transaction
 * (migration 0039): for each pair of organisations (a < b), the problems assigned to both whose later
 * assignment fell in the period and the coordination requests between them made in it. A period is its
 * kind and its first Bangkok day, as common/report-periods.ts reads it. Rows that fall back to zero stay.
 */
export const reportPartnerPairs = pgTable(
  'report_partner_pairs',
  {
    kind: text('kind').notNull(),
    starts: date('starts', { mode: 'string' }).notNull(),
    a: uuid('a').notNull(),
    b: uuid('b').notNull(),
    problems: integer('problems').notNull(),
    requests: integer('requests').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.starts, t.a, t.b] }),
    // The strongest links of a period are the first entries of this index.
    index('report_partner_pairs_strongest_idx').on(
      t.kind,
      t.starts,
      sql`(${t.problems} + ${t.requests}) desc`,
      t.a,
      t.b,
    ),
  ],
);

/** Each organisation's number of partners per standard period: kept with report_partner_pairs. */
export const reportPartnerCounts = pgTable(
  'report_partner_counts',
  {
    kind: text('kind').notNull(),
    starts: date('starts', { mode: 'string' }).notNull(),
    organisationId: uuid('organisation_id').notNull(),
    partners: integer('partners').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.starts, t.organisationId] }),
    // A period's ~5,000 counts index-only: the rows of every period lie mixed in the heap.
    index('report_partner_counts_read_idx').on(t.kind, t.starts, t.organisationId, t.partners),
  ],
);

/**
 * Problems raised, first answered, resolved and adopted (resolved recommendations) per Bangkok month, in
 * all and per category and per sector (`dimension` 'all', 'category', 'sector'; `code` '' for all), kept
 * by statement triggers on problems in the writing transaction (migration 0040). Standard periods are
 * whole months, so a fiscal year sums a few hundred rows instead of reading ~38,000 problems.
 */
export const reportProblemCounts = pgTable(
  'report_problem_counts',
  {
    month: date('month', { mode: 'string' }).notNull(),
    kind: text('kind').$type<'raised' | 'answered' | 'resolved' | 'adopted'>().notNull(),
    dimension: text('dimension').$type<'all' | 'category' | 'sector'>().notNull(),
    code: text('code').notNull(),
    problems: integer('problems').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.kind, t.dimension, t.code] })],
);

/**
 * Per responsible agency and standard period (month, quarter, calendar and fiscal year, as in
 * report_partner_pairs), kept by statement triggers on problem_assignments in the writing transaction
 * (migration 0045): assignments made in the period, and first official answers given in it to
 * assignments made before its end with each one's wait in days, for the median and the 90th percentile.
 * A fiscal year is ~5,000 rows instead of ~34,000 assignments and ~20,000 answers grouped per request.
 * The median and the 90th percentile are kept beside the waits (migration 0048), so a load reads two
 * numbers per agency, index-only, rather than ~65,000 waits it would parse and sort.
 */
export const reportAgencyCounts = pgTable(
  'report_agency_counts',
  {
    kind: text('kind').notNull(),
    starts: date('starts', { mode: 'string' }).notNull(),
    organisationId: uuid('organisation_id').notNull(),
    assigned: integer('assigned').notNull(),
    answered: integer('answered').notNull(),
    waits: doublePrecision('waits').array().notNull(),
    medianDays: doublePrecision('median_days').generatedAlwaysAs(sql`tipnet_quantile(waits, 0.5)`),
    p90Days: doublePrecision('p90_days').generatedAlwaysAs(sql`tipnet_quantile(waits, 0.9)`),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.starts, t.organisationId] }),
    index('report_agency_counts_read_idx').on(
      t.kind,
      t.starts,
      t.organisationId,
      t.assigned,
      t.answered,
      t.medianDays,
      t.p90Days,
    ),
  ],
);

/**
 * Each organisation's earliest assignment, kept with report_agency_counts: the agencies table lists every
 * organisation assigned anything before the period's end, which was 5,000 index probes per request.
 */
export const reportAgencyFirstAssignments = pgTable('report_agency_first_assignments', {
  organisationId: uuid('organisation_id').primaryKey(),
  firstAssignedAt: timestamp('first_assigned_at', { withTimezone: true }).notNull(),
});

/**
 * Each agency's open assignments whose deadline had passed at `report_overdue_clock.as_of` (migration 0050),
 * kept by statement triggers on problem_assignments in the writing transaction. Overdue now is this plus
 * the deadlines passed between that instant and now (an index range of an hour's deadlines, as the
 * job moves the instant forward every hour) instead of grouping every overdue assignment per load.
 */
export const reportAgencyOverdue = pgTable('report_agency_overdue', {
  organisationId: uuid('organisation_id').primaryKey(),
  overdue: integer('overdue').notNull(),
});

/** The instant report_agency_overdue counts up to: one row. */
export const reportOverdueClock = pgTable(
  'report_overdue_clock',
  {
    one: boolean('one').primaryKey().default(true),
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
  },
  (t) => [check('report_overdue_clock_one_row', sql`${t.one}`)],
);

/**
 * Each organisation's people in post (active), kept by migration 0051's statement triggers on `people`
 * from the differences each write makes. The review's network section counts the people in post at a
 * period's end as these less those added since (an index range), instead of counting 50,000 people per load.
 */
export const reportOrganisationPeople = pgTable('report_organisation_people', {
  organisationId: uuid('organisation_id').primaryKey(),
  active: integer('active').notNull(),
});

/**
 * The coverage matrices' cells, kept by migration 0052's statement triggers on `organisations`: per
 * matrix ('services', or 'interpretation' by language), province (or 'nationwide') and column, how many
 * organisations provide it there and the sum of their entries' last review instants (epoch seconds,
 * exact). With one provider that sum is its instant, all the "only provider is stale" status needs. The
 * review reads ~2,000 cells instead of every organisation's services, languages and coverage per load.
 */
export const reportCoverageCells = pgTable(
  'report_coverage_cells',
  {
    matrix: text('matrix').notNull(),
    province: text('province').notNull(),
    code: text('code').notNull(),
    providers: integer('providers').notNull(),
    reviewedSum: numeric('reviewed_sum').notNull(),
  },
  (t) => [primaryKey({ columns: [t.matrix, t.province, t.code] })],
);

/**
 * Open problems per deadline day (UTC), kept by migration 0053's statement triggers on `problems`. "Overdue
 * now" is the days before today's plus today's deadlines already passed (an index range), instead of
 * counting ~25,000 overdue problems per load at 100,000 problems.
 */
export const reportProblemDueDays = pgTable('report_problem_due_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  open: integer('open').notNull(),
});
