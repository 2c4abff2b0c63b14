/**
 * In-app notifications, fanned out from the problems timeline (problem_events) by one INSERT … SELECT per
 * event, or written with a coordination request's timeline event (coordination_request_events) in the
 * same transaction. Each is about exactly one of the two (a CHECK). `email` is decided at fan-out from
 * the recipient's preferences; `emailed_at` is set when the email is queued (immediately) or included in
 * a daily digest, so neither is ever sent twice. Coordination notifications are `off`: the escalation
 * engine sends its own email with the acknowledge link.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  CoordinationNotificationReason,
  CoordinationNotifiedKind,
  EmailFrequency,
  NotificationReason,
} from '../../../common/notifications-api.ts';
import type { NotifiedKind } from '../../../common/problem-events.ts';
import { coordinationRequestEvents, coordinationRequests } from './coordination.ts';
import { problemEvents, problems } from './problems.ts';
import { users } from './users.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** Arrival order, for the newest-first list and its cursor (ids are random). */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => users.id),
    /** The timeline event's kind (commented, answered, overdue, …; escalated, state_changed, rated). */
    kind: text('kind').$type<NotifiedKind | CoordinationNotifiedKind>().notNull(),
    /** Why this person hears of it; picks the email preference. */
    reason: text('reason').$type<NotificationReason | CoordinationNotificationReason>().notNull(),
    problemId: uuid('problem_id').references(() => problems.id),
    eventId: bigint('event_id', { mode: 'number' }).references(() => problemEvents.id),
    coordinationRequestId: uuid('coordination_request_id').references(() => coordinationRequests.id),
    coordinationEventId: bigint('coordination_event_id', { mode: 'number' }).references(
      () => coordinationRequestEvents.id,
    ),
    email: text('email').$type<EmailFrequency>().notNull(),
    emailedAt: ts('emailed_at'),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('notifications_recipient_event_key').on(t.recipientUserId, t.eventId),
    uniqueIndex('notifications_recipient_coordination_event_key').on(
      t.recipientUserId,
      t.coordinationEventId,
    ),
    check(
      'notifications_one_subject',
      sql`(${t.problemId} is not null and ${t.eventId} is not null and ${t.coordinationRequestId} is null and ${t.coordinationEventId} is null) or (${t.problemId} is null and ${t.eventId} is null and ${t.coordinationRequestId} is not null and ${t.coordinationEventId} is not null)`,
    ),
    index('notifications_recipient_seq_idx').on(t.recipientUserId, t.seq),
    index('notifications_unread_idx').on(t.recipientUserId).where(sql`${t.readAt} is null`),
    index('notifications_digest_idx')
      .on(t.recipientUserId, t.createdAt)
      .where(sql`${t.email} = 'daily' and ${t.emailedAt} is null`),
  ],
);
export type NotificationRow = typeof notifications.$inferSelect;

/** Email per kind of event; a user without a row has the defaults of DEFAULT_PREFERENCES. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  myProblems: text('my_problems').$type<EmailFrequency>().notNull(),
  assignedToMyOrganisation: text('assigned_to_my_organisation').$type<EmailFrequency>().notNull(),
  followed: text('followed').$type<EmailFrequency>().notNull(),
  mentions: text('mentions').$type<EmailFrequency>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});
export type NotificationPreferencesRow = typeof notificationPreferences.$inferSelect;

/**
 * Timeline events already fanned out: the primary key makes each event's fan-out happen once even when
 * every instance races for it. Rows at or below the state's low-water mark are pruned.
 */
export const notificationDispatches = pgTable(
  'notification_dispatches',
  {
    eventId: bigint('event_id', { mode: 'number' }).primaryKey(),
    recipients: integer('recipients').notNull(),
    dispatchedAt: ts('dispatched_at').notNull(),
  },
  (t) => [index('notification_dispatches_at_idx').on(t.dispatchedAt)],
);

/** One row: every event with an id at or below `low_water` has been dispatched (or was too old to). */
export const notificationDispatchState = pgTable('notification_dispatch_state', {
  id: smallint('id').primaryKey().default(1),
  lowWater: bigint('low_water', { mode: 'number' }).notNull(),
  updatedAt: ts('updated_at').notNull(),
});
