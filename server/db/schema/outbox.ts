import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'held';

/** A file as it is sent with an email (a calendar invitation, a ticket): content in base64. */
export type SendableAttachment = { filename: string; contentType: string; contentBase64: string };
/** A file queued with an email: its content, or the text of a QR code drawn as a PNG when it is sent. */
export type EmailAttachment =
  | SendableAttachment
  | { filename: string; contentType: 'image/png'; qrCodeOf: string };

export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text_body').notNull(),
    html: text('html_body').notNull(),
    /** Files sent with it (emptied with the bodies by retention). */
    attachments: jsonb('attachments').$type<EmailAttachment[]>().notNull().default([]),
    /** held: no SMTP configured, kept for admins to read. */
    status: text('status').$type<OutboxStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Retention (ADR 0009): recipient and bodies of a sent email emptied; kind, subject and dates kept. */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_emails_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_emails_created_idx').on(t.createdAt),
  ],
);
export type OutboxEmailRow = typeof outboxEmails.$inferSelect;
