/**
 * One timeline event → the notifications of everyone who should hear of it, in one INSERT … SELECT
 * (1,000 followers cost one statement, not 1,000). Who hears of what:
 * - the reporter (my_problem): supports, assignment, answers, status changes, comments;
 * - followers (followed) and the assigned organisations' org admins and focal points (assigned):
 *   assignment, answers, status changes, comments;
 * - people mentioned in a comment, and the org admins and focal points of mentioned organisations
 *   (mention); an edited comment notifies only those it newly mentions;
 * - overdue: the assigned organisations' org admins; escalated: the Centre's admins.
 * A person gets one notification per event, for the most specific reason; never for their own act;
 * centre-only events reach admins only. Immediate emails and LINE messages are queued in the same transaction.
 */
import { inArray, sql } from 'drizzle-orm';
import {
  DEFAULT_PREFERENCES,
  type EmailFrequency,
  type NotificationReason,
} from '../../../common/notifications-api.ts';
import type { NotifiedKind } from '../../../common/problem-events.ts';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/deps.ts';
import { enqueueEmails } from '../../platform/mail/outbox.ts';
import { enqueueLineMessages, problemLineMessages } from '../line/index.ts';
import { eventMailsFor } from './mail.ts';

const TO_REPORTER: NotifiedKind[] = ['supported', 'assigned', 'answered', 'state_changed', 'commented'];
const TO_FOLLOWERS_AND_ASSIGNED: NotifiedKind[] = ['assigned', 'answered', 'state_changed', 'commented'];
const MENTIONING: NotifiedKind[] = ['commented', 'comment_edited'];
const TO_ASSIGNED_ADMINS: NotifiedKind[] = ['overdue'];
const TO_CENTRE_ADMINS: NotifiedKind[] = ['escalated'];

const kinds = (list: NotifiedKind[]) =>
  sql`array[${sql.join(
    list.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[]`;

/** Org admins, and people holding an open focal-point role, of the organisation `org`. */
const respondsFor = (org: ReturnType<typeof sql>, adminsOnly = false) => sql`(
  u.organisation_id = ${org} and u.active and (u.role = 'org_admin'${
    adminsOnly
      ? sql``
      : sql` or exists (
    select 1 from people pe join focal_points fp on fp.person_id = pe.id and fp.ended_at is null
    where pe.user_id = u.id and pe.active and fp.organisation_id = u.organisation_id)`
  }))`;

export type FanOut = { recipients: string[]; emailed: number };

export async function fanOutEvent(
  tx: Db,
  deps: Pick<Deps, 'config' | 'hasMailTransport' | 'logger'>,
  eventId: number,
  now: Date,
): Promise<FanOut> {
  const d = DEFAULT_PREFERENCES;
  const inserted = await tx.execute(sql`
    with e as (
      select id, problem_id, kind, actor_user_id, visibility, data from problem_events where id = ${eventId}
    ),
    candidates(user_id, reason, rank) as (
      select p.reporter_user_id, 'my_problem', 2
        from e join problems p on p.id = e.problem_id
        where e.kind = any(${kinds(TO_REPORTER)})
      union all
      select f.user_id, 'followed', 4
        from e join problem_follows f on f.problem_id = e.problem_id
        where e.kind = any(${kinds(TO_FOLLOWERS_AND_ASSIGNED)})
      union all
      select u.id, 'assigned', 3
        from e join problem_assignments a on a.problem_id = e.problem_id
        join users u on ${respondsFor(sql`a.organisation_id`)}
        where e.kind = any(${kinds(TO_FOLLOWERS_AND_ASSIGNED)})
      union all
      select u.id, 'assigned', 3
        from e join problem_assignments a on a.problem_id = e.problem_id
        join users u on ${respondsFor(sql`a.organisation_id`, true)}
        where e.kind = any(${kinds(TO_ASSIGNED_ADMINS)})
      union all
      select u.id, 'assigned', 3
        from e join users u on u.role = 'admin' and u.active
        where e.kind = any(${kinds(TO_CENTRE_ADMINS)})
      union all
      select m.user_id, 'mention', 1
        from e cross join lateral (
          select (jsonb_array_elements_text(coalesce(e.data->'mentionedUserIds', '[]'::jsonb)))::uuid as user_id
          union
          select u.id from users u
            where u.organisation_id in (
              select (jsonb_array_elements_text(coalesce(e.data->'mentionedOrganisationIds', '[]'::jsonb)))::uuid)
              and ${respondsFor(sql`u.organisation_id`)}
        ) m
        where e.kind = any(${kinds(MENTIONING)})
          and not (e.kind = 'comment_edited' and exists (
            select 1 from notifications n join problem_events pe on pe.id = n.event_id
            where n.recipient_user_id = m.user_id and n.problem_id = e.problem_id and n.reason = 'mention'
              and pe.data->>'commentId' = e.data->>'commentId'))
    ),
    best as (
      select distinct on (user_id) user_id, reason from candidates order by user_id, rank
    )
    insert into notifications (recipient_user_id, kind, reason, problem_id, event_id, email, created_at)
    select b.user_id, e.kind, b.reason, e.problem_id, e.id,
      case b.reason
        when 'my_problem' then coalesce(np.my_problems, ${d.myProblems})
        when 'assigned' then coalesce(np.assigned_to_my_organisation, ${d.assignedToMyOrganisation})
        when 'followed' then coalesce(np.followed, ${d.followed})
        else coalesce(np.mentions, ${d.mentions})
      end,
      ${now.toISOString()}::timestamptz
    from best b
    cross join e
    join users u on u.id = b.user_id and u.active
    left join notification_preferences np on np.user_id = b.user_id
    where b.user_id is distinct from e.actor_user_id
      and (e.visibility = 'all' or u.role = 'admin')
    on conflict (recipient_user_id, event_id) do nothing
    returning id, recipient_user_id, reason, email, kind, problem_id
  `);
  const rows = rowsOf<{
    id: string;
    recipient_user_id: string;
    reason: NotificationReason;
    email: EmailFrequency;
    kind: NotifiedKind;
    problem_id: string;
  }>(inserted);
  // The LINE channel decides per recipient (linked? preference for this reason?) what it sends.
  if (rows[0])
    await enqueueLineMessages(tx, deps, now, problemLineMessages(rows[0].kind, rows[0].problem_id, rows));
  const immediate = rows.filter((r) => r.email === 'immediately');
  if (immediate.length > 0) {
    const mails = await eventMailsFor(tx, deps.config.baseUrl, eventId, immediate);
    await enqueueEmails(tx, deps, now, mails);
    await tx
      .update(notifications)
      .set({ emailedAt: now })
      .where(
        inArray(
          notifications.id,
          immediate.map((r) => r.id),
        ),
      );
  }
  return { recipients: rows.map((r) => r.recipient_user_id), emailed: immediate.length };
}
