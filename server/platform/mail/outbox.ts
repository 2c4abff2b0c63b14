import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lte, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Language } from '../../../common/taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { insertEachRowOf } from '../../db/insert-each-row.ts';
import {
  type EmailAttachment,
  type OutboxEmailRow,
  outboxEmails,
  type SendableAttachment,
} from '../../db/schema/index.ts';
import type { Clock } from '../context.ts';
import { sendableAttachment } from './qr-attachment.ts';
import { type EmailTemplate, renderEmail } from './templates.ts';

export type MailTransport = {
  send: (mail: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    attachments?: SendableAttachment[];
  }) => Promise<void>;
};

export type { EmailAttachment };

/** Retries back off: 1 min, 5 min, 30 min, 2 h, then every 6 h; after 8 attempts the email is marked failed. */
const BACKOFF_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];
const MAX_ATTEMPTS = 8;
/** A claimed email is not picked up by another instance for this long (its sending lease). */
const LEASE_MS = 120_000;

/** What the outbox row is filed under: a composed email names its own kind. */
const kindOf = (t: EmailTemplate) => (t.kind === 'composed' ? t.outboxKind : t.kind);

type Mail = { to: string; language: Language; template: EmailTemplate; attachments?: EmailAttachment[] };
export type PreparedEmail = typeof outboxEmails.$inferInsert;

/** The outbox row of an email, rendered: prepared before a lock is taken, then queued under it. */
export function prepareEmail(deps: { hasMailTransport: boolean }, now: Date, mail: Mail): PreparedEmail {
  return {
    id: randomUUID(),
    kind: kindOf(mail.template),
    to: mail.to,
    ...renderEmail(mail.template, mail.language),
    attachments: mail.attachments ?? [],
    status: deps.hasMailTransport ? 'pending' : 'held',
    nextAttemptAt: now,
    createdAt: now,
  };
}

/** Queues a prepared email in the caller's transaction; it is sent only after that transaction commits. */
export async function enqueuePrepared(
  tx: Db,
  deps: { hasMailTransport: boolean; logger: Logger },
  email: PreparedEmail,
): Promise<void> {
  await tx.insert(outboxEmails).values(email);
  logHeld(deps, email);
}

function logHeld(deps: { hasMailTransport: boolean; logger: Logger }, email: PreparedEmail) {
  // Never the body: it carries one-time links.
  if (!deps.hasMailTransport)
    deps.logger.info(
      { emailId: email.id, kind: email.kind, to: email.to },
      'email kept in outbox (no SMTP_URL)',
    );
}

/**
 * enqueuePrepared as a CTE of a write made in one statement: the email, queued for the row `source` (the
 * write's RETURNING) yields.
 */
export function enqueueEachRowOf(
  deps: { hasMailTransport: boolean; logger: Logger },
  email: PreparedEmail,
  source: SQLWrapper,
): SQL {
  logHeld(deps, email);
  return insertEachRowOf(outboxEmails, email, source);
}

/** Queues an email in the caller's transaction; it is sent only after that transaction commits. */
export async function enqueueEmail(
  tx: Db,
  deps: { hasMailTransport: boolean; logger: Logger },
  now: Date,
  mail: Mail,
): Promise<void> {
  await enqueuePrepared(tx, deps, prepareEmail(deps, now, mail));
}

/** Queues many emails with one INSERT (a fan-out to hundreds of people), like enqueueEmail. */
export async function enqueueEmails(
  tx: Db,
  deps: { hasMailTransport: boolean; logger: Logger },
  now: Date,
  mails: { to: string; language: Language; template: EmailTemplate; attachments?: EmailAttachment[] }[],
): Promise<void> {
  if (mails.length === 0) return;
  const status = deps.hasMailTransport ? ('pending' as const) : ('held' as const);
  for (let i = 0; i < mails.length; i += 500) {
    await tx.insert(outboxEmails).values(
      mails.slice(i, i + 500).map((mail) => ({
        id: randomUUID(),
        kind: kindOf(mail.template),
        to: mail.to,
        ...renderEmail(mail.template, mail.language),
        attachments: mail.attachments ?? [],
        status,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
  }
  if (!deps.hasMailTransport)
    deps.logger.info({ count: mails.length }, 'emails kept in outbox (no SMTP_URL)');
}

export type Mailer = { kick: () => void; drain: () => Promise<number>; stop: () => Promise<void> };

/**
 * Delivers due outbox emails. Claiming pushes `next_attempt_at` forward under SKIP LOCKED,
 * so several instances never send the same email, and no transaction is held open while SMTP talks.
 */
export function startMailer(opts: {
  db: Db;
  clock: Clock;
  transport: MailTransport | null;
  from: string;
  logger: Logger;
  pollMs?: number;
}): Mailer {
  const { db, clock, transport, from, logger } = opts;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function claimDue(): Promise<OutboxEmailRow[]> {
    const now = clock.now();
    const due = db
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(and(eq(outboxEmails.status, 'pending'), lte(outboxEmails.nextAttemptAt, now)))
      .orderBy(outboxEmails.nextAttemptAt)
      .limit(20)
      .for('update', { skipLocked: true });
    return db
      .update(outboxEmails)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${outboxEmails.attempts} + 1` })
      .where(inArray(outboxEmails.id, due))
      .returning();
  }

  async function deliver(email: OutboxEmailRow): Promise<void> {
    try {
      await transport!.send({
        from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        ...(email.attachments.length > 0
          ? { attachments: await Promise.all(email.attachments.map(sendableAttachment)) }
          : {}),
      });
      await db
        .update(outboxEmails)
        .set({ status: 'sent', sentAt: clock.now(), lastError: null })
        .where(eq(outboxEmails.id, email.id));
      logger.info({ emailId: email.id, kind: email.kind }, 'email sent');
    } catch (err) {
      const failed = email.attempts >= MAX_ATTEMPTS;
      const delay = BACKOFF_MS[Math.min(email.attempts - 1, BACKOFF_MS.length - 1)]!;
      await db
        .update(outboxEmails)
        .set({
          status: failed ? 'failed' : 'pending',
          lastError: String((err as Error)?.message ?? err).slice(0, 500),
          nextAttemptAt: new Date(clock.now().getTime() + delay),
        })
        .where(eq(outboxEmails.id, email.id));
      logger.warn({ emailId: email.id, attempts: email.attempts, failed }, 'email delivery failed');
    }
  }

  async function drainOnce(): Promise<number> {
    if (!transport) return 0;
    let sent = 0;
    for (let batch = 0; batch < 50 && !stopped; batch++) {
      const claimed = await claimDue();
      if (claimed.length === 0) break;
      for (const email of claimed) await deliver(email);
      sent += claimed.length;
    }
    return sent;
  }

  /** One drain at a time per instance; a kick during a drain is absorbed by the next poll. */
  function drain(): Promise<number> {
    running ??= drainOnce().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = transport
    ? setInterval(
        () => drain().catch((err) => logger.error({ err }, 'outbox drain failed')),
        opts.pollMs ?? 10_000,
      )
    : null;
  timer?.unref();

  return {
    kick: () => {
      if (transport) drain().catch((err) => logger.error({ err }, 'outbox drain failed'));
    },
    drain,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
