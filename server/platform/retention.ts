/**
 * Retention of personal data (ADR 0009): once a day, what is older than its setting is purged. Each step
 * is an idempotent UPDATE or DELETE, so every instance may run the job at the same time.
 */

import { and, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import { DAY_MS } from '../../common/time.ts';
import { notifications, outboxEmails, sessions } from '../db/schema/index.ts';
import { purgeAuditClientDetails } from './audit.ts';
import type { Deps } from './deps.ts';
import { KEY_RETENTION_MS, purgeIdempotencyKeys } from './idempotency.ts';
import type { Job } from './jobs.ts';

export type RetentionReport = {
  sessions: number;
  auditClientDetails: number;
  outboxEmails: number;
  notifications: number;
  idempotencyKeys: number;
};

export async function runRetention(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<RetentionReport> {
  const now = deps.clock.now().getTime();
  const { retention } = deps.config;
  const cutoff = (days: number) => new Date(now - days * DAY_MS);

  // A session row holds an IP address and a browser; it is useless once it has not been used for this long.
  const endedSessions = await deps.db
    .delete(sessions)
    .where(lt(sessions.lastSeenAt, cutoff(retention.sessionsDays)))
    .returning({ id: sessions.id });

  const auditClientDetails = await purgeAuditClientDetails(deps.db, cutoff(retention.auditIpDays));

  // An email done with (sent, or held/failed for this long) keeps its kind, subject and dates, but no
  // longer whom it went to or what it said. Pending emails are still to be sent and are left alone.
  const emails = await deps.db
    .update(outboxEmails)
    .set({ to: '', text: '', html: '', attachments: [], lastError: null, purgedAt: new Date(now) })
    .where(
      and(
        ne(outboxEmails.status, 'pending'),
        lt(sql`coalesce(${outboxEmails.sentAt}, ${outboxEmails.createdAt})`, cutoff(retention.outboxDays)),
        isNull(outboxEmails.purgedAt),
      ),
    )
    .returning({ id: outboxEmails.id });

  // Unread notifications stay until read: they may still be something the person has to act on.
  const readNotifications = await deps.db
    .delete(notifications)
    .where(
      and(isNotNull(notifications.readAt), lt(notifications.createdAt, cutoff(retention.notificationsDays))),
    )
    .returning({ id: notifications.id });

  // A key only guards retries of one submission; its stored response may hold personal data.
  const idempotencyKeys = await purgeIdempotencyKeys(deps.db, new Date(now - KEY_RETENTION_MS));

  return {
    sessions: endedSessions.length,
    auditClientDetails,
    outboxEmails: emails.length,
    notifications: readNotifications.length,
    idempotencyKeys,
  };
}

export const retentionJob: Job = {
  name: 'retention',
  everyMs: DAY_MS,
  firstAfterMs: 10 * 60_000,
  run: async (deps) => {
    const report = await runRetention(deps);
    deps.logger.info({ retention: report }, 'personal data past its retention purged');
  },
};
