/**
 * For the reports module: who came to the forums held in a period. Raw figures of the whole network; the
 * review decides what each viewer may see of them.
 */
import { sql } from 'drizzle-orm';
import type { Sector } from '../../../common/taxonomies.ts';
import type { Db } from '../../db/client.ts';
import { executePrepared } from '../../db/prepared.ts';
import { rowsOf } from '../../db/rows.ts';
import { forumCheckins, forumEvents, forumRegistrations, organisations } from '../../db/schema/index.ts';

/** Events that took place: published (or completed) ones. A draft was never held, a cancelled one not. */
const HELD_STATES = ['published', 'completed'] as const;

/** One held event's registrations from one organisation (null: guests from outside the directory) and sector. */
export type ForumAttendanceRow = {
  eventId: string;
  organisationId: string | null;
  nameTh: string | null;
  nameEn: string | null;
  sector: Sector | null;
  /** Registrations confirmed (a place held, whether or not the person came). */
  registered: number;
  /** People checked in at the door. */
  attended: number;
};

export type ForumAttendance = {
  /** Events held: published or completed, started within the range and before `now`. */
  events: number;
  rows: ForumAttendanceRow[];
};

/**
 * The statement behind `forumAttendance`, one row per held event × organisation × sector: the events that
 * started in [start, end) and before `now`, read by start (forum_events_starts_idx), and for each its
 * registrations (forum_registrations_event_state_idx) with their check-in (by the registration's unique
 * check-in): index ranges over the period's events, never a pass over every registration. Names are looked
 * up per organisation by its key: a join let the planner hash every organisation once per event.
 */
export function attendanceStatement(range: { start: Date; end: Date }, now: Date) {
  const e = forumEvents;
  const r = forumRegistrations;
  const c = forumCheckins;
  const end = range.end < now ? range.end : now;
  const states = sql.join(
    HELD_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`
      with held as (
        select ${e.id} as id from ${e}
        where ${e.startsAt} >= ${range.start.toISOString()}::timestamptz
          and ${e.startsAt} < ${end.toISOString()}::timestamptz
          and ${e.state} in (${states})
      )
      select held.id as event_id, p.organisation_id, p.sector, p.registered, p.attended,
        (select array[o.name_th, o.name_en] from ${organisations} o where o.id = p.organisation_id) as names
      from held
        left join lateral (
          select ${r.organisationId} as organisation_id, ${r.sector} as sector,
            count(*) filter (where ${r.state} = 'confirmed')::int as registered,
            count(${c.id})::int as attended
          from ${r} left join ${c} on ${c.registrationId} = ${r.id}
          where ${r.eventId} = held.id and (${r.state} = 'confirmed' or ${c.id} is not null)
          group by 1, 2
        ) p on true`;
}

/** Who came to the forums held in [start, end) before `now`: a held event without registrations has no row. */
export async function forumAttendance(
  db: Db,
  range: { start: Date; end: Date },
  now: Date,
): Promise<ForumAttendance> {
  const rows = rowsOf<{
    event_id: string;
    organisation_id: string | null;
    sector: Sector | null;
    registered: number | null;
    attended: number | null;
    names: [string, string] | null;
  }>(await executePrepared(db, attendanceStatement(range, now)));
  return {
    events: new Set(rows.map((x) => x.event_id)).size,
    rows: rows
      .filter((x) => x.registered !== null)
      .map((x) => ({
        eventId: x.event_id,
        organisationId: x.organisation_id,
        nameTh: x.names?.[0] ?? null,
        nameEn: x.names?.[1] ?? null,
        sector: x.sector,
        registered: x.registered ?? 0,
        attended: x.attended ?? 0,
      })),
  };
}
