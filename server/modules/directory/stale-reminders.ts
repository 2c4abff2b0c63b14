/**
 * Reminds organisation admins by email when their entry has gone 180 days without a review. A reminder is
 * recorded on the organisation, so the job can run often (and on every instance) without repeating it;
 * another one goes out only after REMIND_AGAIN_MS if the entry is still stale.
 */

import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { DAY_MS } from '../../../common/time.ts';
import { organisations, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueEmail } from '../../platform/mail/outbox.ts';
import { mailRecipientColumns } from '../../platform/projections.ts';
import { staleSince, staleSql } from './staleness.ts';

const REMIND_AGAIN_MS = 30 * DAY_MS;
const BATCH = 100;

export async function sendStaleReminders(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'hasMailTransport' | 'logger'>,
) {
  const now = deps.clock.now();
  const remindedBefore = new Date(now.getTime() - REMIND_AGAIN_MS);
  let reminded = 0;
  for (;;) {
    const sent = await deps.db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(organisations)
        .where(
          and(
            staleSql(now),
            or(
              isNull(organisations.staleReminderSentAt),
              lt(organisations.staleReminderSentAt, remindedBefore),
              // Reviewed since the last reminder, then stale again: a new stale period.
              lt(
                organisations.staleReminderSentAt,
                sql`coalesce(${organisations.lastReviewedAt}, ${organisations.createdAt})`,
              ),
            ),
          ),
        )
        .orderBy(organisations.id)
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const org of due) {
        const admins = await tx
          .select(mailRecipientColumns)
          .from(users)
          .where(and(eq(users.organisationId, org.id), eq(users.role, 'org_admin'), eq(users.active, true)));
        for (const admin of admins) {
          await enqueueEmail(tx, deps, now, {
            to: admin.email,
            language: admin.language,
            template: {
              kind: 'directory_stale',
              displayName: admin.displayName,
              organisationName: admin.language === 'th' ? org.nameTh : org.nameEn,
              lastReviewed: (org.lastReviewedAt ?? org.createdAt).toISOString().slice(0, 10),
              link: `${deps.config.baseUrl}/organisations/${org.id}`,
            },
          });
        }
        await tx.update(organisations).set({ staleReminderSentAt: now }).where(eq(organisations.id, org.id));
        await recordAudit(
          tx,
          { actor: null, ip: null, userAgent: 'tipnet-directory-reminders', now },
          {
            action: 'organisation.stale_reminder_sent',
            entityType: 'organisation',
            entityId: org.id,
            changes: { staleSince: staleSince(org).toISOString(), recipients: admins.length },
          },
        );
      }
      return due.length;
    });
    reminded += sent;
    if (sent < BATCH) return reminded;
  }
}
