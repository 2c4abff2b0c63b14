/**
 * Forum rows for the feedback module's tests and route matrix, inserted straight into the tables (the events
 * module owns the services that make them in the app).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  type ForumEventRow,
  type ForumRegistrationRow,
  forumCheckins,
  forumEvents,
  forumRegistrations,
  LETS_TALK_TIP_SERIES_ID,
} from '../../db/schema/index.ts';

export async function buildForumEvent(
  db: Db,
  overrides: Partial<ForumEventRow> = {},
): Promise<ForumEventRow> {
  const startsAt = overrides.startsAt ?? new Date('2026-11-20T04:00:00Z');
  // Numbered after the series' last event: other modules' factories share the series in one database.
  const [last] = await db
    .select({ n: sql<number>`coalesce(max(${forumEvents.number}), 0)::int` })
    .from(forumEvents)
    .where(eq(forumEvents.seriesId, LETS_TALK_TIP_SERIES_ID));
  const [row] = await db
    .insert(forumEvents)
    .values({
      id: randomUUID(),
      seriesId: LETS_TALK_TIP_SERIES_ID,
      number: last!.n + 1,
      titleTh: 'เวทีทดสอบ Let’s Talk TIP',
      titleEn: 'Test forum Let’s Talk TIP',
      format: 'in_person',
      state: 'completed',
      venueTh: 'ห้องประชุมทดสอบ',
      venueEn: 'Test room',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      capacity: 100,
      privacyNoticeVersion: 'test',
      createdAt: startsAt,
      updatedAt: startsAt,
      ...overrides,
    })
    .returning();
  return row!;
}

export async function buildRegistration(
  db: Db,
  values: Pick<ForumRegistrationRow, 'eventId'> & Partial<ForumRegistrationRow>,
): Promise<ForumRegistrationRow> {
  const now = values.createdAt ?? new Date('2026-11-01T03:00:00Z');
  const [row] = await db
    .insert(forumRegistrations)
    .values({
      id: randomUUID(),
      state: 'confirmed',
      ticketCode: randomBytes(16).toString('base64url'),
      createdAt: now,
      updatedAt: now,
      ...values,
    })
    .returning();
  return row!;
}

export async function checkIn(db: Db, registration: Pick<ForumRegistrationRow, 'id' | 'eventId'>, at: Date) {
  await db.insert(forumCheckins).values({
    id: randomUUID(),
    eventId: registration.eventId,
    registrationId: registration.id,
    method: 'qr',
    scannedAt: at,
    receivedAt: at,
  });
}

/** A registration of the user's own account, checked in at the start: someone who attended. */
export async function attend(
  db: Db,
  event: Pick<ForumEventRow, 'id' | 'startsAt'>,
  user: { id: string; organisationId: string },
  extra: Partial<ForumRegistrationRow> = {},
) {
  const registration = await buildRegistration(db, {
    eventId: event.id,
    userId: user.id,
    organisationId: user.organisationId,
    sector: 'government',
    ...extra,
  });
  await checkIn(db, registration, event.startsAt);
  return registration;
}
