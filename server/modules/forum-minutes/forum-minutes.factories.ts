/**
 * Forum rows for this module's tests, inserted straight into the shared schema (the events module's own
 * services are not on this branch). Each builder takes the least it needs and fills the rest.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ActionStatus } from '../../../common/forum-states.ts';
import type { Sector } from '../../../common/taxonomies.ts';
import { DAY_MS, HOUR_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import {
  forumActionEvents,
  forumActions,
  forumAgendaItems,
  forumCheckins,
  forumEvents,
  forumRegistrations,
  forumSeries,
  LETS_TALK_TIP_SERIES_ID,
} from '../../db/schema/index.ts';

let counter = 100;

export async function buildSeries(db: Db) {
  const id = randomUUID();
  await db.insert(forumSeries).values({
    id,
    slug: `series-${id.slice(0, 8)}`,
    nameTh: 'เวทีอื่น',
    nameEn: 'Another series',
    createdAt: new Date(),
  });
  return id;
}

export async function buildForumEvent(
  db: Db,
  o: {
    startsAt?: Date;
    seriesId?: string;
    number?: number;
    state?: 'draft' | 'published' | 'completed' | 'cancelled';
  } = {},
) {
  // Numbered after the series' last event: other modules' factories share the series in one database.
  const [last] = await db
    .select({ n: sql<number>`coalesce(max(${forumEvents.number}), 0)::int` })
    .from(forumEvents)
    .where(eq(forumEvents.seriesId, o.seriesId ?? LETS_TALK_TIP_SERIES_ID));
  const number = o.number ?? last!.n + 1;
  const startsAt = o.startsAt ?? new Date('2026-11-20T02:00:00Z');
  const id = randomUUID();
  await db.insert(forumEvents).values({
    id,
    seriesId: o.seriesId ?? LETS_TALK_TIP_SERIES_ID,
    number,
    titleTh: `Let's Talk TIP ครั้งที่ ${number}`,
    titleEn: `Let's Talk TIP #${number}`,
    format: 'in_person',
    state: o.state ?? 'published',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 4 * HOUR_MS),
    capacity: 100,
    privacyNoticeVersion: 'test',
    createdAt: new Date(startsAt.getTime() - 30 * DAY_MS),
    updatedAt: new Date(startsAt.getTime() - 30 * DAY_MS),
  });
  return { id, number, startsAt };
}

export async function buildAgendaItem(
  db: Db,
  eventId: string,
  o: { titleTh?: string; position?: number; recurring?: boolean; discussed?: boolean | null } = {},
) {
  const id = randomUUID();
  const title = o.titleTh ?? `หัวข้อ ${counter++}`;
  await db.insert(forumAgendaItems).values({
    id,
    eventId,
    position: o.position ?? counter++,
    titleTh: title,
    titleEn: `Topic ${title}`,
    recurring: o.recurring ?? false,
    discussed: o.discussed ?? null,
    createdAt: new Date(),
  });
  return id;
}

/** Someone of `organisationId` registered and scanned in at the door. */
export async function buildCheckin(
  db: Db,
  eventId: string,
  o: { organisationId: string | null; sector?: Sector; userId?: string },
) {
  const registrationId = randomUUID();
  const now = new Date();
  await db.insert(forumRegistrations).values({
    id: registrationId,
    eventId,
    userId: o.userId ?? null,
    organisationId: o.organisationId,
    sector: o.sector ?? 'government',
    state: 'confirmed',
    ticketCode: randomBytes(16).toString('base64url'),
    guestName: o.userId ? null : 'แขกทดสอบ',
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(forumCheckins).values({
    id: randomUUID(),
    eventId,
    registrationId,
    method: 'qr',
    scannedAt: now,
    receivedAt: now,
  });
  return registrationId;
}

/** An action straight in the table (unpublished until a finalised version holds it). */
export async function buildAction(
  db: Db,
  eventId: string,
  o: { ownerOrganisationId: string; status?: ActionStatus; dueOn?: string | null; titleTh?: string },
) {
  const id = randomUUID();
  const now = new Date();
  await db.insert(forumActions).values({
    id,
    eventId,
    titleTh: o.titleTh ?? `งาน ${counter++}`,
    ownerOrganisationId: o.ownerOrganisationId,
    dueOn: o.dueOn ?? null,
    status: o.status ?? 'open',
    createdAt: now,
    updatedAt: now,
  });
  await db
    .insert(forumActionEvents)
    .values({ id: randomUUID(), actionId: id, at: now, toStatus: 'open', fromStatus: null, note: null });
  return id;
}
