/** The HTTP contract of the notification centre (/api/v1/notifications) and its email preferences. */
import { z } from 'zod';
import { Id, OrganisationSummary, Page, PageQuery, Timestamp } from './api.ts';
import { CoordinationStateCode, RequestTypeCode, UrgencyCode } from './coordination-api.ts';
import { SLA_TARGET_NAMES } from './coordination-sla.ts';
import { ESCALATION_TARGETS } from './coordination-states.ts';
import { NOTIFIED_KINDS } from './problem-events.ts';
import { ProblemStateCode } from './taxonomy-codes.ts';

/** Why someone hears of an event; each reason has its own email preference. */
export const NOTIFICATION_REASONS = ['my_problem', 'assigned', 'followed', 'mention'] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

/**
 * Why someone hears of a coordination request: it is their request (`my_request`), an escalation step
 * reached them (`escalation`: on call, backup, unit head or the Centre), or they acknowledged it for
 * their unit and the requester moved or rated it (`handling`), or a response-time target of their unit
 * is 80 % used or missed (`unit_sla`: the on-call members, else all members; heads too on a breach).
 * No email preference: the escalation engine emails its own alert with the acknowledge link, the rest
 * is in-app.
 */
export const COORDINATION_NOTIFICATION_REASONS = [
  'my_request',
  'escalation',
  'handling',
  'unit_sla',
] as const;
export type CoordinationNotificationReason = (typeof COORDINATION_NOTIFICATION_REASONS)[number];
/** The coordination timeline events someone is told of. */
export const COORDINATION_NOTIFIED_KINDS = [
  'escalated',
  'state_changed',
  'rated',
  'sla_warning',
  'sla_breached',
] as const;
export type CoordinationNotifiedKind = (typeof COORDINATION_NOTIFIED_KINDS)[number];

export const EMAIL_FREQUENCIES = ['immediately', 'daily', 'off'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];
export const EmailFrequencyCode = z.enum(EMAIL_FREQUENCIES);

export const NotificationPreferencesView = z.object({
  myProblems: EmailFrequencyCode,
  assignedToMyOrganisation: EmailFrequencyCode,
  followed: EmailFrequencyCode,
  mentions: EmailFrequencyCode,
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesView>;
export const UpdateNotificationPreferencesBody = z.strictObject(NotificationPreferencesView.shape);

/** Until a user chooses: what is theirs or their organisation's arrives at once, what they follow daily. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
  myProblems: 'immediately',
  assignedToMyOrganisation: 'immediately',
  followed: 'daily',
  mentions: 'immediately',
};

export const PREFERENCE_OF_REASON: Record<NotificationReason, keyof NotificationPreferences> = {
  my_problem: 'myProblems',
  assigned: 'assignedToMyOrganisation',
  followed: 'followed',
  mention: 'mentions',
};

type NotifiedKindOrCoordination = (typeof NOTIFIED_KINDS)[number] | CoordinationNotifiedKind;
const ALL_KINDS = [...new Set([...NOTIFIED_KINDS, ...COORDINATION_NOTIFIED_KINDS])] as [
  NotifiedKindOrCoordination,
  ...NotifiedKindOrCoordination[],
];

/**
 * A notification is about a problem or about a coordination request, never both. Of a request it tells
 * only what routing knows (type, urgency, the move): never its text, and never anything from its vault.
 */
export const NotificationRequestView = z.object({
  id: Id,
  type: RequestTypeCode,
  urgency: UrgencyCode,
  /** For state changes: the state the request moved to. */
  toState: CoordinationStateCode.nullable(),
  /** For escalations: whom the step reached. */
  escalationTarget: z.enum(ESCALATION_TARGETS).nullable(),
  /** For ratings: the score given (1–5). */
  score: z.number().int().nullable(),
  /** For SLA warnings and breaches: which target (acknowledge, acceptOrDecline, outcome). */
  slaTarget: z.enum(SLA_TARGET_NAMES).nullable(),
});

export const NotificationView = z.object({
  id: Id,
  kind: z.enum(ALL_KINDS),
  reason: z.enum([...NOTIFICATION_REASONS, ...COORDINATION_NOTIFICATION_REASONS]),
  problem: z.object({ id: Id, title: z.string(), state: ProblemStateCode }).nullable(),
  request: NotificationRequestView.nullable(),
  /** null when the actor belongs to an anonymous reporter's organisation the reader may not see. */
  actor: z.object({ id: Id, displayName: z.string() }).nullable(),
  actorOrganisation: OrganisationSummary.nullable(),
  /** The actor is the (anonymous) reporter: shown as "the reporter" instead of a name. */
  byReporter: z.boolean(),
  /** For a problem's state changes: the new state. */
  toState: ProblemStateCode.nullable(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationListQuery = PageQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
});
export const NotificationPage = Page(NotificationView);
export const UnreadCountView = z.object({ unread: z.number().int() });
export const MarkAllReadBody = z.strictObject({
  /** Marks only notifications up to this one (the newest the reader has seen); all when omitted. */
  upTo: Id.optional(),
});
export const MarkAllReadView = z.object({ marked: z.number().int(), unread: z.number().int() });
