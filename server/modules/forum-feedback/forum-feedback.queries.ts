/** Rows the feedback module reads from the forum tables: only the columns its views need. */
import { and, asc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  forumAgendaItems,
  forumCheckins,
  forumDecisions,
  forumEvents,
  forumMinutes,
  forumRegistrations,
  forumSummaries,
  forumSurveyResponses,
  forumSurveySubmissions,
  forumSurveys,
  organisations,
  users,
} from '../../db/schema/index.ts';
import { mailRecipientColumns } from '../../platform/projections.ts';

export const eventColumns = {
  id: forumEvents.id,
  number: forumEvents.number,
  state: forumEvents.state,
  titleTh: forumEvents.titleTh,
  titleEn: forumEvents.titleEn,
  format: forumEvents.format,
  startsAt: forumEvents.startsAt,
  endsAt: forumEvents.endsAt,
  venueTh: forumEvents.venueTh,
  venueEn: forumEvents.venueEn,
  chairTh: forumEvents.chairTh,
  chairEn: forumEvents.chairEn,
  objectivesTh: forumEvents.objectivesTh,
  objectivesEn: forumEvents.objectivesEn,
};
export type FeedbackEvent = Awaited<ReturnType<typeof loadEvent>>;

export async function loadEvent(db: Db, eventId: string) {
  const [row] = await db.select(eventColumns).from(forumEvents).where(eq(forumEvents.id, eventId));
  return row ?? null;
}

/** Attended = checked in on a registration of one's own account. */
export async function hasAttended(db: Db, eventId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: forumCheckins.id })
    .from(forumCheckins)
    .innerJoin(forumRegistrations, eq(forumRegistrations.id, forumCheckins.registrationId))
    .where(and(eq(forumCheckins.eventId, eventId), eq(forumRegistrations.userId, userId)))
    .limit(1);
  return row !== undefined;
}

/** The attendees with an active account: whom the survey invitation goes to. */
export function attendeeRecipients(db: Db, eventId: string) {
  return db
    .select(mailRecipientColumns)
    .from(forumCheckins)
    .innerJoin(forumRegistrations, eq(forumRegistrations.id, forumCheckins.registrationId))
    .innerJoin(users, eq(users.id, forumRegistrations.userId))
    .where(and(eq(forumCheckins.eventId, eventId), eq(users.active, true)));
}

export async function loadSurvey(db: Db, eventId: string) {
  const [row] = await db.select().from(forumSurveys).where(eq(forumSurveys.eventId, eventId));
  return row ?? null;
}

export async function hasAnswered(db: Db, eventId: string, userId: string) {
  const [row] = await db
    .select({ userId: forumSurveySubmissions.userId })
    .from(forumSurveySubmissions)
    .where(and(eq(forumSurveySubmissions.eventId, eventId), eq(forumSurveySubmissions.userId, userId)));
  return row !== undefined;
}

/** The answers only: no id, no day, so nothing about the order or time they came in reaches a view. */
export async function surveyAnswers(db: Db, eventId: string) {
  const rows = await db
    .select({ answers: forumSurveyResponses.answers })
    .from(forumSurveyResponses)
    .where(eq(forumSurveyResponses.eventId, eventId));
  return rows.map((r) => r.answers);
}

export async function loadSummary(db: Db, eventId: string) {
  const [row] = await db.select().from(forumSummaries).where(eq(forumSummaries.eventId, eventId));
  return row ?? null;
}

/**
 * The organisations that took part: those with someone checked in, or, before anyone was checked in, those
 * with a confirmed registration. Directory order within each sector (by Thai name).
 */
export async function participatingOrganisations(db: Db, eventId: string) {
  const columns = {
    nameTh: organisations.nameTh,
    nameEn: organisations.nameEn,
    sector: organisations.sector,
  };
  const checkedIn = await db
    .selectDistinct(columns)
    .from(forumCheckins)
    .innerJoin(forumRegistrations, eq(forumRegistrations.id, forumCheckins.registrationId))
    .innerJoin(organisations, eq(organisations.id, forumRegistrations.organisationId))
    .where(eq(forumCheckins.eventId, eventId))
    .orderBy(asc(organisations.nameTh));
  if (checkedIn.length > 0) return checkedIn;
  return db
    .selectDistinct(columns)
    .from(forumRegistrations)
    .innerJoin(organisations, eq(organisations.id, forumRegistrations.organisationId))
    .where(and(eq(forumRegistrations.eventId, eventId), eq(forumRegistrations.state, 'confirmed')))
    .orderBy(asc(organisations.nameTh));
}

/** Top-level agenda items in order. */
export function agendaTitles(db: Db, eventId: string) {
  return db
    .select({
      titleTh: forumAgendaItems.titleTh,
      titleEn: forumAgendaItems.titleEn,
      parentId: forumAgendaItems.parentId,
    })
    .from(forumAgendaItems)
    .where(eq(forumAgendaItems.eventId, eventId))
    .orderBy(asc(forumAgendaItems.position))
    .then((rows) => rows.filter((r) => r.parentId === null));
}

/** The decisions, once the minutes exist (any state: the Centre edits the draft before publishing). */
export async function decisionTexts(db: Db, eventId: string) {
  const [minutes] = await db
    .select({ eventId: forumMinutes.eventId })
    .from(forumMinutes)
    .where(eq(forumMinutes.eventId, eventId));
  if (!minutes) return [];
  return db
    .select({ textTh: forumDecisions.textTh, textEn: forumDecisions.textEn })
    .from(forumDecisions)
    .where(eq(forumDecisions.eventId, eventId))
    .orderBy(asc(forumDecisions.position));
}

/** Events whose survey is due to open (ended between the two instants) and whose invitations have not gone out. */
export function eventsAwaitingSurveyInvitations(db: Db, endedBefore: Date, endedAfter: Date) {
  return db
    .select({ id: forumEvents.id, endsAt: forumEvents.endsAt })
    .from(forumEvents)
    .leftJoin(forumSurveys, eq(forumSurveys.eventId, forumEvents.id))
    .where(
      and(
        inArray(forumEvents.state, ['published', 'completed']),
        lte(forumEvents.endsAt, endedBefore),
        gt(forumEvents.endsAt, endedAfter),
        isNull(forumSurveys.invitationsSentAt),
      ),
    );
}
