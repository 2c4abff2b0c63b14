/**
 * "Let's Talk TIP" forums: a series of events, each with an agenda, invitations, registrations (the QR ticket is
 * an opaque random `ticket_code`, never a user id), check-ins, polls, minutes with decisions and action items owned
 * by organisations, an anonymous survey and the summary the Centre publishes.
 *
 * Personal data of registrants (phone, dietary notes, a guest's name and e-mail) lives only on
 * `forum_registrations` and is blanked by the retention job (`personal_data_purged_at`); the organisation and
 * sector of each registration stay, so attendance counts survive the purge.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ProvinceCode } from '../../../common/directory-taxonomies.ts';
import type {
  ActionStatus,
  AgendaOrigin,
  CheckinMethod,
  EventFormat,
  EventState,
  InvitationKind,
  MinutesState,
  PollKind,
  PollState,
  RegistrationMode,
  RegistrationState,
  SummaryState,
  SurveyQuestionKind,
} from '../../../common/forum-states.ts';
import type { Language, Sector } from '../../../common/taxonomies.ts';
import { organisations } from './organisations.ts';
import { problems } from './problems.ts';
import { users } from './users.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const forumSeries = pgTable('forum_series', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  descriptionTh: text('description_th'),
  descriptionEn: text('description_en'),
  createdAt: ts('created_at').notNull(),
});
export type ForumSeriesRow = typeof forumSeries.$inferSelect;

export const forumEvents = pgTable(
  'forum_events',
  {
    id: uuid('id').primaryKey(),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => forumSeries.id),
    /** "Let's Talk TIP #N": numbered within the series. */
    number: integer('number').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    format: text('format').$type<EventFormat>().notNull(),
    state: text('state').$type<EventState>().notNull().default('draft'),
    provinceCode: text('province_code').$type<ProvinceCode>(),
    venueTh: text('venue_th'),
    venueEn: text('venue_en'),
    address: text('address'),
    mapUrl: text('map_url'),
    /** Shown only to confirmed registrants, from ONLINE_LINK_LEAD_MINUTES before the start. */
    onlineUrl: text('online_url'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    chairTh: text('chair_th'),
    chairEn: text('chair_en'),
    objectivesTh: text('objectives_th'),
    objectivesEn: text('objectives_en'),
    registrationMode: text('registration_mode').$type<RegistrationMode>().notNull().default('open'),
    capacity: integer('capacity').notNull(),
    /** Places kept for the host organisations' registrants. */
    reservedForHosts: integer('reserved_for_hosts').notNull().default(0),
    perOrganisationCap: integer('per_organisation_cap').notNull().default(3),
    /** Raised on every change a registrant's calendar must follow (the .ics SEQUENCE). */
    icsSequence: integer('ics_sequence').notNull().default(0),
    privacyNoticeVersion: text('privacy_notice_version').notNull(),
    personalDataPurgedAt: ts('personal_data_purged_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** Optimistic concurrency for edits (409 on a stale version). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('forum_events_series_number_idx').on(t.seriesId, t.number),
    index('forum_events_starts_idx').on(t.startsAt),
    check('forum_events_times_check', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'forum_events_capacity_check',
      sql`${t.capacity} > 0 and ${t.reservedForHosts} between 0 and ${t.capacity}`,
    ),
    check('forum_events_cap_check', sql`${t.perOrganisationCap} > 0`),
  ],
);
export type ForumEventRow = typeof forumEvents.$inferSelect;

export const forumEventHosts = pgTable(
  'forum_event_hosts',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organisationId] })],
);

export const forumAgendaItems = pgTable(
  'forum_agenda_items',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    /** Sub-items point at their parent; the tree is at most two levels deep. */
    parentId: uuid('parent_id').references((): AnyPgColumn => forumAgendaItems.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    startsAt: ts('starts_at'),
    durationMinutes: integer('duration_minutes'),
    presentingOrganisationId: uuid('presenting_organisation_id').references(() => organisations.id),
    /** Comes back on every event's draft agenda until it is no longer marked recurring. */
    recurring: boolean('recurring').notNull().default(false),
    /** Set in the minutes: false carries the item into the next event's draft agenda. */
    discussed: boolean('discussed'),
    origin: text('origin').$type<AgendaOrigin>().notNull().default('new'),
    /** The item of an earlier event this one was carried over from. */
    carriedFromItemId: uuid('carried_from_item_id').references((): AnyPgColumn => forumAgendaItems.id),
    /** The action item this one reviews, when carried over as an open action. */
    carriedActionId: uuid('carried_action_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('forum_agenda_items_event_idx').on(t.eventId, t.position)],
);
export type ForumAgendaItemRow = typeof forumAgendaItems.$inferSelect;

export const forumAgendaItemProblems = pgTable(
  'forum_agenda_item_problems',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => forumAgendaItems.id, { onDelete: 'cascade' }),
    problemId: uuid('problem_id')
      .notNull()
      .references((): AnyPgColumn => problems.id),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.problemId] })],
);

export const forumInvitations = pgTable(
  'forum_invitations',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<InvitationKind>().notNull(),
    sector: text('sector').$type<Sector>(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    userId: uuid('user_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('forum_invitations_event_idx').on(t.eventId),
    check(
      'forum_invitations_target_check',
      sql`(${t.kind} = 'sector' and ${t.sector} is not null and ${t.organisationId} is null and ${t.userId} is null)
       or (${t.kind} = 'organisation' and ${t.organisationId} is not null and ${t.sector} is null and ${t.userId} is null)
       or (${t.kind} = 'person' and ${t.userId} is not null and ${t.sector} is null and ${t.organisationId} is null)`,
    ),
  ],
);

/** Orders registrations strictly, even when they arrive in the same microsecond. */
export const forumRegistrationQueue = pgSequence('forum_registration_queue_seq');

export const forumRegistrations = pgTable(
  'forum_registrations',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    /** Null for a walk-in guest without an account. */
    userId: uuid('user_id').references(() => users.id),
    /** Null for a guest whose organisation is not in the directory (see guest_organisation_name). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** Kept after the purge so attendance by sector survives. */
    sector: text('sector').$type<Sector>(),
    state: text('state').$type<RegistrationState>().notNull(),
    invited: boolean('invited').notNull().default(false),
    /** Holds one of the places reserved for the hosts. */
    hostPlace: boolean('host_place').notNull().default(false),
    /** FIFO order of the waitlist (a sequence, so concurrent registrations are strictly ordered). */
    queueNumber: bigint('queue_number', { mode: 'number' })
      .notNull()
      .default(sql`nextval('forum_registration_queue_seq')`),
    /** Set when promoted from the waitlist: confirm by then or the place passes on. */
    confirmBy: ts('confirm_by'),
    /** The QR ticket: 128 random bits, base64url. Never derived from the user. */
    ticketCode: text('ticket_code').notNull().unique(),
    language: text('language').$type<Language>().notNull().default('th'),
    guestName: text('guest_name'),
    guestOrganisationName: text('guest_organisation_name'),
    email: text('email'),
    phone: text('phone'),
    dietaryNotes: text('dietary_notes'),
    privacyAcceptedAt: ts('privacy_accepted_at'),
    withdrawnAt: ts('withdrawn_at'),
    /** Why it ended, when withdrawn or rejected: 'withdrawn', 'offer_expired', 'event_cancelled', 'rejected'. */
    endReason: text('end_reason'),
    personalDataPurgedAt: ts('personal_data_purged_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    /** Registering twice answers the existing registration. */
    uniqueIndex('forum_registrations_event_user_idx')
      .on(t.eventId, t.userId)
      .where(sql`${t.userId} is not null`),
    index('forum_registrations_event_state_idx').on(t.eventId, t.state, t.queueNumber),
    index('forum_registrations_user_idx').on(t.userId),
  ],
);
export type ForumRegistrationRow = typeof forumRegistrations.$inferSelect;

export const forumCheckins = pgTable(
  'forum_checkins',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .unique()
      .references(() => forumRegistrations.id, { onDelete: 'cascade' }),
    method: text('method').$type<CheckinMethod>().notNull(),
    /** When the phone scanned it (it may sync later); received_at is when the server got it. */
    scannedAt: ts('scanned_at').notNull(),
    receivedAt: ts('received_at').notNull(),
    scannedBy: uuid('scanned_by').references(() => users.id),
    /** The phone's id for the scan, so a queued scan sent twice is recorded once. */
    clientScanId: text('client_scan_id').unique(),
  },
  (t) => [index('forum_checkins_event_idx').on(t.eventId)],
);

export const forumPolls = pgTable(
  'forum_polls',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => forumAgendaItems.id, { onDelete: 'set null' }),
    questionTh: text('question_th').notNull(),
    questionEn: text('question_en').notNull(),
    kind: text('kind').$type<PollKind>().notNull(),
    /** [{ id, th, en }] */
    options: jsonb('options').$type<{ id: string; th: string; en: string }[]>().notNull(),
    state: text('state').$type<PollState>().notNull().default('draft'),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('forum_polls_event_idx').on(t.eventId)],
);

export const forumPollVotes = pgTable(
  'forum_poll_votes',
  {
    pollId: uuid('poll_id')
      .notNull()
      .references(() => forumPolls.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => forumRegistrations.id, { onDelete: 'cascade' }),
    optionIds: text('option_ids').array().notNull(),
    votedAt: ts('voted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.registrationId] })],
);

/** One row per event: where its minutes stand. Finalised versions are kept in forum_minutes_versions. */
export const forumMinutes = pgTable('forum_minutes', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => forumEvents.id, { onDelete: 'cascade' }),
  state: text('state').$type<MinutesState>().notNull().default('draft'),
  /** The version being drafted, or the latest final one. */
  version: integer('version').notNull().default(1),
  summaryTh: text('summary_th'),
  summaryEn: text('summary_en'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  /** Optimistic concurrency: every save, share, finalise and reopen raises it (409 on a stale one). */
  revision: integer('revision').notNull().default(1),
});

/** A frozen copy of the minutes (topics, decisions, actions, attendance) at each finalisation. */
export const forumMinutesVersions = pgTable(
  'forum_minutes_versions',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    finalisedAt: ts('finalised_at').notNull(),
    finalisedBy: uuid('finalised_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.version] })],
);

export const forumMinutesComments = pgTable(
  'forum_minutes_comments',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('forum_minutes_comments_event_idx').on(t.eventId, t.createdAt)],
);

export const forumDecisions = pgTable(
  'forum_decisions',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => forumAgendaItems.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    textTh: text('text_th').notNull(),
    textEn: text('text_en'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('forum_decisions_event_idx').on(t.eventId, t.position)],
);

export const forumActions = pgTable(
  'forum_actions',
  {
    id: uuid('id').primaryKey(),
    /** The event whose minutes created it; it lives on across events until done or dropped. */
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id),
    agendaItemId: uuid('agenda_item_id').references(() => forumAgendaItems.id, { onDelete: 'set null' }),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en'),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    responsibleUserId: uuid('responsible_user_id').references(() => users.id),
    /** A responsible person without an account (kept to a name). */
    responsibleName: text('responsible_name'),
    dueOn: date('due_on'),
    status: text('status').$type<ActionStatus>().notNull().default('open'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('forum_actions_owner_idx').on(t.ownerOrganisationId, t.status, t.dueOn),
    index('forum_actions_event_idx').on(t.eventId),
    // The review's action items due in a period: a range of this, not a pass over every action.
    index('forum_actions_due_idx').on(t.dueOn),
  ],
);
export type ForumActionRow = typeof forumActions.$inferSelect;

/** Append-only history of an action: status changes and notes, carried with it into later agendas. */
export const forumActionEvents = pgTable(
  'forum_action_events',
  {
    id: uuid('id').primaryKey(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => forumActions.id, { onDelete: 'cascade' }),
    at: ts('at').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    fromStatus: text('from_status').$type<ActionStatus>(),
    toStatus: text('to_status').$type<ActionStatus>(),
    note: text('note'),
  },
  (t) => [index('forum_action_events_action_idx').on(t.actionId, t.at)],
);

/** Reminders sent, one row per (action, kind, day) so the job sends each once across instances. */
export const forumActionReminders = pgTable(
  'forum_action_reminders',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => forumActions.id, { onDelete: 'cascade' }),
    /** 'due_soon' (7 days before) or 'overdue_digest:<organisation id>' weekly. */
    kind: text('kind').notNull(),
    sentOn: date('sent_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.kind, t.sentOn] })],
);

export const forumSurveys = pgTable('forum_surveys', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => forumEvents.id, { onDelete: 'cascade' }),
  /** [{ id, kind, th, en, options? }] */
  questions: jsonb('questions')
    .$type<
      {
        id: string;
        kind: SurveyQuestionKind;
        th: string;
        en: string;
        options?: { id: string; th: string; en: string }[];
      }[]
    >()
    .notNull(),
  opensAt: ts('opens_at').notNull(),
  closesAt: ts('closes_at').notNull(),
  invitationsSentAt: ts('invitations_sent_at'),
});

/**
 * Answers carry no person, no registration and no time finer than the day, so they cannot be joined back to
 * forum_survey_submissions (which only records that someone answered, to refuse a second answer).
 */
export const forumSurveyResponses = pgTable(
  'forum_survey_responses',
  {
    id: uuid('id').primaryKey(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Record<string, string | number>>().notNull(),
    submittedOn: date('submitted_on').notNull(),
  },
  (t) => [index('forum_survey_responses_event_idx').on(t.eventId)],
);

export const forumSurveySubmissions = pgTable(
  'forum_survey_submissions',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => forumEvents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

/** The news summary the Centre generates from the event, edits and publishes. */
export const forumSummaries = pgTable('forum_summaries', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => forumEvents.id, { onDelete: 'cascade' }),
  state: text('state').$type<SummaryState>().notNull().default('draft'),
  titleTh: text('title_th').notNull(),
  titleEn: text('title_en').notNull(),
  bodyTh: text('body_th').notNull(),
  bodyEn: text('body_en').notNull(),
  generatedAt: ts('generated_at').notNull(),
  publishedAt: ts('published_at'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** A user's private calendar feed of a series: only the token's hash is kept; revoking ends it. */
export const forumFeedTokens = pgTable(
  'forum_feed_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    seriesId: uuid('series_id')
      .notNull()
      .references(() => forumSeries.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('forum_feed_tokens_user_idx').on(t.userId)],
);

/** The network's one series, created by migration 0028. */
export const LETS_TALK_TIP_SERIES_ID = '6c7e6d1a-4f7e-4c51-9d8e-1e7f0a5b0001';
