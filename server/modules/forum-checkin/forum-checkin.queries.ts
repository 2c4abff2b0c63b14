/** Rows the door and the room need from the forum tables: only the columns their views show. */
import { and, asc, desc, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { alongsideOf } from '../../db/insert-each-row.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import {
  forumAgendaItems,
  forumCheckins,
  forumEventHosts,
  forumEvents,
  forumRegistrations,
  organisations,
  users,
} from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { organisationSummaryColumns } from '../../platform/projections.ts';

export const eventRefColumns = {
  id: forumEvents.id,
  number: forumEvents.number,
  titleTh: forumEvents.titleTh,
  titleEn: forumEvents.titleEn,
};

/** The event as the door needs it, with its hosts' ids (one statement). */
const doorEventColumns = {
  ...eventRefColumns,
  state: forumEvents.state,
  capacity: forumEvents.capacity,
  hostOrganisationIds: sql<string[]>`coalesce((
    select json_agg(${forumEventHosts.organisationId}) from ${forumEventHosts}
    where ${forumEventHosts.eventId} = ${forumEvents.id}), '[]'::json)`,
};
type DoorEvent = { state: string } & Record<string, unknown>;

/** 404 when missing, or a draft to anyone but the Centre. */
function seenBy<E extends DoorEvent>(actor: Actor | null, event: E | undefined): E {
  if (!event || (event.state === 'draft' && actor?.role !== 'admin')) throw notFound('Forum event');
  return event;
}

/** The event with its hosts; 404 when missing, or a draft to anyone but the Centre. */
export async function visibleEvent(db: Db, actor: Actor | null, eventId: string) {
  const [event] = await db.select(doorEventColumns).from(forumEvents).where(eq(forumEvents.id, eventId));
  return seenBy(actor, event);
}
export type VisibleEvent = Awaited<ReturnType<typeof visibleEvent>>;

/** The person behind a registration, as the door shows them. */
export const personColumns = {
  registrationId: forumRegistrations.id,
  eventId: forumRegistrations.eventId,
  state: forumRegistrations.state,
  userName: users.displayName,
  guestName: forumRegistrations.guestName,
  guestOrganisationName: forumRegistrations.guestOrganisationName,
  sector: forumRegistrations.sector,
  organisation: organisationSummaryColumns,
};

function selectPeople(db: Db) {
  return db
    .select(personColumns)
    .from(forumRegistrations)
    .leftJoin(users, eq(users.id, forumRegistrations.userId))
    .leftJoin(organisations, eq(organisations.id, forumRegistrations.organisationId));
}
export type PersonRow = Awaited<ReturnType<typeof selectPeople>>[number];

/**
 * What a QR scan needs to know, in one statement: the event (404 as visibleEvent), the registration behind
 * the ticket (null when the code is no ticket) and the check-in the phone's scan id already made, if any.
 */
const earlier = alias(forumCheckins, 'earlier');

/** Prepared: at a busy door, planning its four joins cost as much as running them. */
const scanLookupStatement = preparedPerDatabase((db) =>
  db
    .select({
      event: doorEventColumns,
      earlier: { registrationId: earlier.registrationId, eventId: earlier.eventId },
      ...personColumns,
    })
    .from(forumEvents)
    .leftJoin(forumRegistrations, eq(forumRegistrations.ticketCode, sql.placeholder('ticketCode')))
    .leftJoin(users, eq(users.id, forumRegistrations.userId))
    .leftJoin(organisations, eq(organisations.id, forumRegistrations.organisationId))
    .leftJoin(earlier, eq(earlier.clientScanId, sql.placeholder('clientScanId')))
    .where(eq(forumEvents.id, sql.placeholder('eventId')))
    .prepare('tipnet_forum_scan_lookup'),
);

export async function scanLookup(
  db: Db,
  actor: Actor | null,
  scan: { eventId: string; ticketCode: string; clientScanId: string },
) {
  const [row] = await scanLookupStatement(db).execute(scan);
  const event = seenBy(actor, row?.event);
  const { event: _event, earlier: scanned, ...person } = row!;
  return {
    event,
    // Drizzle types the left-joined registration's columns nullable; its id is null only when it is absent.
    person: person.registrationId === null ? null : (person as PersonRow),
    earlier: scanned,
  };
}

export async function registrationById(db: Db, id: string) {
  const [row] = await selectPeople(db).where(eq(forumRegistrations.id, id)).limit(1);
  return row!;
}

export async function eventRef(db: Db, eventId: string) {
  const [row] = await db.select(eventRefColumns).from(forumEvents).where(eq(forumEvents.id, eventId));
  return row!;
}

/** A registration's check-in, with who scanned it. */
export async function checkinOf(db: Db, registrationId: string) {
  const [row] = await db
    .select({
      method: forumCheckins.method,
      scannedAt: forumCheckins.scannedAt,
      clientScanId: forumCheckins.clientScanId,
      byId: users.id,
      byName: users.displayName,
    })
    .from(forumCheckins)
    .leftJoin(users, eq(users.id, forumCheckins.scannedBy))
    .where(eq(forumCheckins.registrationId, registrationId));
  return row ?? null;
}
export type CheckinRow = NonNullable<Awaited<ReturnType<typeof checkinOf>>>;

/**
 * Records a check-in and answers it as checkinOf would, in one statement; null when a check-in of the
 * registration (or one with this scan id) is already there, which the caller then reads itself. What
 * accompanies it (`alongside`: CTEs built on the inserted row, such as its audit event) is written in the
 * same statement, so that outside a transaction the scan is one autocommit round trip.
 */
export async function insertCheckin(
  db: Db,
  values: typeof forumCheckins.$inferInsert,
  alongside: (inserted: SQLWrapper) => SQL[] = () => [],
) {
  const inserted = db.$with('inserted').as(
    db.insert(forumCheckins).values(values).onConflictDoNothing().returning({
      method: forumCheckins.method,
      scannedAt: forumCheckins.scannedAt,
      clientScanId: forumCheckins.clientScanId,
      scannedBy: forumCheckins.scannedBy,
    }),
  );
  const ctes = alongsideOf(db, inserted, alongside);
  const [row] = await db
    .with(inserted, ...ctes)
    .select({
      method: inserted.method,
      scannedAt: inserted.scannedAt,
      clientScanId: inserted.clientScanId,
      byId: users.id,
      byName: users.displayName,
    })
    .from(inserted)
    .leftJoin(users, eq(users.id, inserted.scannedBy));
  return row ?? null;
}

export async function checkinByClientScanId(db: Db, clientScanId: string) {
  const [row] = await db
    .select({ registrationId: forumCheckins.registrationId, eventId: forumCheckins.eventId })
    .from(forumCheckins)
    .where(eq(forumCheckins.clientScanId, clientScanId));
  return row ?? null;
}

/** The actor's own registration for the event, if any. */
export async function registrationOf(db: Db, eventId: string, userId: string) {
  const [row] = await db
    .select({ id: forumRegistrations.id, state: forumRegistrations.state })
    .from(forumRegistrations)
    .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.userId, userId)));
  return row ?? null;
}

export async function confirmedCount(db: Db, eventId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(forumRegistrations)
    .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.state, 'confirmed')));
  return row!.n;
}

/** Attendance rows: one per confirmed registration's organisation, with its counts. */
export async function attendanceByOrganisation(db: Db, eventId: string) {
  return db
    .select({
      organisation: organisationSummaryColumns,
      organisationId: forumRegistrations.organisationId,
      guestOrganisationName: forumRegistrations.guestOrganisationName,
      sector: forumRegistrations.sector,
      registered: sql<number>`count(*)::int`,
      checkedIn: sql<number>`count(${forumCheckins.id})::int`,
      walkIns: sql<number>`count(*) filter (where ${forumCheckins.method} = 'walk_in')::int`,
    })
    .from(forumRegistrations)
    .leftJoin(organisations, eq(organisations.id, forumRegistrations.organisationId))
    .leftJoin(forumCheckins, eq(forumCheckins.registrationId, forumRegistrations.id))
    .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.state, 'confirmed')))
    .groupBy(
      organisations.id,
      forumRegistrations.organisationId,
      forumRegistrations.guestOrganisationName,
      forumRegistrations.sector,
    )
    .orderBy(desc(sql`count(${forumCheckins.id})`), asc(organisations.nameTh));
}

export async function recentCheckins(db: Db, eventId: string, limit: number) {
  return db
    .select({ ...personColumns, method: forumCheckins.method, scannedAt: forumCheckins.scannedAt })
    .from(forumCheckins)
    .innerJoin(forumRegistrations, eq(forumRegistrations.id, forumCheckins.registrationId))
    .leftJoin(users, eq(users.id, forumRegistrations.userId))
    .leftJoin(organisations, eq(organisations.id, forumRegistrations.organisationId))
    .where(eq(forumCheckins.eventId, eventId))
    .orderBy(desc(forumCheckins.receivedAt), desc(forumCheckins.id))
    .limit(limit);
}

export async function agendaItemsOf(db: Db, eventId: string) {
  return db
    .select({ id: forumAgendaItems.id, titleTh: forumAgendaItems.titleTh, titleEn: forumAgendaItems.titleEn })
    .from(forumAgendaItems)
    .where(eq(forumAgendaItems.eventId, eventId))
    .orderBy(asc(forumAgendaItems.position));
}
