/** The HTTP contract of the problems and recommendations board (/api/v1/problems). */

import { z } from 'zod';
import { Id, OrganisationSummary, Page, PageQuery, Sector, Timestamp } from './api.ts';
import {
  PROBLEM_EVENT_KINDS,
  PROBLEM_EVENTS,
  type ProblemEventKind,
  type ProblemEventShape,
} from './problem-events.ts';
import { PROBLEM_SORTS, PROBLEM_VIEWS } from './problem-views.ts';
import {
  PrivacyFindingKindCode,
  ProblemCategoryCode,
  ProblemStateCode,
  ProblemTypeCode,
  ProvinceCode,
} from './taxonomy-codes.ts';
import { MINUTE_MS } from './time.ts';

export const PROBLEM_LIMITS = {
  title: 200,
  body: 10_000,
  proposedSolution: 4_000,
  source: 200,
  comment: 5_000,
  answer: 10_000,
  context: 1_000,
  reason: 2_000,
  /** The Centre's note when it dismisses reports of a comment. */
  dismissNote: 500,
} as const;
/** Authors may edit a comment this long after posting it. */
export const COMMENT_EDIT_WINDOW_MS = 15 * MINUTE_MS;

/**
 * A mention inside comment Markdown: `@[shown name](user:<uuid>)` or `@[shown name](org:<uuid>)`. The server
 * keeps only mentions of people and organisations the author may see; the name shown comes from the
 * database, never from the label typed here.
 */
export const MENTION_PATTERN =
  /@\[([^\]\n]{1,200})\]\((user|org):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const oneOrMany = <T extends z.ZodType>(code: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(code).max(30)).optional();
const Flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();
/** Text that looks like personal data is refused (422 PRIVACY_WARNING) unless the writer confirms it. */
const privacyFields = {
  acknowledgePrivacyWarnings: z.boolean().optional(),
  /** The `privacyCheckId` of an earlier 422: records that the writer removed what was found. */
  privacyCheckId: Id.optional(),
};

// ---- privacy check -----------------------------------------------------------------
export const PrivacyFindingView = z.object({
  kind: PrivacyFindingKindCode,
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type PrivacyFindingView = z.infer<typeof PrivacyFindingView>;
export const PrivacyCheckBody = z.strictObject({
  fields: z
    .record(z.string().min(1).max(50), z.string().max(PROBLEM_LIMITS.body))
    .refine((r) => Object.keys(r).length <= 10, 'At most 10 fields'),
});
export const PrivacyCheckView = z.object({ findings: z.array(PrivacyFindingView) });
/** `details` of a 422 PRIVACY_WARNING. */
export const PrivacyWarningDetails = z.object({
  findings: z.array(PrivacyFindingView),
  privacyCheckId: Id,
});

// ---- raising ---------------------------------------------------------------------------
export const CreateProblemBody = z.strictObject({
  type: ProblemTypeCode,
  title: Text(PROBLEM_LIMITS.title),
  body: Text(PROBLEM_LIMITS.body),
  category: ProblemCategoryCode,
  provinces: z.array(ProvinceCode).max(77).default([]),
  sectors: z.array(Sector).max(10).default([]),
  proposedSolution: OptionalText(PROBLEM_LIMITS.proposedSolution),
  source: OptionalText(PROBLEM_LIMITS.source),
  /** Raised from the floor of a forum: the event, and optionally its agenda item. */
  sourceEventId: Id.optional(),
  sourceAgendaItemId: Id.optional(),
  /** Hide the reporting organisation from everyone but the Centre. */
  anonymous: z.boolean().default(false),
  ...privacyFields,
});
export type CreateProblemBody = z.infer<typeof CreateProblemBody>;

// ---- views -----------------------------------------------------------------------------
const UserBrief = z.object({ id: Id, displayName: z.string() });

export const ProblemListItem = z.object({
  id: Id,
  type: ProblemTypeCode,
  title: z.string(),
  /** The start of the description, plain as written (Markdown). */
  excerpt: z.string(),
  category: ProblemCategoryCode,
  state: ProblemStateCode,
  provinces: z.array(ProvinceCode),
  sectors: z.array(Sector),
  anonymous: z.boolean(),
  /** null when anonymous and the viewer is neither the Centre nor that organisation. */
  reporterOrganisation: OrganisationSummary.nullable(),
  /** The viewer's own organisation raised it. */
  mine: z.boolean(),
  leadOrganisation: OrganisationSummary.nullable(),
  supportCount: z.number().int(),
  commentCount: z.number().int(),
  supportedByMyOrganisation: z.boolean(),
  dueAt: Timestamp.nullable(),
  overdue: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProblemListItem = z.infer<typeof ProblemListItem>;

export { PROBLEM_SORTS, PROBLEM_VIEWS };
export const ProblemListQuery = PageQuery.extend({
  q: z.string().max(200).optional(),
  /** mine: raised by my organisation; assigned: my organisation is responsible; triage: the Centre's queue. */
  view: z.enum(PROBLEM_VIEWS).default('all'),
  type: oneOrMany(ProblemTypeCode),
  state: oneOrMany(ProblemStateCode),
  category: oneOrMany(ProblemCategoryCode),
  sector: oneOrMany(Sector),
  province: oneOrMany(ProvinceCode),
  assignedOrganisationId: Id.optional(),
  overdue: Flag,
  supportedByMyOrganisation: Flag,
  /** Default: relevance when searching, else newest. */
  sort: z.enum(PROBLEM_SORTS).optional(),
});
export type ProblemListQuery = z.infer<typeof ProblemListQuery>;
export const ProblemListPage = Page(ProblemListItem);

export const AnswerView = z.object({
  id: Id,
  organisation: OrganisationSummary,
  author: UserBrief.nullable(),
  bodyTh: z.string(),
  bodyEn: z.string().nullable(),
  createdAt: Timestamp,
});
export type AnswerView = z.infer<typeof AnswerView>;

export const SupporterView = z.object({
  organisation: OrganisationSummary,
  context: z.string().nullable(),
  createdAt: Timestamp,
});

/** The forum a problem was raised at ("Let's Talk TIP #N"), shown only to those who may see the event. */
export const ForumSourceView = z.object({
  id: Id,
  number: z.number().int(),
  titleTh: z.string(),
  titleEn: z.string(),
  agendaItem: z.object({ id: Id, titleTh: z.string(), titleEn: z.string() }).nullable(),
});
export type ForumSourceView = z.infer<typeof ForumSourceView>;

export const ProblemDetail = ProblemListItem.extend({
  body: z.string(),
  proposedSolution: z.string().nullable(),
  source: z.string().nullable(),
  sourceEvent: ForumSourceView.nullable(),
  /** The person who raised it; null when hidden as for reporterOrganisation. */
  reporter: UserBrief.nullable(),
  stateReason: z.string().nullable(),
  duplicateOf: z.object({ id: Id, title: z.string() }).nullable(),
  assignments: z.array(
    z.object({ organisation: OrganisationSummary, lead: z.boolean(), assignedAt: Timestamp }),
  ),
  answers: z.array(AnswerView),
  supporters: z.object({
    count: z.number().int(),
    /** How many supporting organisations per sector. */
    sectors: z.record(z.string(), z.number().int()),
    /** The first 100, oldest first. */
    organisations: z.array(SupporterView),
  }),
  deadlines: z.object({
    assignedAt: Timestamp.nullable(),
    firstAnswerDueAt: Timestamp.nullable(),
    firstAnsweredAt: Timestamp.nullable(),
    nextUpdateDueAt: Timestamp.nullable(),
  }),
  following: z.boolean(),
  permissions: z.object({
    support: z.boolean(),
    comment: z.boolean(),
    answer: z.boolean(),
    assign: z.boolean(),
    /** The states this viewer may move it to now. */
    transitions: z.array(ProblemStateCode),
  }),
  version: z.number().int(),
});
export type ProblemDetail = z.infer<typeof ProblemDetail>;

// ---- network response ---------------------------------------------------------------------
export const SupportBody = z.strictObject({
  context: OptionalText(PROBLEM_LIMITS.context),
  ...privacyFields,
});
export const SupportResult = z.object({ support: SupporterView, supportCount: z.number().int() });
export const SupportCountView = z.object({ supportCount: z.number().int() });
export const FollowView = z.object({ following: z.boolean() });

export const MentionView = z.object({ type: z.enum(['user', 'organisation']), id: Id, name: z.string() });
export const CommentView = z.object({
  id: Id,
  parentId: Id.nullable(),
  author: UserBrief.nullable(),
  authorOrganisation: OrganisationSummary.nullable(),
  /** Written by the reporting organisation (shown instead of the author when anonymous). */
  byReporter: z.boolean(),
  /** null when hidden (admins still see it). */
  body: z.string().nullable(),
  mentions: z.array(MentionView),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
  hidden: z.object({ at: Timestamp, reason: z.string() }).nullable(),
  /** Until when the viewer may still edit it; null when they may not. */
  editableUntil: Timestamp.nullable(),
  /** Reports from members; admins only. */
  reportCount: z.number().int().nullable(),
});
export type CommentView = z.infer<typeof CommentView>;
export const CommentListQuery = PageQuery;
export const CommentPage = Page(CommentView);
export const CreateCommentBody = z.strictObject({
  body: Text(PROBLEM_LIMITS.comment),
  /** Replies to a reply join the same thread. */
  parentId: Id.optional(),
  ...privacyFields,
});
export const UpdateCommentBody = z.strictObject({ body: Text(PROBLEM_LIMITS.comment), ...privacyFields });
export const HideCommentBody = z.strictObject({ reason: Text(PROBLEM_LIMITS.reason) });
export const ReportCommentBody = z.strictObject({ reason: Text(PROBLEM_LIMITS.reason) });
export const CommentReportView = z.object({ id: Id, commentId: Id, createdAt: Timestamp });

// ---- the Centre's loop -----------------------------------------------------------------------
export const TransitionBody = z.strictObject({
  to: ProblemStateCode,
  /** Required for not_feasible; optional otherwise (withdrawal, resolution note). */
  reason: OptionalText(PROBLEM_LIMITS.reason),
  /** Required for duplicate: the original problem. */
  duplicateOfId: Id.optional(),
});
export const AssignBody = z.strictObject({
  organisationIds: z.array(Id).min(1).max(10),
  leadOrganisationId: Id,
  /**
   * When the first official answer is due, set by the Centre: after now and at most MAX_DEADLINE_DAYS
   * ahead. Absent: the category's days, at the end of that Bangkok working day (16:30), or the deadline
   * already running on a reassignment.
   */
  firstAnswerDueAt: Timestamp.optional(),
});
export const CreateAnswerBody = z.strictObject({
  bodyTh: Text(PROBLEM_LIMITS.answer),
  bodyEn: OptionalText(PROBLEM_LIMITS.answer),
  ...privacyFields,
});

/** The actor is the anonymous reporter: shown as "the reporter", unnamed. */
const ByReporter = { byReporter: z.literal(true).optional() };
// Zod cannot follow a generic kind to its own data: the cast restores that link for the types.
const timelineDataOf = <K extends ProblemEventKind>(kind: K) =>
  z.object({ ...PROBLEM_EVENTS[kind].data.shape, ...ByReporter }) as unknown as z.ZodObject<
    ProblemEventShape<K> & typeof ByReporter
  >;
const timelineEventOf = <K extends ProblemEventKind>(kind: K) =>
  z.object({
    id: z.string(),
    at: Timestamp,
    kind: z.literal(kind),
    actor: UserBrief.nullable(),
    actorOrganisation: OrganisationSummary.nullable(),
    data: timelineDataOf(kind),
  });
type AnyTimelineEvent = { [K in ProblemEventKind]: ReturnType<typeof timelineEventOf<K>> }[ProblemEventKind];
export const TimelineEventView = z.discriminatedUnion(
  'kind',
  PROBLEM_EVENT_KINDS.map(timelineEventOf) as [AnyTimelineEvent, ...AnyTimelineEvent[]],
);
export type TimelineEventView = z.infer<typeof TimelineEventView>;
export const TimelinePage = Page(TimelineEventView);

const Entries = z.array(z.object({ code: z.string(), th: z.string(), en: z.string() })).readonly();
export const ProblemsTaxonomiesView = z.object({
  version: z.string(),
  types: Entries,
  categories: Entries,
  states: Entries,
  privacyFindingKinds: Entries,
});

// ---- deadlines (the Centre configures them per category) ----------------------------------------
/** The longest a category's deadline or interval may be, in days. */
export const DEADLINE_SETTING_MAX_DAYS = 365;
const Days = z.number().int().min(1).max(DEADLINE_SETTING_MAX_DAYS);
export const DeadlineSettingsBody = z.strictObject({
  firstAnswerDays: Days,
  updateIntervalDays: Days,
  escalationDays: Days,
});
export const DeadlineSettingView = z.object({
  category: ProblemCategoryCode,
  firstAnswerDays: z.number().int(),
  updateIntervalDays: z.number().int(),
  escalationDays: z.number().int(),
  /** false: the defaults (14, 30, 14 days) apply. */
  custom: z.boolean(),
  updatedAt: Timestamp.nullable(),
});
export const DeadlineSettingsView = z.object({ items: z.array(DeadlineSettingView) });
export const DeadlineCategoryParams = z.object({ category: ProblemCategoryCode });

// ---- comment reports (the Centre's moderation queue) -----------------------------------------------
export const CommentReportListQuery = PageQuery.extend({
  /** true (default): reports of comments not yet hidden or dismissed. */
  open: Flag,
});
export const CommentReportItem = z.object({
  id: Id,
  problem: z.object({ id: Id, title: z.string() }),
  comment: z.object({
    id: Id,
    body: z.string(),
    hidden: z.boolean(),
    /** Who wrote it: the Centre sees authors even of anonymous problems. */
    author: UserBrief.extend({ organisation: OrganisationSummary }),
  }),
  reporter: UserBrief.extend({ organisation: OrganisationSummary }),
  reason: z.string(),
  createdAt: Timestamp,
  resolvedAt: Timestamp.nullable(),
});
export const CommentReportPage = Page(CommentReportItem);
/** Dismissing the open reports of a comment the Centre finds unfounded; the note stays in the audit log. */
export const DismissCommentReportsBody = z.strictObject({ note: OptionalText(PROBLEM_LIMITS.dismissNote) });
export const DismissCommentReportsView = z.object({
  commentId: Id,
  /** How many open reports this request resolved; 0 when none was open (nothing is written then). */
  dismissed: z.number().int(),
});
