/**
 * Live polls in the room: the chair (the Centre) writes and opens a poll, those with a confirmed place vote
 * once each (and may change their vote while it is open), and the counts are shown only once it is closed,
 * so the early votes do not sway the later ones.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreatePollBody, PollListView, PollView, VoteBody } from '../../../common/forum-checkin-api.ts';
import type { PollState } from '../../../common/forum-states.ts';
import type { Db } from '../../db/client.ts';
import { forumAgendaItems, forumPolls, forumPollVotes } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { authorize, can } from '../../platform/policy.ts';
import { presentPoll } from './forum-checkin.presenter.ts';
import { agendaItemsOf, registrationOf, visibleEvent } from './forum-checkin.queries.ts';

/** The actor's standing at the event: whether they hold a confirmed place, and its registration. */
async function standingAt(db: Db, ctx: RequestContext, eventId: string) {
  const event = await visibleEvent(db, ctx.actor, eventId);
  const registration = ctx.actor ? await registrationOf(db, eventId, ctx.actor.userId) : null;
  const attending = registration?.state === 'confirmed';
  return { event, registration: attending ? registration : null, attending };
}

async function votesOf(db: Db, pollIds: string[], registrationId: string | null) {
  if (pollIds.length === 0) return [];
  return db
    .select({
      pollId: forumPollVotes.pollId,
      optionIds: forumPollVotes.optionIds,
      mine: registrationId
        ? sql<boolean>`${forumPollVotes.registrationId} = ${registrationId}`
        : sql<boolean>`false`,
    })
    .from(forumPollVotes)
    .where(sql`${forumPollVotes.pollId} in ${pollIds}`);
}

async function pollView(db: Db, pollId: string, registrationId: string | null): Promise<PollView> {
  const [poll] = await db.select().from(forumPolls).where(eq(forumPolls.id, pollId));
  return presentPoll(poll!, await votesOf(db, [pollId], registrationId));
}

export async function listPolls(deps: Deps, ctx: RequestContext, eventId: string): Promise<PollListView> {
  const { event, registration, attending } = await standingAt(deps.db, ctx, eventId);
  authorize(ctx.actor, 'forumCheckin.readPolls', { ...event, attending });
  const polls = await deps.db
    .select()
    .from(forumPolls)
    .where(eq(forumPolls.eventId, eventId))
    .orderBy(asc(forumPolls.createdAt), asc(forumPolls.id));
  const mayManage = can(ctx.actor, 'forumCheckin.managePolls', undefined);
  const votes = await votesOf(
    deps.db,
    polls.map((p) => p.id),
    registration?.id ?? null,
  );
  return {
    event: { id: event.id, number: event.number, titleTh: event.titleTh, titleEn: event.titleEn },
    mayVote: can(ctx.actor, 'forumCheckin.vote', { attending }),
    mayManage,
    agendaItems: await agendaItemsOf(deps.db, eventId),
    items: polls
      // Drafts are the chair's until opened.
      .filter((p) => mayManage || p.state !== 'draft')
      .map((p) =>
        presentPoll(
          p,
          votes.filter((v) => v.pollId === p.id),
        ),
      ),
  };
}

export async function createPoll(
  deps: Deps,
  ctx: RequestContext,
  eventId: string,
  input: z.infer<typeof CreatePollBody>,
): Promise<PollView> {
  await visibleEvent(deps.db, ctx.actor, eventId);
  authorize(ctx.actor, 'forumCheckin.managePolls', undefined);
  if (input.agendaItemId) {
    const [item] = await deps.db
      .select({ eventId: forumAgendaItems.eventId })
      .from(forumAgendaItems)
      .where(eq(forumAgendaItems.id, input.agendaItemId));
    if (item?.eventId !== eventId)
      throw new AppError(422, 'AGENDA_ITEM_NOT_IN_EVENT', 'That agenda item is not on this event');
  }
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(forumPolls).values({
      id,
      eventId,
      agendaItemId: input.agendaItemId ?? null,
      questionTh: input.questionTh,
      questionEn: input.questionEn,
      kind: input.kind,
      options: input.options.map((o, i) => ({ id: `o${i + 1}`, th: o.th, en: o.en })),
      state: 'draft',
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'forum_checkin.poll_created',
      entityType: 'forum_poll',
      entityId: id,
      changes: { eventId, kind: input.kind, options: input.options.length },
    });
  });
  return pollView(deps.db, id, null);
}

const MOVES: Record<'open' | 'close', { from: PollState; to: PollState }> = {
  open: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
};

/** Opens a draft poll or closes an open one; any other move is a 409 naming the poll's state. */
export async function movePoll(
  deps: Deps,
  ctx: RequestContext,
  pollId: string,
  move: 'open' | 'close',
): Promise<PollView> {
  const poll = await pollFor(deps.db, pollId);
  await visibleEvent(deps.db, ctx.actor, poll.eventId);
  authorize(ctx.actor, 'forumCheckin.managePolls', undefined);
  const { from, to } = MOVES[move];
  await deps.db.transaction(async (tx) => {
    const [moved] = await tx
      .update(forumPolls)
      .set(move === 'open' ? { state: to, openedAt: ctx.now } : { state: to, closedAt: ctx.now })
      .where(and(eq(forumPolls.id, pollId), eq(forumPolls.state, from)))
      .returning({ id: forumPolls.id });
    if (!moved)
      throw conflict('POLL_STATE', `The poll is ${poll.state}: it cannot ${move}`, { state: poll.state });
    await recordAudit(tx, ctx, {
      action: move === 'open' ? 'forum_checkin.poll_opened' : 'forum_checkin.poll_closed',
      entityType: 'forum_poll',
      entityId: pollId,
      changes: { state: { from, to } },
    });
  });
  return pollView(deps.db, pollId, null);
}

async function pollFor(db: Db, pollId: string) {
  const [poll] = await db
    .select({
      eventId: forumPolls.eventId,
      state: forumPolls.state,
      kind: forumPolls.kind,
      options: forumPolls.options,
    })
    .from(forumPolls)
    .where(eq(forumPolls.id, pollId));
  if (!poll) throw notFound('Poll');
  return poll;
}

/**
 * One vote per registration: a second vote while the poll is open replaces the first. The audit event says
 * that someone voted, never what: the chair reads the audit log and the counts must stay anonymous.
 */
export async function vote(
  deps: Deps,
  ctx: RequestContext,
  pollId: string,
  input: z.infer<typeof VoteBody>,
): Promise<PollView> {
  const poll = await pollFor(deps.db, pollId);
  const { event, registration, attending } = await standingAt(deps.db, ctx, poll.eventId);
  if (!can(ctx.actor, 'forumCheckin.readPolls', { ...event, attending }) && poll.state === 'draft')
    throw notFound('Poll');
  authorize(ctx.actor, 'forumCheckin.vote', { attending });
  const chosen = [...new Set(input.optionIds)];
  const known = new Set(poll.options.map((o) => o.id));
  if (chosen.some((id) => !known.has(id)) || (poll.kind === 'single' && chosen.length !== 1))
    throw new AppError(
      422,
      'INVALID_CHOICE',
      'Choose options of this poll (exactly one for a single choice)',
    );
  await deps.db.transaction(async (tx) => {
    // The state is read again under the row lock, so no vote lands after the chair closed the poll.
    const [current] = await tx
      .select({ state: forumPolls.state })
      .from(forumPolls)
      .where(eq(forumPolls.id, pollId))
      .for('update');
    if (current?.state !== 'open')
      throw conflict(
        current?.state === 'closed' ? 'POLL_CLOSED' : 'POLL_NOT_OPEN',
        `The poll is ${current?.state}`,
      );
    const [previous] = await tx
      .select({ pollId: forumPollVotes.pollId })
      .from(forumPollVotes)
      .where(and(eq(forumPollVotes.pollId, pollId), eq(forumPollVotes.registrationId, registration!.id)));
    await tx
      .insert(forumPollVotes)
      .values({ pollId, registrationId: registration!.id, optionIds: chosen, votedAt: ctx.now })
      .onConflictDoUpdate({
        target: [forumPollVotes.pollId, forumPollVotes.registrationId],
        set: { optionIds: chosen, votedAt: ctx.now },
      });
    await recordAudit(tx, ctx, {
      action: 'forum_checkin.voted',
      entityType: 'forum_poll',
      entityId: pollId,
      changes: { changed: Boolean(previous) },
    });
  });
  return pollView(deps.db, pollId, registration!.id);
}
