/**
 * The event page in one statement: the event and its series, the viewer's registration, and the parts
 * (hosts, agenda, problem links, counts, invitation, waitlist position) as JSON subqueries. The page was
 * nine round trips; it is opened by everyone invited, so the database round trips were its cost.
 */
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  type ForumAgendaItemRow,
  forumAgendaItemProblems,
  forumAgendaItems,
  forumEventHosts,
  forumEvents,
  forumInvitations,
  forumRegistrations,
  forumSeries,
  organisations,
  problems,
} from '../../db/schema/index.ts';
import type { OrganisationSummaryRow } from '../../platform/projections.ts';

export type AgendaItemRow = Pick<
  ForumAgendaItemRow,
  | 'id'
  | 'parentId'
  | 'position'
  | 'titleTh'
  | 'titleEn'
  | 'startsAt'
  | 'durationMinutes'
  | 'recurring'
  | 'origin'
  | 'createdAt'
> & { presenting: OrganisationSummaryRow | null };
export type ProblemLinkRow = { itemId: string; id: string; title: string; state: string };

/** An organisation summary as a JSON object of `o` (an alias of organisations), null when absent. */
const summaryJson = (
  o: typeof organisations,
) => sql`case when ${o.id} is null then null else json_build_object(
  'id', ${o.id}, 'nameTh', ${o.nameTh}, 'nameEn', ${o.nameEn}, 'abbreviation', ${o.abbreviation},
  'abbreviationEn', ${o.abbreviationEn}, 'sector', ${o.sector}) end`;

const hostsJson = sql<OrganisationSummaryRow[]>`coalesce((
  select json_agg(${summaryJson(organisations)} order by ${organisations.nameTh})
  from ${forumEventHosts} join ${organisations} on ${organisations.id} = ${forumEventHosts.organisationId}
  where ${forumEventHosts.eventId} = ${forumEvents.id}), '[]'::json)`;

type AgendaJson = Omit<AgendaItemRow, 'startsAt' | 'createdAt'> & {
  startsAt: string | null;
  createdAt: string;
};
const agendaJson = sql<AgendaJson[]>`coalesce((
  select json_agg(json_build_object(
    'id', ${forumAgendaItems.id}, 'parentId', ${forumAgendaItems.parentId},
    'position', ${forumAgendaItems.position}, 'titleTh', ${forumAgendaItems.titleTh},
    'titleEn', ${forumAgendaItems.titleEn}, 'startsAt', ${forumAgendaItems.startsAt},
    'durationMinutes', ${forumAgendaItems.durationMinutes}, 'recurring', ${forumAgendaItems.recurring},
    'origin', ${forumAgendaItems.origin}, 'createdAt', ${forumAgendaItems.createdAt},
    'presenting', ${summaryJson(organisations)}) order by ${forumAgendaItems.position})
  from ${forumAgendaItems}
  left join ${organisations} on ${organisations.id} = ${forumAgendaItems.presentingOrganisationId}
  where ${forumAgendaItems.eventId} = ${forumEvents.id}), '[]'::json)`;

/** The link shows the problem's title and state only. */
const problemLinksJson = sql<ProblemLinkRow[]>`coalesce((
  select json_agg(json_build_object('itemId', ${forumAgendaItemProblems.itemId}, 'id', ${problems.id},
    'title', ${problems.title}, 'state', ${problems.state}))
  from ${forumAgendaItemProblems}
  join ${forumAgendaItems} on ${forumAgendaItems.id} = ${forumAgendaItemProblems.itemId}
  join ${problems} on ${problems.id} = ${forumAgendaItemProblems.problemId}
  where ${forumAgendaItems.eventId} = ${forumEvents.id}), '[]'::json)`;

const countsJson = sql<{ confirmed: number; waitlisted: number; pending: number }>`(
  select json_build_object(
    'confirmed', count(*) filter (where ${forumRegistrations.state} = 'confirmed'),
    'waitlisted', count(*) filter (where ${forumRegistrations.state} = 'waitlisted'),
    'pending', count(*) filter (where ${forumRegistrations.state} = 'pending'))
  from ${forumRegistrations} where ${forumRegistrations.eventId} = ${forumEvents.id})`;

const viewerUserId = sql.placeholder('userId');
const viewerOrganisationId = sql.placeholder('organisationId');

/** An invitation names the viewer, their organisation or their organisation's sector. */
const invitedSql = sql<boolean>`exists (
  select 1 from ${forumInvitations}
  where ${forumInvitations.eventId} = ${forumEvents.id}
    and (${forumInvitations.userId} = ${viewerUserId}
      or ${forumInvitations.organisationId} = ${viewerOrganisationId}
      or ${forumInvitations.sector} = (select ${organisations.sector} from ${organisations}
                                       where ${organisations.id} = ${viewerOrganisationId})))`;

/**
 * Prepared, as the session lookup is: planning this statement took as long as running it (~1 ms each on
 * the bench's event). One per database and per right to read the board.
 */
function prepareEventPage(db: Db, withProblemLinks: boolean) {
  const mine = alias(forumRegistrations, 'mine');
  // 1 = next in line.
  const waitlistPosition = sql<number | null>`case when ${mine.state} = 'waitlisted' then (
    select count(*)::int from ${forumRegistrations}
    where ${forumRegistrations.eventId} = ${forumEvents.id} and ${forumRegistrations.state} = 'waitlisted'
      and ${forumRegistrations.queueNumber} <= ${mine.queueNumber}) end`;
  return db
    .select({
      event: forumEvents,
      seriesNameTh: forumSeries.nameTh,
      seriesNameEn: forumSeries.nameEn,
      registration: mine,
      hosts: hostsJson,
      agenda: agendaJson,
      problemLinks: withProblemLinks ? problemLinksJson : sql<ProblemLinkRow[]>`'[]'::json`,
      counts: countsJson,
      invited: invitedSql,
      waitlistPosition,
    })
    .from(forumEvents)
    .innerJoin(forumSeries, eq(forumSeries.id, forumEvents.seriesId))
    .leftJoin(mine, and(eq(mine.eventId, forumEvents.id), eq(mine.userId, viewerUserId)))
    .where(eq(forumEvents.id, sql.placeholder('eventId')))
    .prepare(withProblemLinks ? 'tipnet_forum_event_page' : 'tipnet_forum_event_page_no_links');
}

const prepared = new WeakMap<Db, Map<boolean, ReturnType<typeof prepareEventPage>>>();

function eventPageQuery(db: Db, withProblemLinks: boolean) {
  const byRight = prepared.get(db) ?? new Map<boolean, ReturnType<typeof prepareEventPage>>();
  prepared.set(db, byRight);
  const query = byRight.get(withProblemLinks) ?? prepareEventPage(db, withProblemLinks);
  byRight.set(withProblemLinks, query);
  return query;
}

/**
 * The rows of the event page, or null when the event does not exist. `withProblemLinks` is the viewer's
 * right to read the board; the caller decides it (and whether the viewer may see the event at all).
 */
export async function eventPageRow(
  db: Db,
  viewer: { userId: string; organisationId: string },
  eventId: string,
  withProblemLinks: boolean,
) {
  const [row] = await eventPageQuery(db, withProblemLinks).execute({
    eventId,
    userId: viewer.userId,
    organisationId: viewer.organisationId,
  });
  if (!row) return null;
  return {
    ...row,
    agenda: row.agenda.map(
      (i): AgendaItemRow => ({
        ...i,
        startsAt: i.startsAt === null ? null : new Date(i.startsAt),
        createdAt: new Date(i.createdAt),
      }),
    ),
  };
}
