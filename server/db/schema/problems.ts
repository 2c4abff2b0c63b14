/**
 * The problems and recommendations board. `problem_events` is the timeline every change appends to, in the
 * same transaction as the change: notifications and deadline jobs read it (ordered by id) instead of
 * hooking into each service. Deadlines live on the problem (`due_at` is the nearest pending one) so the
 * board, the Centre's queue and the escalation job filter and sort on one indexed column.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ProvinceCode } from '../../../common/directory-taxonomies.ts';
import type { PrivacyFinding } from '../../../common/privacy-check.ts';
import type { ProblemEventKind, ProblemEventVisibility } from '../../../common/problem-events.ts';
import type { ProblemCategory, ProblemState, ProblemType } from '../../../common/problems-taxonomy.ts';
import type { Sector } from '../../../common/taxonomies.ts';
import { forumAgendaItems, forumEvents } from './forums.ts';
import { organisations } from './organisations.ts';
import { tsvector } from './tsvector.ts';
import { users } from './users.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const codes = <T extends string>(name: string) =>
  text(name).array().$type<T[]>().notNull().default(sql`'{}'::text[]`);

export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey(),
    type: text('type').$type<ProblemType>().notNull(),
    title: text('title').notNull(),
    /** Markdown (a safe subset, rendered by the web app); stored exactly as written. */
    body: text('body').notNull(),
    category: text('category').$type<ProblemCategory>().notNull(),
    provinces: codes<ProvinceCode>('provinces'),
    sectors: codes<Sector>('sectors'),
    proposedSolution: text('proposed_solution'),
    /** Where it was raised, as written (older problems, or a meeting outside TIPNet). */
    source: text('source'),
    /** The forum it was raised at, from the floor or linked later: the link the web shows. */
    sourceEventId: uuid('source_event_id').references((): AnyPgColumn => forumEvents.id),
    sourceAgendaItemId: uuid('source_agenda_item_id').references((): AnyPgColumn => forumAgendaItems.id),
    reporterUserId: uuid('reporter_user_id')
      .notNull()
      .references(() => users.id),
    reporterOrganisationId: uuid('reporter_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The reporter's organisation is shown only to the Centre (admins) and the organisation itself. */
    anonymous: boolean('anonymous').notNull().default(false),
    state: text('state').$type<ProblemState>().notNull().default('submitted'),
    /** Why it is not feasible or was withdrawn. */
    stateReason: text('state_reason'),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => problems.id),
    /** Denormalised from problem_assignments (the lead row) for the board's filters. */
    leadOrganisationId: uuid('lead_organisation_id').references(() => organisations.id),
    supportCount: integer('support_count').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    assignedAt: ts('assigned_at'),
    firstAnswerDueAt: ts('first_answer_due_at'),
    firstAnsweredAt: ts('first_answered_at'),
    lastAnsweredAt: ts('last_answered_at'),
    nextUpdateDueAt: ts('next_update_due_at'),
    /** The nearest pending deadline (first answer, else next progress update); null when none is pending. */
    dueAt: ts('due_at'),
    /** Set by the deadline job when it has told the assigned organisation, then the Centre. */
    overdueNotifiedAt: ts('overdue_notified_at'),
    escalatedAt: ts('escalated_at'),
    /** When it reached resolved, not_feasible, duplicate or withdrawn. */
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    searchDocument: tsvector('search_document').notNull().default(sql`''::tsvector`),
    /**
     * The title's part of the search document (weight A), kept by PostgreSQL: relevance puts title matches
     * first through its index on the board's rows (problem-board.ts) instead of ranking every match's whole
     * ~3 KB document.
     */
    titleDocument: tsvector('title_document').generatedAlwaysAs(sql`ts_filter(search_document, '{a}')`),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('problems_created_idx').on(t.createdAt, t.id),
    index('problems_state_created_idx').on(t.state, t.createdAt, t.id),
    index('problems_support_idx').on(t.supportCount, t.id),
    // Not partial: 'nearest deadline' orders every problem (due_at asc nulls last, id) and reads it in order.
    index('problems_due_idx').on(t.dueAt, t.id),
    // "Overdue", newest first: walks only problems with a deadline (at 100k, 4,000 rows instead of 13,000
    // recent ones before the 20th overdue).
    index('problems_with_deadline_created_idx').on(t.createdAt, t.id).where(sql`${t.dueAt} is not null`),
    index('problems_category_idx').on(t.category, t.createdAt),
    index('problems_reporter_org_idx').on(t.reporterOrganisationId, t.createdAt),
    index('problems_lead_org_idx').on(t.leadOrganisationId),
    index('problems_duplicate_of_idx').on(t.duplicateOfId),
    index('problems_provinces_idx').using('gin', t.provinces),
    index('problems_sectors_idx').using('gin', t.sectors),
    // The yearly review counts problems raised, first answered and resolved in a period per category,
    // sector and reporting organisation: one index per date, holding those columns, so a year is read as
    // an index range (index-only) instead of a pass over every problem's ~3 KB row.
    index('problems_raised_report_idx').on(t.createdAt, t.category, t.reporterOrganisationId, t.sectors),
    index('problems_answered_report_idx')
      .on(t.firstAnsweredAt, t.category, t.reporterOrganisationId, t.sectors)
      .where(sql`${t.firstAnsweredAt} is not null`),
    // Overdue now (the review's figure): 25,000 of 100,000 problems in the synthetic network, counted
    // index-only from the open problems' deadlines alone (3.8 → 1.6 ms) rather than from every deadline
    // with its state filtered.
    index('problems_overdue_report_idx')
      .on(t.dueAt)
      .where(sql`${t.state} in ('submitted', 'under_review', 'assigned', 'in_progress')`),
    index('problems_resolved_report_idx')
      .on(t.closedAt, t.type, t.category, t.reporterOrganisationId, t.sectors)
      .where(sql`${t.state} = 'resolved'`),
    check('problems_support_count_check', sql`${t.supportCount} >= 0`),
  ],
);
export type ProblemRow = typeof problems.$inferSelect;

/** "We face this too": one per organisation and problem. */
export const problemSupports = pgTable(
  'problem_supports',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    context: text('context'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('problem_supports_key').on(t.problemId, t.organisationId),
    index('problem_supports_org_idx').on(t.organisationId, t.problemId),
    // A page lists a problem's first supporters in order: 20 index entries, not all 200 sorted.
    index('problem_supports_problem_created_idx').on(t.problemId, t.createdAt, t.id),
    // The review's supports given in a period.
    index('problem_supports_created_idx').on(t.createdAt),
  ],
);
export type ProblemSupportRow = typeof problemSupports.$inferSelect;

export const problemComments = pgTable(
  'problem_comments',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    /** Replies point at the thread's first comment (one level of nesting). */
    parentId: uuid('parent_id').references((): AnyPgColumn => problemComments.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisations.id),
    body: text('body').notNull(),
    /** Mentions the author was allowed to make, resolved when written; notifications read these. */
    mentionedUserIds: uuid('mentioned_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    mentionedOrganisationIds: uuid('mentioned_organisation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: ts('created_at').notNull(),
    editedAt: ts('edited_at'),
    hiddenAt: ts('hidden_at'),
    hiddenBy: uuid('hidden_by').references(() => users.id),
    hiddenReason: text('hidden_reason'),
  },
  (t) => [
    index('problem_comments_problem_idx').on(t.problemId, t.createdAt, t.id),
    index('problem_comments_parent_idx').on(t.parentId),
    index('problem_comments_author_idx').on(t.authorUserId),
  ],
);
export type ProblemCommentRow = typeof problemComments.$inferSelect;

/** A member telling the Centre a comment should not be there; one report per member and comment. */
export const problemCommentReports = pgTable(
  'problem_comment_reports',
  {
    id: uuid('id').primaryKey(),
    commentId: uuid('comment_id')
      .notNull()
      .references(() => problemComments.id),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    reporterUserId: uuid('reporter_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull(),
    resolvedAt: ts('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
  },
  (t) => [
    // One open report per member and comment: once the Centre has dealt with it, a member can report again.
    uniqueIndex('problem_comment_reports_key')
      .on(t.commentId, t.reporterUserId)
      .where(sql`${t.resolvedAt} is null`),
    index('problem_comment_reports_open_idx').on(t.createdAt).where(sql`${t.resolvedAt} is null`),
  ],
);

export const problemFollows = pgTable(
  'problem_follows',
  {
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.problemId, t.userId] }), index('problem_follows_user_idx').on(t.userId)],
);

/** Responsible organisations; exactly one lead while assigned (partial unique index). */
export const problemAssignments = pgTable(
  'problem_assignments',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    lead: boolean('lead').notNull().default(false),
    assignedBy: uuid('assigned_by')
      .notNull()
      .references(() => users.id),
    assignedAt: ts('assigned_at').notNull(),
    /**
     * This organisation's first official answer to this problem, whenever given (before the assignment
     * too): kept by triggers on both tables (migration 0036), never written by the application. The review
     * reads each agency's time to answer from here instead of searching the answers of every assignment.
     */
    firstAnsweredAt: ts('first_answered_at'),
    /**
     * The problem's deadline while it is open (null once it is closed or has none): kept by triggers on
     * both tables (migration 0041), never written by the application, so "overdue now" per agency is one
     * index range instead of joining every overdue problem to its assignments.
     */
    openDueAt: ts('open_due_at'),
  },
  (t) => [
    uniqueIndex('problem_assignments_key').on(t.problemId, t.organisationId),
    uniqueIndex('problem_assignments_lead_key').on(t.problemId).where(sql`${t.lead}`),
    index('problem_assignments_org_idx').on(t.organisationId, t.problemId),
    // The review: assignments made in a period (per agency, and the pairs assigned the same problem), and
    // whether an organisation had any assignment before a date.
    index('problem_assignments_assigned_idx').on(t.assignedAt, t.problemId, t.organisationId),
    index('problem_assignments_org_assigned_idx').on(t.organisationId, t.assignedAt),
    // …and a problem's assignments with their dates (pairs assigned the same problem, overdue per agency),
    // index-only rather than a pass over the table.
    index('problem_assignments_problem_assigned_idx').on(t.problemId, t.assignedAt, t.organisationId),
    index('problem_assignments_first_answer_idx')
      .on(t.firstAnsweredAt, t.organisationId, t.assignedAt)
      .where(sql`${t.firstAnsweredAt} is not null`),
    index('problem_assignments_open_due_idx')
      .on(t.openDueAt, t.organisationId, t.assignedAt)
      .where(sql`${t.openDueAt} is not null`),
    // …and, for a period that has ended, the open assignments made after it (overdue now per agency is
    // the kept count less these, migration 0050).
    index('problem_assignments_assigned_open_idx')
      .on(t.assignedAt, t.openDueAt, t.organisationId)
      .where(sql`${t.openDueAt} is not null`),
  ],
);
export type ProblemAssignmentRow = typeof problemAssignments.$inferSelect;

/** Official answers of an assigned organisation or the Centre: Thai required, English optional. */
export const problemAnswers = pgTable(
  'problem_answers',
  {
    id: uuid('id').primaryKey(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    bodyTh: text('body_th').notNull(),
    bodyEn: text('body_en'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('problem_answers_problem_idx').on(t.problemId, t.createdAt),
    index('problem_answers_org_idx').on(t.organisationId, t.createdAt),
    // The review: answers given in a period, per problem and organisation.
    index('problem_answers_created_idx').on(t.createdAt, t.problemId, t.organisationId),
  ],
);
export type ProblemAnswerRow = typeof problemAnswers.$inferSelect;

/**
 * The timeline. `visibility = 'centre'` events (privacy warnings, comment reports) are shown to admins only.
 * `data` never holds the reporter's organisation: presenters hide actors by comparing organisation ids.
 */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    problemId: uuid('problem_id')
      .notNull()
      .references(() => problems.id),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    kind: text('kind').$type<ProblemEventKind>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisations.id),
    visibility: text('visibility').$type<ProblemEventVisibility>().notNull().default('all'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('problem_events_problem_idx').on(t.problemId, t.id)],
);
export type ProblemEventRow = typeof problemEvents.$inferSelect;

/**
 * Each privacy warning and what the writer chose: 'warned' (refused, not yet resolved), 'acknowledged'
 * (kept the text on purpose) or 'removed' (resubmitted without it). Never stores the matched text.
 */
export const problemPrivacyChecks = pgTable(
  'problem_privacy_checks',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** What was being written: problem, comment, answer or support. */
    target: text('target').notNull(),
    problemId: uuid('problem_id').references(() => problems.id),
    findings: jsonb('findings').$type<PrivacyFinding[]>().notNull(),
    outcome: text('outcome').$type<'warned' | 'acknowledged' | 'removed'>().notNull(),
    createdAt: ts('created_at').notNull(),
    resolvedAt: ts('resolved_at'),
  },
  (t) => [
    index('problem_privacy_checks_problem_idx').on(t.problemId),
    index('problem_privacy_checks_user_idx').on(t.userId, t.createdAt),
  ],
);
export type ProblemPrivacyCheckRow = typeof problemPrivacyChecks.$inferSelect;

/** Per-category deadlines set by the Centre; a category without a row uses DEFAULT_DEADLINES. */
export const problemDeadlineSettings = pgTable('problem_deadline_settings', {
  category: text('category').$type<ProblemCategory>().primaryKey(),
  firstAnswerDays: integer('first_answer_days').notNull().default(14),
  updateIntervalDays: integer('update_interval_days').notNull().default(30),
  /** Days after the overdue notice before the Centre is alerted. */
  escalationDays: integer('escalation_days').notNull().default(14),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
export type ProblemDeadlineSettingsRow = typeof problemDeadlineSettings.$inferSelect;
