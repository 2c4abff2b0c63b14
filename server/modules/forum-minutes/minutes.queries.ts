/** Rows the minutes read: the event, its agenda, decisions, actions, attendance, versions and comments. */
import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  forumActionEvents,
  forumActions,
  forumAgendaItems,
  forumCheckins,
  forumDecisions,
  forumEvents,
  forumMinutes,
  forumMinutesComments,
  forumMinutesNotes,
  forumMinutesVersions,
  forumRegistrations,
  organisations,
  users,
} from '../../db/schema/index.ts';
import { organisationSummaryColumns, userNameColumns } from '../../platform/projections.ts';

export const eventColumns = {
  id: forumEvents.id,
  seriesId: forumEvents.seriesId,
  number: forumEvents.number,
  titleTh: forumEvents.titleTh,
  titleEn: forumEvents.titleEn,
  startsAt: forumEvents.startsAt,
  endsAt: forumEvents.endsAt,
  state: forumEvents.state,
};

export async function eventRow(db: Db, eventId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select(eventColumns).from(forumEvents).where(eq(forumEvents.id, eventId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof eventRow>>>;

export async function minutesRow(db: Db, eventId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(forumMinutes).where(eq(forumMinutes.eventId, eventId));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** An action is published once a finalised version of its event's minutes holds it. */
export const publishedSql = sql<boolean>`exists (
  select 1 from ${forumMinutesVersions} v
  where v.event_id = ${forumActions.eventId}
    and v.snapshot->'actions' @> jsonb_build_array(jsonb_build_object('id', ${forumActions.id}::text)))`;

export async function agendaRows(db: Db, eventId: string) {
  return db
    .select({
      id: forumAgendaItems.id,
      parentId: forumAgendaItems.parentId,
      position: forumAgendaItems.position,
      titleTh: forumAgendaItems.titleTh,
      titleEn: forumAgendaItems.titleEn,
      recurring: forumAgendaItems.recurring,
      origin: forumAgendaItems.origin,
      discussed: forumAgendaItems.discussed,
      notes: forumMinutesNotes.notes,
    })
    .from(forumAgendaItems)
    .leftJoin(forumMinutesNotes, eq(forumMinutesNotes.agendaItemId, forumAgendaItems.id))
    .where(eq(forumAgendaItems.eventId, eventId))
    .orderBy(asc(forumAgendaItems.position), asc(forumAgendaItems.createdAt));
}

export async function decisionRows(db: Db, eventId: string) {
  return db
    .select({
      id: forumDecisions.id,
      agendaItemId: forumDecisions.agendaItemId,
      textTh: forumDecisions.textTh,
      textEn: forumDecisions.textEn,
    })
    .from(forumDecisions)
    .where(eq(forumDecisions.eventId, eventId))
    .orderBy(asc(forumDecisions.position));
}

const actionColumns = {
  id: forumActions.id,
  eventId: forumActions.eventId,
  agendaItemId: forumActions.agendaItemId,
  titleTh: forumActions.titleTh,
  titleEn: forumActions.titleEn,
  owner: organisationSummaryColumns,
  responsibleUser: userNameColumns,
  responsibleName: forumActions.responsibleName,
  dueOn: forumActions.dueOn,
  status: forumActions.status,
  createdAt: forumActions.createdAt,
};
export type ActionRow = Awaited<ReturnType<typeof actionRows>>[number];

/** Actions with their owner and responsible person; `where` narrows them. */
export function actionRows(db: Db, where: SQL | undefined, limit = 1000) {
  return db
    .select({
      ...actionColumns,
      event: {
        id: forumEvents.id,
        number: forumEvents.number,
        titleTh: forumEvents.titleTh,
        titleEn: forumEvents.titleEn,
        startsAt: forumEvents.startsAt,
      },
      published: publishedSql,
    })
    .from(forumActions)
    .innerJoin(organisations, eq(organisations.id, forumActions.ownerOrganisationId))
    .innerJoin(forumEvents, eq(forumEvents.id, forumActions.eventId))
    .leftJoin(users, eq(users.id, forumActions.responsibleUserId))
    .where(where)
    .orderBy(
      sql`${forumActions.dueOn} asc nulls last`,
      asc(forumActions.createdAt),
      asc(forumActions.titleTh),
      asc(forumActions.id),
    )
    .limit(limit);
}

export const eventActionRows = (db: Db, eventId: string) => actionRows(db, eq(forumActions.eventId, eventId));

export async function actionHistory(db: Db, actionIds: string[]) {
  if (actionIds.length === 0) return new Map<string, HistoryRow[]>();
  const rows = await db
    .select({
      id: forumActionEvents.id,
      actionId: forumActionEvents.actionId,
      at: forumActionEvents.at,
      actor: userNameColumns,
      fromStatus: forumActionEvents.fromStatus,
      toStatus: forumActionEvents.toStatus,
      note: forumActionEvents.note,
    })
    .from(forumActionEvents)
    .leftJoin(users, eq(users.id, forumActionEvents.actorId))
    .where(inArray(forumActionEvents.actionId, actionIds))
    // At the same instant, the creation (no previous status) comes first.
    .orderBy(
      asc(forumActionEvents.at),
      sql`${forumActionEvents.fromStatus} asc nulls first`,
      asc(forumActionEvents.id),
    );
  const byAction = new Map<string, HistoryRow[]>();
  for (const r of rows) byAction.set(r.actionId, [...(byAction.get(r.actionId) ?? []), r]);
  return byAction;
}
export type HistoryRow = {
  id: string;
  at: Date;
  actor: { id: string; displayName: string } | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
};

/** Check-ins by organisation and sector: who attended, from the door, not from registrations. */
export async function attendanceRows(db: Db, eventId: string) {
  return db
    .select({
      organisation: organisationSummaryColumns,
      sector: forumRegistrations.sector,
      count: count(),
    })
    .from(forumCheckins)
    .innerJoin(forumRegistrations, eq(forumRegistrations.id, forumCheckins.registrationId))
    .leftJoin(organisations, eq(organisations.id, forumRegistrations.organisationId))
    .where(eq(forumCheckins.eventId, eventId))
    .groupBy(...Object.values(organisationSummaryColumns), forumRegistrations.sector);
}

export async function attendingOrganisationIds(db: Db, eventId: string) {
  const rows = await db
    .selectDistinct({ id: forumRegistrations.organisationId })
    .from(forumCheckins)
    .innerJoin(forumRegistrations, eq(forumRegistrations.id, forumCheckins.registrationId))
    .where(and(eq(forumCheckins.eventId, eventId), isNotNull(forumRegistrations.organisationId)));
  return rows.map((r) => r.id!);
}

export async function publishedOwnerIds(db: Db, eventId: string) {
  const rows = await db
    .selectDistinct({ id: forumActions.ownerOrganisationId })
    .from(forumActions)
    .where(and(eq(forumActions.eventId, eventId), publishedSql));
  return rows.map((r) => r.id);
}

export async function versionRows(db: Db, eventId: string) {
  return db
    .select({
      version: forumMinutesVersions.version,
      finalisedAt: forumMinutesVersions.finalisedAt,
      finalisedBy: userNameColumns,
    })
    .from(forumMinutesVersions)
    .leftJoin(users, eq(users.id, forumMinutesVersions.finalisedBy))
    .where(eq(forumMinutesVersions.eventId, eventId))
    .orderBy(desc(forumMinutesVersions.version));
}

export async function versionRow(db: Db, eventId: string, version: number) {
  const [row] = await db
    .select({
      version: forumMinutesVersions.version,
      snapshot: forumMinutesVersions.snapshot,
      finalisedAt: forumMinutesVersions.finalisedAt,
      finalisedBy: userNameColumns,
    })
    .from(forumMinutesVersions)
    .leftJoin(users, eq(users.id, forumMinutesVersions.finalisedBy))
    .where(and(eq(forumMinutesVersions.eventId, eventId), eq(forumMinutesVersions.version, version)));
  return row ?? null;
}

export async function commentRows(db: Db, eventId: string) {
  return db
    .select({
      id: forumMinutesComments.id,
      version: forumMinutesComments.version,
      organisation: organisationSummaryColumns,
      author: userNameColumns,
      body: forumMinutesComments.body,
      createdAt: forumMinutesComments.createdAt,
    })
    .from(forumMinutesComments)
    .innerJoin(organisations, eq(organisations.id, forumMinutesComments.organisationId))
    .leftJoin(users, eq(users.id, forumMinutesComments.authorId))
    .where(eq(forumMinutesComments.eventId, eventId))
    .orderBy(asc(forumMinutesComments.createdAt), asc(forumMinutesComments.id));
}
