/**
 * Forum rows straight in the tables, for this module's tests, route matrix, bench and browser spec. The
 * forums module (F1) will provide proper services; until then the door needs an event and its tickets.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  type ForumEventRow,
  type ForumRegistrationRow,
  forumAgendaItems,
  forumEventHosts,
  forumEvents,
  forumPolls,
  forumRegistrations,
  LETS_TALK_TIP_SERIES_ID,
  organisations,
  users,
} from '../../db/schema/index.ts';

/** A published event starting now, numbered after the series' last one. */
export async function buildForumEvent(
  db: Db,
  overrides: Partial<ForumEventRow> & { hostOrganisationIds?: string[] } = {},
): Promise<ForumEventRow> {
  const { hostOrganisationIds = [], ...rest } = overrides;
  const now = rest.startsAt ?? new Date();
  const [next] = await db
    .select({ n: sql<number>`coalesce(max(${forumEvents.number}), 0)::int + 1` })
    .from(forumEvents);
  const number = rest.number ?? next!.n;
  const [event] = await db
    .insert(forumEvents)
    .values({
      id: randomUUID(),
      seriesId: LETS_TALK_TIP_SERIES_ID,
      number,
      titleTh: `Let's Talk TIP ครั้งที่ ${number}`,
      titleEn: `Let's Talk TIP #${number}`,
      format: 'in_person',
      state: 'published',
      provinceCode: 'TH-10',
      venueTh: 'สำนักงานตำรวจแห่งชาติ',
      venueEn: 'Royal Thai Police headquarters',
      startsAt: now,
      endsAt: new Date(now.getTime() + 4 * 3600_000),
      capacity: 50,
      privacyNoticeVersion: '2026-01',
      createdAt: now,
      updatedAt: now,
      ...rest,
    })
    .returning();
  if (hostOrganisationIds.length > 0)
    await db
      .insert(forumEventHosts)
      .values(hostOrganisationIds.map((organisationId) => ({ eventId: event!.id, organisationId })));
  return event!;
}

export const newTicketCode = () => randomBytes(16).toString('base64url');

/** A registration of a member (organisation and sector taken from the user) or of a guest. */
export async function buildRegistration(
  db: Db,
  overrides: Partial<ForumRegistrationRow> & { eventId: string },
): Promise<ForumRegistrationRow> {
  let { organisationId = null, sector = null } = overrides;
  if (overrides.userId && !overrides.organisationId) {
    const [u] = await db
      .select({ organisationId: users.organisationId, sector: organisations.sector })
      .from(users)
      .innerJoin(organisations, sql`${organisations.id} = ${users.organisationId}`)
      .where(sql`${users.id} = ${overrides.userId}`);
    organisationId = u!.organisationId;
    sector = u!.sector;
  } else if (organisationId && !sector) {
    const [o] = await db
      .select({ sector: organisations.sector })
      .from(organisations)
      .where(sql`${organisations.id} = ${organisationId}`);
    sector = o!.sector;
  }
  const now = overrides.createdAt ?? new Date();
  const [row] = await db
    .insert(forumRegistrations)
    .values({
      id: randomUUID(),
      state: 'confirmed',
      ticketCode: newTicketCode(),
      guestName: overrides.userId ? null : 'Guest (fictional)',
      createdAt: now,
      updatedAt: now,
      ...overrides,
      organisationId,
      sector,
    })
    .returning();
  return row!;
}

export async function buildAgendaItem(db: Db, eventId: string, titleTh = 'ปัญหาจากภาคประมง') {
  const [row] = await db
    .insert(forumAgendaItems)
    .values({
      id: randomUUID(),
      eventId,
      position: 1,
      titleTh,
      titleEn: 'Problems from the fisheries sector',
      createdAt: new Date(),
    })
    .returning();
  return row!;
}

export async function buildPoll(
  db: Db,
  eventId: string,
  overrides: Partial<typeof forumPolls.$inferInsert> = {},
) {
  const [row] = await db
    .insert(forumPolls)
    .values({
      id: randomUUID(),
      eventId,
      questionTh: 'ควรจัดเวทีครั้งต่อไปที่ใด',
      questionEn: 'Where should the next forum be held?',
      kind: 'single',
      options: [
        { id: 'o1', th: 'กรุงเทพฯ', en: 'Bangkok' },
        { id: 'o2', th: 'สงขลา', en: 'Songkhla' },
      ],
      state: 'open',
      openedAt: new Date(),
      createdAt: new Date(),
      ...overrides,
    })
    .returning();
  return row!;
}
