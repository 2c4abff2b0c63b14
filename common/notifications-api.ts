/** The HTTP contract of the notification centre (/api/v1/notifications) and its email preferences. */
import { z } from 'zod';
import { Id, OrganisationSummary, Page, PageQuery, Timestamp } from './api.ts';
import { NOTIFIED_KINDS } from './problem-events.ts';
import { ProblemStateCode } from './problems-taxonomy.ts';

/** Why someone hears of an event; each reason has its own email preference. */
export const NOTIFICATION_REASONS = ['my_problem', 'assigned', 'followed', 'mention'] as const;
export type NotificationReason = (typeof NOTIFICATION_REASONS)[number];

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

export const NotificationView = z.object({
  id: Id,
  kind: z.enum(NOTIFIED_KINDS),
  reason: z.enum(NOTIFICATION_REASONS),
  problem: z.object({ id: Id, title: z.string(), state: ProblemStateCode }),
  /** null when the actor belongs to an anonymous reporter's organisation the reader may not see. */
  actor: z.object({ id: Id, displayName: z.string() }).nullable(),
  actorOrganisation: OrganisationSummary.nullable(),
  /** The actor is the (anonymous) reporter: shown as "the reporter" instead of a name. */
  byReporter: z.boolean(),
  /** For state changes: the new state. */
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
