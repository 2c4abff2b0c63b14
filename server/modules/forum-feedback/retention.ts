/**
 * Retention of forum registrants' personal data (ADR 0009): once an event ended longer ago than
 * RETENTION_FORUM_REGISTRANTS_DAYS, its registrants' phone, dietary notes, guest name and email are
 * blanked, and who answered its survey is forgotten. Organisation, sector, state and check-ins stay, so
 * attendance per organisation and sector counts the same afterwards.
 */
import { and, eq, isNull, lt } from 'drizzle-orm';
import { DAY_MS } from '../../../common/time.ts';
import { forumEvents, forumRegistrations, forumSurveySubmissions } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';

export async function purgeForumPersonalData(deps: Pick<Deps, 'db' | 'clock' | 'config'>) {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.config.retention.forumRegistrantsDays * DAY_MS);
  const due = await deps.db
    .select({ id: forumEvents.id })
    .from(forumEvents)
    .where(and(lt(forumEvents.endsAt, cutoff), isNull(forumEvents.personalDataPurgedAt)));
  let events = 0;
  for (const { id } of due) {
    // The claim on the event row makes each purge happen once, whichever instance gets there first.
    const purged = await deps.db.transaction(async (tx) => {
      const claimed = await tx
        .update(forumEvents)
        .set({ personalDataPurgedAt: now })
        .where(and(eq(forumEvents.id, id), isNull(forumEvents.personalDataPurgedAt)))
        .returning({ id: forumEvents.id });
      if (claimed.length === 0) return false;
      const registrations = await tx
        .update(forumRegistrations)
        .set({ phone: null, dietaryNotes: null, guestName: null, email: null, personalDataPurgedAt: now })
        .where(eq(forumRegistrations.eventId, id))
        .returning({ id: forumRegistrations.id });
      const submissions = await tx
        .delete(forumSurveySubmissions)
        .where(eq(forumSurveySubmissions.eventId, id))
        .returning({ userId: forumSurveySubmissions.userId });
      await recordAudit(
        tx,
        { actor: null, ip: null, userAgent: 'tipnet-job', now },
        {
          action: 'forum_feedback.personal_data_purged',
          entityType: 'forum_event',
          entityId: id,
          changes: { registrations: registrations.length, surveySubmissions: submissions.length },
        },
      );
      return true;
    });
    if (purged) events++;
  }
  return events;
}
