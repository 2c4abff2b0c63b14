/**
 * For the reports module: how the owners of forum action items kept their due dates. Only published
 * actions count (held by a finalised version of their minutes: before that they are the Centre's draft),
 * and dropped ones are no longer owed. Raw figures of the whole network; the review decides what each
 * viewer may see of them.
 */
import { sql } from 'drizzle-orm';
import { OPEN_ACTION_STATUSES } from '../../../common/forum-states.ts';
import type { Db } from '../../db/client.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { forumActionEvents, forumActions, organisations } from '../../db/schema/index.ts';
import { publishedSql } from './minutes.queries.ts';

export type ForumActionOwnerRow = {
  organisationId: string;
  nameTh: string;
  nameEn: string;
  /** Actions due in the range (not dropped). */
  due: number;
  /** Of those, done by the end of their due day in Bangkok. */
  onTime: number;
  /** Done after it. */
  late: number;
  /** Still open or in progress with the due day behind `today`. */
  openOverdue: number;
};

const openStatuses = sql.join(
  OPEN_ACTION_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * The statement behind `forumActionsDue`: per owner organisation, the published actions due on Bangkok
 * days [from, to) (`YYYY-MM-DD`, `to` excluded). An action is done when it last moved to done (its
 * history, by forum_action_events_action_idx; `updated_at` for one without), on time when that was on or
 * before its due day in Bangkok.
 */
export function actionsDueStatement(days: { from: string; to: string }, today: string) {
  const a = forumActions;
  const h = forumActionEvents;
  // Bangkok is UTC+7 all year: the day an instant falls on there, whatever the session's time zone.
  const doneDay = sql`((coalesce(done.at, ${a.updatedAt}) at time zone 'UTC') + interval '7 hours')::date`;
  return sql`
      select ${a.ownerOrganisationId} as organisation_id, o.name_th, o.name_en,
        count(*)::int as due,
        count(*) filter (where ${a.status} = 'done' and ${doneDay} <= ${a.dueOn})::int as on_time,
        count(*) filter (where ${a.status} = 'done' and ${doneDay} > ${a.dueOn})::int as late,
        count(*) filter (where ${a.status} in (${openStatuses}) and ${a.dueOn} < ${today}::date)::int as open_overdue
      from ${a}
        join ${organisations} o on o.id = ${a.ownerOrganisationId}
        left join lateral (
          select ${h.at} as at from ${h}
          where ${h.actionId} = ${a.id} and ${h.toStatus} = 'done' and ${a.status} = 'done'
          order by ${h.at} desc limit 1
        ) done on true
      where ${a.dueOn} >= ${days.from}::date and ${a.dueOn} < ${days.to}::date
        and ${a.status} <> 'dropped' and ${publishedSql}
      group by 1, 2, 3`;
}

/** Per owner organisation, the published actions due on Bangkok days [from, to), and how they were kept. */
export async function forumActionsDue(
  db: Db,
  days: { from: string; to: string },
  today: string,
): Promise<ForumActionOwnerRow[]> {
  const rows = rowsOf<{
    organisation_id: string;
    name_th: string;
    name_en: string;
    due: number;
    on_time: number;
    late: number;
    open_overdue: number;
  }>(await executePrepared(db, actionsDueStatement(days, today)));
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    nameTh: r.name_th,
    nameEn: r.name_en,
    due: r.due,
    onTime: r.on_time,
    late: r.late,
    openOverdue: r.open_overdue,
  }));
}

/** The statement behind `forumActionsOverdue`. */
export function actionsOverdueStatement(today: string) {
  const a = forumActions;
  return sql`
      select ${a.ownerOrganisationId} as "organisationId", count(*)::int as n
      from ${a}
      where ${a.status} in (${openStatuses}) and ${a.dueOn} < ${today}::date and ${publishedSql}
      group by 1`;
}

/** Per owner organisation, the published actions open now whose due day is behind `today`. */
export async function forumActionsOverdue(db: Db, today: string) {
  return rowsOf<{ organisationId: string; n: number }>(
    await executePrepared(db, actionsOverdueStatement(today)),
  );
}
