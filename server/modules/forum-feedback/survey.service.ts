/**
 * The anonymous survey: the Centre edits the questions until it opens (an hour after the event ends);
 * each attendee answers once while it is open (seven days). The answer row has no person and only the day;
 * forum_survey_submissions records who answered, to refuse a second answer, and nothing of what.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import {
  DEFAULT_SURVEY_QUESTIONS,
  type SurveyAnswerBody,
  type SurveyPhase,
  type SurveyQuestion,
  type SurveyView,
  type UpdateSurveyBody,
} from '../../../common/forum-feedback-api.ts';
import { SURVEY_OPEN_DAYS, SURVEY_OPENS_AFTER_MINUTES } from '../../../common/forum-states.ts';
import { DAY_MS, MINUTE_MS } from '../../../common/time.ts';
import { bangkokDay } from '../../../common/working-day.ts';
import type { Db } from '../../db/client.ts';
import { forumSurveyResponses, forumSurveySubmissions, forumSurveys } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { enqueueEmails } from '../../platform/mail/outbox.ts';
import { authorize, authorizeVisible, can } from '../../platform/policy.ts';
import {
  attendeeRecipients,
  eventsAwaitingSurveyInvitations,
  type FeedbackEvent,
  hasAnswered,
  hasAttended,
  loadEvent,
  loadSurvey,
  surveyAnswers,
} from './forum-feedback.queries.ts';
import { surveyResults } from './survey-results.ts';

type Ctx = RequestContext & { actor: Actor };

/** Surveys belong to events that took place or will: not drafts, not cancelled ones. */
const SURVEYED_STATES = ['published', 'completed'];

export function surveyWindow(endsAt: Date) {
  const opensAt = new Date(endsAt.getTime() + SURVEY_OPENS_AFTER_MINUTES * MINUTE_MS);
  return { opensAt, closesAt: new Date(opensAt.getTime() + SURVEY_OPEN_DAYS * DAY_MS) };
}

export function phaseAt(endsAt: Date, now: Date): SurveyPhase {
  const { opensAt, closesAt } = surveyWindow(endsAt);
  return now < opensAt ? 'scheduled' : now < closesAt ? 'open' : 'closed';
}

async function surveyedEvent(db: Db, actor: Actor, eventId: string) {
  const event = await loadEvent(db, eventId);
  if (!event || !SURVEYED_STATES.includes(event.state)) throw notFound('Survey');
  const attended = await hasAttended(db, eventId, actor.userId);
  authorizeVisible(actor, 'forumFeedback.readSurvey', { attended }, 'Survey');
  return { event, attended };
}

export async function getSurvey(
  deps: Pick<Deps, 'db'>,
  actor: Actor,
  eventId: string,
  now: Date,
): Promise<SurveyView> {
  const { event, attended } = await surveyedEvent(deps.db, actor, eventId);
  return presentSurvey(deps.db, actor, event, attended, now);
}

async function presentSurvey(
  db: Db,
  actor: Actor,
  event: NonNullable<FeedbackEvent>,
  attended: boolean,
  now: Date,
) {
  const survey = await loadSurvey(db, event.id);
  const questions = survey?.questions ?? DEFAULT_SURVEY_QUESTIONS;
  const phase = phaseAt(event.endsAt, now);
  const { opensAt, closesAt } = surveyWindow(event.endsAt);
  const answered = await hasAnswered(db, event.id, actor.userId);
  const centre = can(actor, 'forumFeedback.manage', undefined);
  const seesResults = can(actor, 'forumFeedback.readResults', { attended, closed: phase === 'closed' });
  return {
    eventId: event.id,
    eventTitleTh: event.titleTh,
    eventTitleEn: event.titleEn,
    phase,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    questions,
    mayEdit: centre && phase === 'scheduled',
    mayAnswer: phase === 'open' && !answered && can(actor, 'forumFeedback.answer', { attended }),
    answered,
    results: seesResults ? surveyResults(questions, await surveyAnswers(db, event.id), centre) : null,
  };
}

export async function updateSurvey(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  eventId: string,
  body: UpdateSurveyBody,
) {
  return deps.db.transaction(async (tx) => {
    const { event, attended } = await surveyedEvent(tx, ctx.actor, eventId);
    authorize(ctx.actor, 'forumFeedback.manage', undefined);
    if (phaseAt(event.endsAt, ctx.now) !== 'scheduled')
      throw conflict('SURVEY_ALREADY_OPEN', 'The survey has opened: its questions can no longer change');
    const { opensAt, closesAt } = surveyWindow(event.endsAt);
    await tx
      .insert(forumSurveys)
      .values({ eventId, questions: body.questions, opensAt, closesAt })
      .onConflictDoUpdate({
        target: forumSurveys.eventId,
        set: { questions: body.questions, opensAt, closesAt },
      });
    await recordAudit(tx, ctx, {
      action: 'forum_feedback.survey_updated',
      entityType: 'forum_survey',
      entityId: eventId,
      changes: { questions: body.questions.map((q) => q.id) },
    });
    return presentSurvey(tx, ctx.actor, event, attended, ctx.now);
  });
}

/** Each answer must fit its question; unknown questions and empty answers are refused. */
function validAnswers(questions: SurveyQuestion[], answers: SurveyAnswerBody['answers']) {
  const clean: Record<string, string | number> = {};
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.find((x) => x.id === id);
    const ok =
      q &&
      (q.kind === 'rating'
        ? typeof value === 'number' && value >= 1 && value <= 5
        : q.kind === 'single'
          ? typeof value === 'string' && q.options!.some((o) => o.id === value)
          : typeof value === 'string');
    if (!ok) throw badRequest('INVALID_ANSWER', 'An answer does not fit its question', { questionId: id });
    const text = typeof value === 'string' ? value.trim() : value;
    if (text !== '') clean[id] = text;
  }
  if (Object.keys(clean).length === 0) throw badRequest('EMPTY_ANSWER', 'Answer at least one question');
  return clean;
}

export async function answerSurvey(
  deps: Pick<Deps, 'db'>,
  ctx: Ctx,
  eventId: string,
  body: SurveyAnswerBody,
) {
  return deps.db.transaction(async (tx) => {
    const { event, attended } = await surveyedEvent(tx, ctx.actor, eventId);
    authorize(ctx.actor, 'forumFeedback.answer', { attended });
    if (phaseAt(event.endsAt, ctx.now) !== 'open')
      throw conflict('SURVEY_NOT_OPEN', 'The survey is not open');
    const questions = (await loadSurvey(tx, eventId))?.questions ?? DEFAULT_SURVEY_QUESTIONS;
    const answers = validAnswers(questions, body.answers);
    const claimed = await tx
      .insert(forumSurveySubmissions)
      .values({ eventId, userId: ctx.actor.userId })
      .onConflictDoNothing()
      .returning({ userId: forumSurveySubmissions.userId });
    if (claimed.length === 0) throw conflict('ALREADY_ANSWERED', 'You have already answered this survey');
    await tx
      .insert(forumSurveyResponses)
      .values({ id: randomUUID(), eventId, answers, submittedOn: bangkokDay(ctx.now) });
    // The event says that an answer came in, never whose: no actor, no address, no browser.
    await recordAudit(
      tx,
      { ...ctx, actor: null, ip: null, userAgent: null },
      { action: 'forum_feedback.survey_answered', entityType: 'forum_survey', entityId: eventId },
    );
    return presentSurvey(tx, ctx.actor, event, attended, ctx.now);
  });
}

/**
 * Invites the attendees of every event whose survey has just opened. The claim (setting
 * invitations_sent_at where it is null) happens in the transaction that queues the emails, so across
 * instances each event's invitations go out once.
 */
export async function sendSurveyInvitations(
  deps: Pick<Deps, 'db' | 'clock' | 'hasMailTransport' | 'logger' | 'config'>,
) {
  const now = deps.clock.now();
  const endedBefore = new Date(now.getTime() - SURVEY_OPENS_AFTER_MINUTES * MINUTE_MS);
  const endedAfter = new Date(endedBefore.getTime() - SURVEY_OPEN_DAYS * DAY_MS);
  let queued = 0;
  for (const event of await eventsAwaitingSurveyInvitations(deps.db, endedBefore, endedAfter)) {
    queued += await deps.db.transaction(async (tx) => {
      const { opensAt, closesAt } = surveyWindow(event.endsAt);
      await tx
        .insert(forumSurveys)
        .values({ eventId: event.id, questions: DEFAULT_SURVEY_QUESTIONS, opensAt, closesAt })
        .onConflictDoNothing();
      const claimed = await tx
        .update(forumSurveys)
        .set({ invitationsSentAt: now })
        .where(and(eq(forumSurveys.eventId, event.id), isNull(forumSurveys.invitationsSentAt)))
        .returning({ eventId: forumSurveys.eventId });
      if (claimed.length === 0) return 0;
      const full = (await loadEvent(tx, event.id))!;
      const recipients = await attendeeRecipients(tx, event.id);
      const link = `${deps.config.baseUrl}/forums/${event.id}/survey`;
      await enqueueEmails(
        tx,
        deps,
        now,
        recipients.map((r) => ({
          to: r.email,
          language: r.language,
          template: {
            kind: 'forum_survey_invitation' as const,
            displayName: r.displayName,
            eventTitle: r.language === 'th' ? full.titleTh : full.titleEn,
            closesOn: bangkokDay(closesAt),
            link,
          },
        })),
      );
      await recordAudit(
        tx,
        { actor: null, ip: null, userAgent: 'tipnet-job', now },
        {
          action: 'forum_feedback.survey_invitations_sent',
          entityType: 'forum_survey',
          entityId: event.id,
          changes: { recipients: recipients.length },
        },
      );
      return recipients.length;
    });
  }
  return queued;
}
