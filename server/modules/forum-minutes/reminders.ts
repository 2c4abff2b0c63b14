/**
 * Follow-up by e-mail, through the outbox, in each recipient's language:
 * - a reminder when an open action item falls due within ACTION_REMINDER_DAYS_BEFORE days, once per due
 *   date (kind `due_soon:<due date>`, so a postponed action is reminded again);
 * - on Monday morning (Bangkok), a digest of each owner organisation's overdue actions
 *   (kind `overdue_digest:<organisation>`, one row per action and day).
 * The primary key of forum_action_reminders makes "once" hold across instances: a run sends only what
 * its own INSERT claimed. Recipients are the owner's org admins and focal points (as problem
 * notifications pick them) and the action's responsible user; else the owner's active members.
 */
import { and, eq, gte, inArray, lte, notExists, sql } from 'drizzle-orm';
import {
  ACTION_REMINDER_DAYS_BEFORE,
  daysOverdue,
  OVERDUE_DIGEST_FROM_HOUR,
  OVERDUE_DIGEST_WEEKDAY,
} from '../../../common/forum-actions.ts';
import { OPEN_ACTION_STATUSES } from '../../../common/forum-states.ts';
import { DAY_MS, HOUR_MS } from '../../../common/time.ts';
import { bangkokDay } from '../../../common/working-day.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { forumActionReminders, forumActions, forumEvents, organisations } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueEmails } from '../../platform/mail/outbox.ts';
import type { MailRecipient } from '../../platform/projections.ts';
import { publishedSql } from './minutes.queries.ts';

type JobDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'hasMailTransport' | 'logger'>;
const AGENT = 'tipnet-forum-action-reminders';
const DIGEST_LIST = 20;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Who hears about an organisation's actions. */
export async function recipientsOf(db: Db, organisationId: string, responsibleUserIds: string[]) {
  const responsible = responsibleUserIds.length
    ? sql`or u.id in (${sql.join(
        responsibleUserIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const chosen = await db.execute(sql`
    select u.id, u.display_name as "displayName", u.email, u.language from users u
    where u.organisation_id = ${organisationId} and u.active and (u.role = 'org_admin' or exists (
      select 1 from people pe join focal_points fp on fp.person_id = pe.id and fp.ended_at is null
      where pe.user_id = u.id and pe.active and fp.organisation_id = u.organisation_id) ${responsible})
    order by u.id`);
  const rows = rowsOf<MailRecipient>(chosen);
  if (rows.length > 0) return rows;
  return rowsOf<MailRecipient>(
    await db.execute(sql`
      select u.id, u.display_name as "displayName", u.email, u.language from users u
      where u.organisation_id = ${organisationId} and u.active and u.role <> 'observer' order by u.id`),
  );
}

const openAndPublished = and(inArray(forumActions.status, [...OPEN_ACTION_STATUSES]), publishedSql);

export async function sendDueSoonReminders(deps: JobDeps): Promise<number> {
  const now = deps.clock.now();
  const today = bangkokDay(now);
  const kind = sql`'due_soon:' || ${forumActions.dueOn}::text`;
  const due = await deps.db
    .select({
      id: forumActions.id,
      titleTh: forumActions.titleTh,
      titleEn: forumActions.titleEn,
      dueOn: forumActions.dueOn,
      ownerId: forumActions.ownerOrganisationId,
      ownerTh: organisations.nameTh,
      ownerEn: organisations.nameEn,
      responsibleUserId: forumActions.responsibleUserId,
      eventNumber: forumEvents.number,
    })
    .from(forumActions)
    .innerJoin(organisations, eq(organisations.id, forumActions.ownerOrganisationId))
    .innerJoin(forumEvents, eq(forumEvents.id, forumActions.eventId))
    .where(
      and(
        openAndPublished,
        gte(forumActions.dueOn, today),
        lte(forumActions.dueOn, addDays(today, ACTION_REMINDER_DAYS_BEFORE)),
        notExists(
          deps.db
            .select({ one: sql`1` })
            .from(forumActionReminders)
            .where(
              and(eq(forumActionReminders.actionId, forumActions.id), eq(forumActionReminders.kind, kind)),
            ),
        ),
      ),
    )
    .limit(500);
  let sent = 0;
  for (const a of due) {
    const claimed = await deps.db.transaction(async (tx) => {
      const [claim] = await tx
        .insert(forumActionReminders)
        .values({ actionId: a.id, kind: `due_soon:${a.dueOn}`, sentOn: today })
        .onConflictDoNothing()
        .returning();
      if (!claim) return false;
      const to = await recipientsOf(tx, a.ownerId, a.responsibleUserId ? [a.responsibleUserId] : []);
      await enqueueEmails(
        tx,
        deps,
        now,
        to.map((r) => ({
          to: r.email,
          language: r.language,
          template: {
            kind: 'forum_action_due_soon' as const,
            displayName: r.displayName,
            organisationName: r.language === 'th' ? a.ownerTh : a.ownerEn,
            actionTitle: r.language === 'th' ? a.titleTh : (a.titleEn ?? a.titleTh),
            eventTitle: `Let's Talk TIP #${a.eventNumber}`,
            dueOn: a.dueOn!,
            link: `${deps.config.baseUrl}/forums/actions`,
          },
        })),
      );
      await recordAudit(
        tx,
        { actor: null, ip: null, userAgent: AGENT, now },
        {
          action: 'forumMinutes.reminder_sent',
          entityType: 'forum_action',
          entityId: a.id,
          changes: { dueOn: a.dueOn, recipients: to.length },
        },
      );
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/** Monday from OVERDUE_DIGEST_FROM_HOUR in Bangkok (UTC+7 all year). */
export function isDigestTime(now: Date) {
  const bangkok = new Date(now.getTime() + 7 * HOUR_MS);
  return bangkok.getUTCDay() === OVERDUE_DIGEST_WEEKDAY && bangkok.getUTCHours() >= OVERDUE_DIGEST_FROM_HOUR;
}

export async function sendOverdueDigests(deps: JobDeps): Promise<number> {
  const now = deps.clock.now();
  if (!isDigestTime(now)) return 0;
  const today = bangkokDay(now);
  const overdue = await deps.db
    .select({
      id: forumActions.id,
      titleTh: forumActions.titleTh,
      titleEn: forumActions.titleEn,
      dueOn: forumActions.dueOn,
      status: forumActions.status,
      ownerId: forumActions.ownerOrganisationId,
      ownerTh: organisations.nameTh,
      ownerEn: organisations.nameEn,
      responsibleUserId: forumActions.responsibleUserId,
    })
    .from(forumActions)
    .innerJoin(organisations, eq(organisations.id, forumActions.ownerOrganisationId))
    .where(and(openAndPublished, sql`${forumActions.dueOn} < ${today}`))
    .orderBy(forumActions.ownerOrganisationId, forumActions.dueOn);
  const byOwner = new Map<string, typeof overdue>();
  for (const a of overdue) byOwner.set(a.ownerId, [...(byOwner.get(a.ownerId) ?? []), a]);
  let sent = 0;
  for (const [ownerId, actions] of byOwner) {
    const kind = `overdue_digest:${ownerId}`;
    const claimed = await deps.db.transaction(async (tx) => {
      // One INSERT claims the whole digest: a concurrent run waits on these rows, then claims none.
      const claims = await tx
        .insert(forumActionReminders)
        .values(actions.map((a) => ({ actionId: a.id, kind, sentOn: today })))
        .onConflictDoNothing()
        .returning();
      if (claims.length === 0) return false;
      const responsible = actions.flatMap((a) => (a.responsibleUserId ? [a.responsibleUserId] : []));
      const to = await recipientsOf(tx, ownerId, [...new Set(responsible)]);
      const first = actions[0]!;
      await enqueueEmails(
        tx,
        deps,
        now,
        to.map((r) => ({
          to: r.email,
          language: r.language,
          template: {
            kind: 'forum_actions_overdue_digest' as const,
            displayName: r.displayName,
            organisationName: r.language === 'th' ? first.ownerTh : first.ownerEn,
            items: actions.slice(0, DIGEST_LIST).map((a) => ({
              title: r.language === 'th' ? a.titleTh : (a.titleEn ?? a.titleTh),
              dueOn: a.dueOn!,
              daysOverdue: daysOverdue(a.dueOn, a.status, today),
            })),
            more: Math.max(0, actions.length - DIGEST_LIST),
            link: `${deps.config.baseUrl}/forums/actions?filter=overdue`,
          },
        })),
      );
      await recordAudit(
        tx,
        { actor: null, ip: null, userAgent: AGENT, now },
        {
          action: 'forumMinutes.overdue_digest_sent',
          entityType: 'organisation',
          entityId: ownerId,
          changes: { actions: actions.length, recipients: to.length },
        },
      );
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

export async function runActionFollowUp(deps: JobDeps) {
  return { reminders: await sendDueSoonReminders(deps), digests: await sendOverdueDigests(deps) };
}
