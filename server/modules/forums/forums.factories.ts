/** Test rows for forum events and registrations, inserted straight with the schema. */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { FORUM_PRIVACY_NOTICE_VERSION } from '../../../common/forums-api.ts';
import { DAY_MS, HOUR_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import {
  type ForumEventRow,
  type ForumRegistrationRow,
  forumEventHosts,
  forumEvents,
  forumRegistrations,
  LETS_TALK_TIP_SERIES_ID,
} from '../../db/schema/index.ts';
import { newTicketCode } from './registration.service.ts';

/** A published event a week after `now` (3 hours long), open registration, 50 places. */
export async function buildForumEvent(
  db: Db,
  now: Date,
  overrides: Partial<ForumEventRow> & { hostOrganisationIds?: string[] } = {},
): Promise<ForumEventRow> {
  const { hostOrganisationIds = [], ...fields } = overrides;
  const startsAt = fields.startsAt ?? new Date(now.getTime() + 7 * DAY_MS);
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
      titleTh: "Let's Talk TIP: ขับเคลื่อนด้วยใจ ประเทศไทยไร้ค้ามนุษย์",
      titleEn: "Let's Talk TIP: driven by heart, a Thailand free of trafficking",
      format: 'hybrid',
      state: 'published',
      provinceCode: 'TH-10',
      venueTh: 'สโมสรตำรวจ',
      venueEn: 'Police Club',
      onlineUrl: 'https://meet.example.test/lets-talk-tip',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * HOUR_MS),
      capacity: 50,
      privacyNoticeVersion: FORUM_PRIVACY_NOTICE_VERSION,
      createdAt: now,
      updatedAt: now,
      ...fields,
    })
    .returning();
  if (hostOrganisationIds.length > 0)
    await db
      .insert(forumEventHosts)
      .values(hostOrganisationIds.map((organisationId) => ({ eventId: row!.id, organisationId })));
  return row!;
}

export async function buildForumRegistration(
  db: Db,
  now: Date,
  fields: Pick<ForumRegistrationRow, 'eventId' | 'userId' | 'organisationId'> & Partial<ForumRegistrationRow>,
): Promise<ForumRegistrationRow> {
  const [row] = await db
    .insert(forumRegistrations)
    .values({
      id: randomUUID(),
      state: 'confirmed',
      ticketCode: newTicketCode(),
      privacyAcceptedAt: now,
      createdAt: now,
      updatedAt: now,
      ...fields,
    })
    .returning();
  return row!;
}
