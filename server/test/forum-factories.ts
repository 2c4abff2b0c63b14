/**
 * Forum rows for the review's tests, straight in the tables: an event, who registered and came, and the
 * action items of its finalised minutes. Each creates the parents it misses.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ActionStatus, EventState, RegistrationState } from '../../common/forum-states.ts';
import type { Sector } from '../../common/taxonomies.ts';
import { HOUR_MS } from '../../common/time.ts';
import type { Db } from '../db/client.ts';
import {
  forumActionEvents,
  forumActions,
  forumCheckins,
  forumEvents,
  forumMinutesVersions,
  forumRegistrations,
  LETS_TALK_TIP_SERIES_ID,
} from '../db/schema/index.ts';

/** An event of the Let's Talk TIP series starting at `startsAt` (published unless told), three hours long. */
export async function buildForum(db: Db, o: { startsAt: Date; state?: EventState }) {
  // Numbered after the series' last event: other factories share the series in one database.
  const [last] = await db
    .select({ n: sql<number>`coalesce(max(${forumEvents.number}), 0)::int` })
    .from(forumEvents)
    .where(eq(forumEvents.seriesId, LETS_TALK_TIP_SERIES_ID));
  const id = randomUUID();
  const number = last!.n + 1;
  await db.insert(forumEvents).values({
    id,
    seriesId: LETS_TALK_TIP_SERIES_ID,
    number,
    titleTh: `Let's Talk TIP ครั้งที่ ${number}`,
    titleEn: `Let's Talk TIP #${number}`,
    format: 'in_person',
    state: o.state ?? 'published',
    startsAt: o.startsAt,
    endsAt: new Date(o.startsAt.getTime() + 3 * HOUR_MS),
    capacity: 200,
    perOrganisationCap: 50,
    privacyNoticeVersion: 'test',
    createdAt: o.startsAt,
    updatedAt: o.startsAt,
  });
  return { id, startsAt: o.startsAt };
}

/**
 * `count` registrations of one organisation (null: guests from outside the directory) at the event,
 * confirmed unless told, each checked in at the start unless `checkedIn` is false.
 */
export async function registrants(
  db: Db,
  event: { id: string; startsAt: Date },
  o: {
    organisationId: string | null;
    sector: Sector | null;
    count?: number;
    state?: RegistrationState;
    checkedIn?: boolean;
  },
) {
  for (let i = 0; i < (o.count ?? 1); i++) {
    const registrationId = randomUUID();
    await db.insert(forumRegistrations).values({
      id: registrationId,
      eventId: event.id,
      organisationId: o.organisationId,
      sector: o.sector,
      state: o.state ?? 'confirmed',
      ticketCode: randomBytes(16).toString('base64url'),
      guestName: o.organisationId ? null : 'แขกทดสอบ',
      createdAt: event.startsAt,
      updatedAt: event.startsAt,
    });
    if (o.checkedIn !== false)
      await db.insert(forumCheckins).values({
        id: randomUUID(),
        eventId: event.id,
        registrationId,
        method: 'qr',
        scannedAt: event.startsAt,
        receivedAt: event.startsAt,
      });
  }
}

/**
 * An action item of the event's minutes, owned by `ownerOrganisationId`, due on `dueOn` (a Bangkok day),
 * moved to `status` at `movedAt` (its history says so). Unpublished until `finaliseMinutes` holds it.
 */
export async function buildForumAction(
  db: Db,
  eventId: string,
  o: { ownerOrganisationId: string; dueOn: string; status?: ActionStatus; movedAt?: Date; createdAt: Date },
) {
  const id = randomUUID();
  const status = o.status ?? 'open';
  const movedAt = o.movedAt ?? o.createdAt;
  await db.insert(forumActions).values({
    id,
    eventId,
    titleTh: `งานทดสอบ ${id.slice(0, 6)}`,
    ownerOrganisationId: o.ownerOrganisationId,
    dueOn: o.dueOn,
    status,
    createdAt: o.createdAt,
    updatedAt: movedAt,
  });
  await db
    .insert(forumActionEvents)
    .values({ id: randomUUID(), actionId: id, at: o.createdAt, toStatus: 'open' });
  if (status !== 'open')
    await db.insert(forumActionEvents).values({
      id: randomUUID(),
      actionId: id,
      at: movedAt,
      fromStatus: 'open',
      toStatus: status,
      note: 'ทดสอบ',
    });
  return id;
}

/** A finalised version of the event's minutes holding these actions: from then on they are published. */
export async function finaliseMinutes(db: Db, eventId: string, actionIds: string[], at: Date) {
  const [last] = await db
    .select({ n: sql<number>`coalesce(max(${forumMinutesVersions.version}), 0)::int` })
    .from(forumMinutesVersions)
    .where(eq(forumMinutesVersions.eventId, eventId));
  await db.insert(forumMinutesVersions).values({
    eventId,
    version: last!.n + 1,
    snapshot: { actions: actionIds.map((id) => ({ id })) },
    finalisedAt: at,
  });
}
