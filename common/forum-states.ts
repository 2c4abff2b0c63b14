/**
 * The vocabulary of "Let's Talk TIP" forums, shared by the server, the contract and the web: an event's
 * format and life cycle, a registration's states and moves, the minutes' life cycle and an action item's status.
 */

export const EVENT_FORMATS = ['in_person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** draft → published → (cancelled | completed). Only published events take registrations. */
export const EVENT_STATES = ['draft', 'published', 'cancelled', 'completed'] as const;
export type EventState = (typeof EVENT_STATES)[number];

/** Open: any network member may register (moderated or not); invite_only: only invitees. */
export const REGISTRATION_MODES = ['open', 'moderated', 'invite_only'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export const REGISTRATION_STATES = ['pending', 'confirmed', 'waitlisted', 'withdrawn', 'rejected'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** States that hold (or wait for) a place; the others are final. */
export const ACTIVE_REGISTRATION_STATES = [
  'pending',
  'confirmed',
  'waitlisted',
] as const satisfies readonly RegistrationState[];

/**
 * A promoted registrant holds the place for this long to confirm (`confirm_by`); past it the place goes to the
 * next on the waitlist. Shorter when the event is close.
 */
export const PROMOTION_WINDOW_HOURS = 48;
export const PROMOTION_WINDOW_SHORT_HOURS = 12;
export const PROMOTION_SHORT_WHEN_EVENT_WITHIN_DAYS = 3;

export const DEFAULT_PER_ORGANISATION_CAP = 3;
/** The online link is shown to confirmed registrants from this long before the start. */
export const ONLINE_LINK_LEAD_MINUTES = 10;

export const INVITATION_KINDS = ['sector', 'organisation', 'person'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

export const CHECKIN_METHODS = ['qr', 'walk_in', 'manual'] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];

export const POLL_KINDS = ['single', 'multiple'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const POLL_STATES = ['draft', 'open', 'closed'] as const;
export type PollState = (typeof POLL_STATES)[number];

/** draft (Centre only) → shared (attending organisations comment) → final (versioned); the latest final may reopen. */
export const MINUTES_STATES = ['draft', 'shared', 'final'] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const OPEN_ACTION_STATUSES = ['open', 'in_progress'] as const satisfies readonly ActionStatus[];

/** Why an agenda item of a drafted event is there: written for it, or carried over from an earlier one. */
export const AGENDA_ORIGINS = ['new', 'open_action', 'recurring', 'not_discussed'] as const;
export type AgendaOrigin = (typeof AGENDA_ORIGINS)[number];

export const SURVEY_QUESTION_KINDS = ['rating', 'single', 'text'] as const;
export type SurveyQuestionKind = (typeof SURVEY_QUESTION_KINDS)[number];
/** The survey opens this long after the event ends and stays open this long. */
export const SURVEY_OPENS_AFTER_MINUTES = 60;
export const SURVEY_OPEN_DAYS = 7;
/** Per-question results are shown only from this many responses. */
export const SURVEY_MIN_RESPONSES = 5;

export const SUMMARY_STATES = ['draft', 'published'] as const;
export type SummaryState = (typeof SUMMARY_STATES)[number];

/** Registrants' personal data (phone, dietary notes, guest names) is purged this long after the event. */
export const DEFAULT_FORUM_RETENTION_DAYS = 365;
