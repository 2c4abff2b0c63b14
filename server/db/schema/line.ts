/**
 * The LINE notification channel (issue 16): who is linked to which LINE user, the single-use nonces of
 * account linking, the webhook events already handled (LINE redelivers), per-kind LINE preferences and the
 * LINE outbox (push messages with their stable retry key).
 */
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LineFrequency, LineKind } from '../../../common/line-api.ts';
import { users } from './users.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const lineLinks = pgTable('line_links', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  /** `U` + 32 hex, per provider; unique: one LINE account speaks for one TIPNet account. */
  lineUserId: text('line_user_id').notNull().unique(),
  linkedAt: ts('linked_at').notNull(),
});

/** A nonce TIPNet made for one signed-in user; LINE echoes it back in the accountLink event. */
export const lineLinkNonces = pgTable(
  'line_link_nonces',
  {
    /** sha256 of the nonce, base64url: the nonce itself only travels through LINE. */
    nonceHash: text('nonce_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('line_link_nonces_expires_idx').on(t.expiresAt)],
);

/** Webhook events already handled, by LINE's webhookEventId: a redelivery does nothing. */
export const lineWebhookEvents = pgTable('line_webhook_events', {
  webhookEventId: text('webhook_event_id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: ts('received_at').notNull(),
});

/** LINE preferences per kind; a user without a row has DEFAULT_LINE_PREFERENCES. */
export const linePreferences = pgTable('line_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  myProblems: text('my_problems').$type<LineFrequency>().notNull(),
  assignedToMyOrganisation: text('assigned_to_my_organisation').$type<LineFrequency>().notNull(),
  followed: text('followed').$type<LineFrequency>().notNull(),
  mentions: text('mentions').$type<LineFrequency>().notNull(),
  coordination: text('coordination').$type<LineFrequency>().notNull(),
  criticalEscalation: text('critical_escalation').$type<LineFrequency>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** A quick-reply button under a message: tapping it sends `data` back to the webhook as a postback. */
export type LinePostbackButton = { label: string; data: string; displayText: string };

/** pending → sent | failed; digest → digested (folded into one daily message). */
export type LineOutboxStatus = 'pending' | 'sent' | 'failed' | 'digest' | 'digested';

export const lineOutbox = pgTable(
  'line_outbox',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<LineKind | 'digest'>().notNull(),
    /** The whole message: what happened and a link, in the recipient's language. Never case data. */
    text: text('text').notNull(),
    /** Quick-reply buttons (the acknowledge button of an escalation), labelled in the recipient's language. */
    quickReply: jsonb('quick_reply').$type<LinePostbackButton[]>(),
    /** X-Line-Retry-Key: the same on every attempt, so LINE sends the message once. */
    retryKey: uuid('retry_key').notNull(),
    status: text('status').$type<LineOutboxStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('line_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('line_outbox_user_idx').on(t.userId, t.status),
    index('line_outbox_created_idx').on(t.createdAt),
  ],
);
export type LineOutboxRow = typeof lineOutbox.$inferSelect;
