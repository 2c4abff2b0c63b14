/**
 * Raising, supporting, following, the Centre's loop (transitions, assignment) and official answers.
 * Every change: one transaction with its audit event and its timeline event.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { checkPrivacy } from '../../../common/privacy-check.ts';
import type {
  AssignBody,
  CreateAnswerBody,
  CreateProblemBody,
  ProblemDetail,
  SupportBody,
  TimelineEventView,
  TransitionBody,
} from '../../../common/problems-api.ts';
import { isOpenState, type ProblemState } from '../../../common/problems-taxonomy.ts';
import { isDeadlineInRange, MAX_DEADLINE_DAYS } from '../../../common/working-day.ts';
import type { Db } from '../../db/client.ts';
import { parallelReads } from '../../db/parallel-reads.ts';
import { preparedPerDatabase } from '../../db/prepared.ts';
import {
  organisations,
  type ProblemRow,
  problemAnswers,
  problemAssignments,
  problemDeadlineSettings,
  problemEvents,
  problemFollows,
  problemSupports,
  problems,
  users,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, can, partiesOf, transitionsFor } from '../../platform/policy.ts';
import {
  organisationSummaryColumns,
  presentOrganisation,
  userNameColumns,
} from '../../platform/projections.ts';
import { onAnswered, onAssigned, onClosed, onInProgress, settingsOrDefault } from './deadlines.ts';
import { eventOf, recordProblemEvent } from './events.ts';
import { follow, unfollow } from './follows.ts';
import { checkForumSource, forumSourceOf } from './forum-source.ts';
import { recordPrivacyChoice, screenText } from './privacy.ts';
import { assertTransitionExists } from './problem-states.ts';
import {
  hidesActor,
  presentAnswer,
  presentProblemListItem,
  seesReporter,
  summaryOrNull,
} from './problems.presenter.ts';
import {
  accessOf,
  assignedOrganisationIds,
  assignmentsOf,
  getProblem,
  loadAccess,
  organisationsById,
  type Problem,
  problemColumns,
  supportedBy,
} from './problems.repository.ts';
import { refreshProblemSearchDocument } from './search-document.ts';

type Ctx = RequestContext & { actor: Actor };
const SUPPORTERS_SHOWN = 100;
const ANSWER_STATES_FOR_ASSIGNEES: ProblemState[] = ['assigned', 'in_progress'];
const closed = (code: string, state: ProblemState) =>
  conflict(code, `The problem is ${state}; it no longer takes this`, { state });

async function deadlineSettings(db: Db, category: ProblemRow['category']) {
  const [row] = await db
    .select()
    .from(problemDeadlineSettings)
    .where(eq(problemDeadlineSettings.category, category));
  return settingsOrDefault(row);
}

// ---- raising ---------------------------------------------------------------------------------
export async function createProblem(db: Db, ctx: Ctx, input: z.infer<typeof CreateProblemBody>) {
  authorize(ctx.actor, 'problem.create', undefined);
  const texts = {
    title: input.title,
    body: input.body,
    proposedSolution: input.proposedSolution,
    source: input.source,
  };
  const forum = await checkForumSource(db, ctx.actor, input);
  const findings = await screenText(db, ctx, 'problem', null, texts, input);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(problems).values({
      id,
      type: input.type,
      title: input.title,
      body: input.body,
      category: input.category,
      provinces: [...new Set(input.provinces)],
      sectors: [...new Set(input.sectors)],
      proposedSolution: input.proposedSolution || null,
      source: input.source || (forum ? `Let's Talk TIP ครั้งที่ ${forum.number}` : null),
      sourceEventId: input.sourceEventId ?? null,
      sourceAgendaItemId: input.sourceAgendaItemId ?? null,
      reporterUserId: ctx.actor.userId,
      reporterOrganisationId: ctx.actor.organisationId,
      anonymous: input.anonymous,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await refreshProblemSearchDocument(tx, id);
    await follow(tx, id, ctx.actor.userId, ctx.now);
    await recordProblemEvent(tx, ctx, id, 'raised', { type: input.type, category: input.category });
    const privacy = await recordPrivacyChoice(tx, ctx, 'problem', id, findings, input);
    await recordAudit(tx, ctx, {
      action: 'problem.created',
      entityType: 'problem',
      entityId: id,
      changes: {
        type: input.type,
        category: input.category,
        title: input.title,
        anonymous: input.anonymous,
        ...(input.sourceEventId ? { sourceEventId: input.sourceEventId } : {}),
        ...privacy,
      },
    });
  });
  return getProblemDetail(db, ctx.actor, ctx.now, id);
}

// ---- reading -------------------------------------------------------------------------------------
// The page's reads, prepared once per connection (see getProblem).
const answersStatement = preparedPerDatabase((db) =>
  db
    .select({ answer: problemAnswers, organisation: organisationSummaryColumns, author: userNameColumns })
    .from(problemAnswers)
    .innerJoin(organisations, eq(organisations.id, problemAnswers.organisationId))
    .leftJoin(users, eq(users.id, problemAnswers.authorUserId))
    .where(eq(problemAnswers.problemId, sql.placeholder('problemId')))
    .orderBy(asc(problemAnswers.createdAt), asc(problemAnswers.id))
    .prepare('tipnet_problem_answers'),
);

const supportersStatement = preparedPerDatabase((db) =>
  db
    .select({ support: problemSupports, organisation: organisationSummaryColumns })
    .from(problemSupports)
    .innerJoin(organisations, eq(organisations.id, problemSupports.organisationId))
    .where(eq(problemSupports.problemId, sql.placeholder('problemId')))
    .orderBy(asc(problemSupports.createdAt), asc(problemSupports.id))
    .limit(SUPPORTERS_SHOWN)
    .prepare('tipnet_problem_supporters'),
);

const supportSectorsStatement = preparedPerDatabase((db) =>
  db
    .select({ sector: organisations.sector, n: sql<number>`count(*)::int` })
    .from(problemSupports)
    .innerJoin(organisations, eq(organisations.id, problemSupports.organisationId))
    .where(eq(problemSupports.problemId, sql.placeholder('problemId')))
    .groupBy(organisations.sector)
    .prepare('tipnet_problem_support_sectors'),
);

const followingStatement = preparedPerDatabase((db) =>
  db
    .select({ userId: problemFollows.userId })
    .from(problemFollows)
    .where(
      and(
        eq(problemFollows.problemId, sql.placeholder('problemId')),
        eq(problemFollows.userId, sql.placeholder('userId')),
      ),
    )
    .prepare('tipnet_problem_following'),
);

export async function getProblemDetail(db: Db, viewer: Actor, now: Date, id: string): Promise<ProblemDetail> {
  authorize(viewer, 'problem.read', undefined);
  const p = await getProblem(db, id);
  const showReporter = seesReporter(viewer, p);
  // Everything else in one wave of parallel reads once the problem is known.
  const [
    assignments,
    answers,
    supporters,
    sectorCounts,
    following,
    duplicateOf,
    mine,
    orgs,
    [reporter],
    sourceEvent,
  ] = await parallelReads(db, [
    () => assignmentsOf(db, id),
    () => answersStatement(db).execute({ problemId: id }),
    () => supportersStatement(db).execute({ problemId: id }),
    () => supportSectorsStatement(db).execute({ problemId: id }),
    () => followingStatement(db).execute({ problemId: id, userId: viewer.userId }),
    () =>
      p.duplicateOfId
        ? db
            .select({ id: problems.id, title: problems.title })
            .from(problems)
            .where(eq(problems.id, p.duplicateOfId))
        : Promise.resolve([]),
    () => supportedBy(db, viewer.organisationId, [id]),
    () => organisationsById(db, [p.reporterOrganisationId, p.leadOrganisationId]),
    () =>
      showReporter
        ? db.select(userNameColumns).from(users).where(eq(users.id, p.reporterUserId))
        : Promise.resolve([]),
    () => forumSourceOf(db, viewer, p),
  ]);
  const access = accessOf(
    p,
    assignments.map((a) => a.organisation.id),
  );
  return {
    ...presentProblemListItem(viewer, now, p, {
      reporterOrganisation: orgs.get(p.reporterOrganisationId) ?? null,
      leadOrganisation: p.leadOrganisationId ? (orgs.get(p.leadOrganisationId) ?? null) : null,
      supportedByMyOrganisation: mine.has(id),
    }),
    body: p.body,
    proposedSolution: p.proposedSolution,
    source: p.source,
    sourceEvent,
    reporter: reporter ?? null,
    stateReason: p.stateReason,
    duplicateOf: duplicateOf[0] ?? null,
    assignments: assignments.map((a) => ({
      organisation: presentOrganisation(a.organisation),
      lead: a.assignment.lead,
      assignedAt: a.assignment.assignedAt.toISOString(),
    })),
    // Answers are given as an assignee, never as the reporter: named for everyone, even when the
    // answering organisation raised the problem anonymously (a hidden author would say so).
    answers: answers.map((a) => presentAnswer(a.answer, a.organisation, a.author?.id ? a.author : null)),
    supporters: {
      count: p.supportCount,
      sectors: Object.fromEntries(sectorCounts.map((s) => [s.sector, s.n])),
      organisations: supporters.map((s) => ({
        organisation: presentOrganisation(s.organisation),
        context: s.support.context,
        createdAt: s.support.createdAt.toISOString(),
      })),
    },
    deadlines: {
      assignedAt: p.assignedAt?.toISOString() ?? null,
      firstAnswerDueAt: p.firstAnswerDueAt?.toISOString() ?? null,
      firstAnsweredAt: p.firstAnsweredAt?.toISOString() ?? null,
      nextUpdateDueAt: p.nextUpdateDueAt?.toISOString() ?? null,
    },
    following: following.length > 0,
    permissions: {
      support:
        can(viewer, 'problem.support', access) &&
        isOpenState(p.state) &&
        viewer.organisationId !== p.reporterOrganisationId,
      comment: can(viewer, 'problem.comment', access),
      answer: can(viewer, 'problem.answer', access) && answerStateAllows(viewer, p.state),
      assign: can(viewer, 'problem.assign', access) && isOpenState(p.state),
      transitions: transitionsFor(viewer, access).filter((s) => s !== 'assigned'),
    },
    version: p.version,
  };
}

export async function getTimeline(
  db: Db,
  viewer: Actor,
  id: string,
  query: { cursor?: string; limit: number },
) {
  authorize(viewer, 'problem.read', undefined);
  const p = await getProblem(db, id);
  const after = decodeCursor(query.cursor, { key: 'none', id: 'serial' });
  const centre = can(viewer, 'problem.triage', undefined);
  // Actors are read by id afterwards: joined, the planner guessed dozens of events and hashed all users.
  const events = await db
    .select()
    .from(problemEvents)
    .where(
      and(
        eq(problemEvents.problemId, id),
        centre ? undefined : eq(problemEvents.visibility, 'all'),
        after ? sql`${problemEvents.id} > ${Number(after.id)}` : undefined,
      ),
    )
    .orderBy(asc(problemEvents.id))
    .limit(query.limit + 1);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
  const [orgs, actors] = await Promise.all([
    organisationsById(
      db,
      events.map((e) => e.actorOrganisationId),
    ),
    actorIds.length === 0
      ? Promise.resolve([])
      : db.select(userNameColumns).from(users).where(inArray(users.id, actorIds)),
  ]);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const rows = events.map((event) => ({
    event,
    actor: event.actorUserId ? (actorById.get(event.actorUserId) ?? null) : null,
  }));
  return toPage(
    rows,
    query.limit,
    (r) => ({ k: '', id: String(r.event.id) }),
    (r): TimelineEventView => {
      const hidden = hidesActor(viewer, p, r.event);
      const org = r.event.actorOrganisationId ? orgs.get(r.event.actorOrganisationId) : null;
      const { kind, data } = eventOf(r.event);
      return {
        id: String(r.event.id),
        at: r.event.at.toISOString(),
        kind,
        actor: hidden || !r.actor?.id ? null : r.actor,
        actorOrganisation: hidden ? null : summaryOrNull(org),
        data: { ...data, ...(hidden ? { byReporter: true } : {}) },
      } as TimelineEventView;
    },
  );
}

// ---- network response -------------------------------------------------------------------------------
export async function support(db: Db, ctx: Ctx, id: string, input: z.infer<typeof SupportBody>) {
  const { problem, access } = await loadAccess(db, id);
  authorize(ctx.actor, 'problem.support', access);
  if (problem.reporterOrganisationId === ctx.actor.organisationId)
    throw conflict('OWN_PROBLEM', 'Your organisation raised this problem; it already counts as facing it');
  if (!isOpenState(problem.state)) throw closed('PROBLEM_CLOSED', problem.state);
  // Screening is for new text: an organisation that already supports the problem changes nothing.
  const existing = await findSupport(db, id, ctx.actor.organisationId);
  const findings = existing
    ? null
    : await screenText(db, ctx, 'support', id, { context: input.context }, input);
  // The answer is read under the problem's lock, as withdrawing takes it too: read after the commit, a
  // withdrawal in between left no support to answer with (a 500 under the bench's mixed load).
  return db.transaction(async (tx) => {
    const locked = await getProblem(tx, id, { lock: true });
    if (!isOpenState(locked.state)) throw closed('PROBLEM_CLOSED', locked.state);
    const current = await findSupport(tx, id, ctx.actor.organisationId);
    if (current) return { created: false, ...(await supportResult(tx, id, ctx.actor.organisationId)) };
    // Seen a moment ago and withdrawn since: its text was not screened. Text that needs no warning goes
    // in as it would have; text that does is sent back to go through the warning, as a new support would.
    const screened = findings ?? checkPrivacy({ context: input.context });
    if (!findings && screened.length > 0 && !input.acknowledgePrivacyWarnings)
      throw conflict(
        'SUPPORT_CHANGED',
        "Your organisation's support was withdrawn a moment ago; send it again",
      );
    const inserted = await tx
      .insert(problemSupports)
      .values({
        id: randomUUID(),
        problemId: id,
        organisationId: ctx.actor.organisationId,
        userId: ctx.actor.userId,
        context: input.context || null,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    // Written a moment ago by a path that does not lock the problem: theirs is the one support.
    if (inserted.length === 0)
      return { created: false, ...(await supportResult(tx, id, ctx.actor.organisationId)) };
    await tx
      .update(problems)
      .set({ supportCount: sql`${problems.supportCount} + 1`, updatedAt: ctx.now })
      .where(eq(problems.id, id));
    await follow(tx, id, ctx.actor.userId, ctx.now);
    await recordProblemEvent(tx, ctx, id, 'supported', { context: input.context || null });
    const privacy = await recordPrivacyChoice(tx, ctx, 'support', id, screened, input);
    await recordAudit(tx, ctx, {
      action: 'problem.supported',
      entityType: 'problem',
      entityId: id,
      changes: { organisationId: ctx.actor.organisationId, ...privacy },
    });
    return { created: true, ...(await supportResult(tx, id, ctx.actor.organisationId)) };
  });
}

async function findSupport(db: Db, problemId: string, organisationId: string) {
  const [row] = await db
    .select()
    .from(problemSupports)
    .where(and(eq(problemSupports.problemId, problemId), eq(problemSupports.organisationId, organisationId)));
  return row;
}

async function supportResult(db: Db, problemId: string, organisationId: string) {
  const [row] = await db
    .select({
      support: problemSupports,
      organisation: organisationSummaryColumns,
      count: problems.supportCount,
    })
    .from(problemSupports)
    .innerJoin(organisations, eq(organisations.id, problemSupports.organisationId))
    .innerJoin(problems, eq(problems.id, problemSupports.problemId))
    .where(and(eq(problemSupports.problemId, problemId), eq(problemSupports.organisationId, organisationId)));
  return {
    support: {
      organisation: presentOrganisation(row!.organisation),
      context: row!.support.context,
      createdAt: row!.support.createdAt.toISOString(),
    },
    supportCount: row!.count,
  };
}

export async function withdrawSupport(db: Db, ctx: Ctx, id: string) {
  const { access } = await loadAccess(db, id);
  authorize(ctx.actor, 'problem.support', access);
  return db.transaction(async (tx) => {
    await getProblem(tx, id, { lock: true });
    const removed = await tx
      .delete(problemSupports)
      .where(
        and(eq(problemSupports.problemId, id), eq(problemSupports.organisationId, ctx.actor.organisationId)),
      )
      .returning({ id: problemSupports.id });
    if (removed.length > 0) {
      await tx
        .update(problems)
        .set({ supportCount: sql`${problems.supportCount} - 1`, updatedAt: ctx.now })
        .where(eq(problems.id, id));
      await recordProblemEvent(tx, ctx, id, 'support_withdrawn', {});
      await recordAudit(tx, ctx, {
        action: 'problem.support_withdrawn',
        entityType: 'problem',
        entityId: id,
        changes: { organisationId: ctx.actor.organisationId },
      });
    }
    const [row] = await tx.select({ n: problems.supportCount }).from(problems).where(eq(problems.id, id));
    return { supportCount: row!.n };
  });
}

export async function setFollowing(db: Db, ctx: Ctx, id: string, following: boolean) {
  const { access } = await loadAccess(db, id);
  authorize(ctx.actor, 'problem.follow', access);
  await db.transaction(async (tx) => {
    const changed = following
      ? await follow(tx, id, ctx.actor.userId, ctx.now)
      : await unfollow(tx, id, ctx.actor.userId);
    if (changed)
      await recordAudit(tx, ctx, {
        action: following ? 'problem.followed' : 'problem.unfollowed',
        entityType: 'problem',
        entityId: id,
      });
  });
  return { following };
}

// ---- the Centre's loop -----------------------------------------------------------------------------
export async function transition(db: Db, ctx: Ctx, id: string, input: z.infer<typeof TransitionBody>) {
  await db.transaction(async (tx) => {
    const problem = await getProblem(tx, id, { lock: true });
    const access = accessOf(problem, await assignedOrganisationIds(tx, id));
    const move = assertTransitionExists(problem.state, input.to, partiesOf(ctx.actor, access));
    authorize(ctx.actor, 'problem.transition', { ...access, to: input.to });
    if (move.requires === 'assignment')
      throw badRequest(
        'ASSIGNMENT_REQUIRED',
        'Assign responsible organisations with POST /api/v1/problems/:id/assign',
      );
    if (move.requires === 'reason' && !input.reason)
      throw badRequest('REASON_REQUIRED', `A reason is required to mark a problem ${input.to}`);
    if (move.requires === 'duplicateOf' && !input.duplicateOfId)
      throw badRequest('DUPLICATE_OF_REQUIRED', 'Name the original problem in duplicateOfId');

    const settings = await deadlineSettings(tx, problem.category);
    let fields: Partial<ProblemRow> = { state: input.to, updatedAt: ctx.now, version: problem.version + 1 };
    if (input.reason) fields.stateReason = input.reason;
    if (input.to === 'in_progress')
      fields = { ...fields, ...pickDeadlines(onInProgress(problem, settings, ctx.now)) };
    let merged: { moved: number; dropped: number } | null = null;
    if (!isOpenState(input.to)) {
      fields = { ...fields, dueAt: onClosed(problem, input.to).dueAt, closedAt: ctx.now };
      if (input.to === 'duplicate') {
        merged = await mergeIntoOriginal(tx, ctx, problem, input.duplicateOfId!);
        fields.duplicateOfId = input.duplicateOfId!;
      }
    }
    await tx.update(problems).set(fields).where(eq(problems.id, id));
    const data = {
      from: problem.state,
      to: input.to,
      reason: input.reason ?? null,
      ...(input.duplicateOfId ? { duplicateOfId: input.duplicateOfId } : {}),
    };
    await recordProblemEvent(tx, ctx, id, 'state_changed', data);
    await recordAudit(tx, ctx, {
      action: 'problem.state_changed',
      entityType: 'problem',
      entityId: id,
      changes: {
        state: { from: problem.state, to: input.to },
        ...data,
        ...(merged ? { supports: merged } : {}),
      },
    });
  });
  return getProblemDetail(db, ctx.actor, ctx.now, id);
}

const pickDeadlines = (d: {
  dueAt: Date | null;
  nextUpdateDueAt?: Date | null;
  firstAnswerDueAt?: Date | null;
  assignedAt?: Date | null;
  firstAnsweredAt?: Date | null;
  lastAnsweredAt?: Date | null;
}) => ({
  dueAt: d.dueAt,
  ...(d.nextUpdateDueAt !== undefined ? { nextUpdateDueAt: d.nextUpdateDueAt } : {}),
  ...(d.firstAnswerDueAt !== undefined ? { firstAnswerDueAt: d.firstAnswerDueAt } : {}),
  ...(d.assignedAt !== undefined ? { assignedAt: d.assignedAt } : {}),
  ...(d.firstAnsweredAt !== undefined ? { firstAnsweredAt: d.firstAnsweredAt } : {}),
  ...(d.lastAnsweredAt !== undefined ? { lastAnsweredAt: d.lastAnsweredAt } : {}),
});

/**
 * A duplicate's supports move to the original, once per organisation; the original's own reporter is
 * not counted as its supporter, unless it raised the original anonymously: then its support moves like
 * any other, since dropping it (one supporter fewer, `moved` one short) would say who raised it.
 * Locks both problems in id order so two merges cannot deadlock.
 */
async function mergeIntoOriginal(tx: Db, ctx: Ctx, duplicate: Problem, originalId: string) {
  if (originalId === duplicate.id)
    throw badRequest('DUPLICATE_OF_ITSELF', 'A problem cannot duplicate itself');
  const [original] = await tx
    .select(problemColumns)
    .from(problems)
    .where(eq(problems.id, originalId))
    .for('update');
  if (!original) throw badRequest('DUPLICATE_OF_NOT_FOUND', 'The original problem does not exist');
  if (original.state === 'duplicate' || original.state === 'withdrawn')
    throw conflict(
      'DUPLICATE_OF_CLOSED',
      `The original is ${original.state}; link the problem it duplicates`,
    );
  const moving = await tx.select().from(problemSupports).where(eq(problemSupports.problemId, duplicate.id));
  const already = new Set(
    (
      await tx
        .select({ org: problemSupports.organisationId })
        .from(problemSupports)
        .where(eq(problemSupports.problemId, originalId))
    ).map((r) => r.org),
  );
  const keep = moving.filter(
    (s) =>
      !already.has(s.organisationId) &&
      (original.anonymous || s.organisationId !== original.reporterOrganisationId),
  );
  await tx.delete(problemSupports).where(eq(problemSupports.problemId, duplicate.id));
  if (keep.length > 0)
    await tx
      .insert(problemSupports)
      .values(keep.map((s) => ({ ...s, id: randomUUID(), problemId: originalId })));
  await tx.update(problems).set({ supportCount: 0 }).where(eq(problems.id, duplicate.id));
  await tx
    .update(problems)
    .set({ supportCount: sql`${problems.supportCount} + ${keep.length}`, updatedAt: ctx.now })
    .where(eq(problems.id, originalId));
  await recordProblemEvent(tx, ctx, originalId, 'supports_merged', {
    duplicateId: duplicate.id,
    moved: keep.length,
  });
  return { moved: keep.length, dropped: moving.length - keep.length };
}

export async function assign(db: Db, ctx: Ctx, id: string, input: z.infer<typeof AssignBody>) {
  const organisationIds = [...new Set(input.organisationIds)];
  if (!organisationIds.includes(input.leadOrganisationId))
    throw badRequest('LEAD_NOT_ASSIGNED', 'The lead organisation must be one of organisationIds');
  const chosenDueAt = input.firstAnswerDueAt ? new Date(input.firstAnswerDueAt) : undefined;
  if (chosenDueAt && !isDeadlineInRange(chosenDueAt, ctx.now))
    throw badRequest(
      'DEADLINE_OUT_OF_RANGE',
      `The deadline must be in the future and at most ${MAX_DEADLINE_DAYS} days ahead`,
      [{ field: 'body.firstAnswerDueAt', message: 'Out of range' }],
    );
  await db.transaction(async (tx) => {
    const problem = await getProblem(tx, id, { lock: true });
    const before = await assignedOrganisationIds(tx, id);
    const access = accessOf(problem, before);
    authorize(ctx.actor, 'problem.assign', access);
    if (!isOpenState(problem.state))
      assertTransitionExists(problem.state, 'assigned', partiesOf(ctx.actor, access));
    if (chosenDueAt && problem.firstAnsweredAt)
      throw conflict('FIRST_ANSWER_GIVEN', 'The first answer was already given; its deadline is over');
    const orgs = await organisationsById(tx, organisationIds);
    const missing = organisationIds.filter((o) => !orgs.has(o));
    if (missing.length > 0)
      throw badRequest('ORGANISATION_NOT_FOUND', 'Some organisations do not exist', {
        organisationIds: missing,
      });

    await tx.delete(problemAssignments).where(eq(problemAssignments.problemId, id));
    await tx.insert(problemAssignments).values(
      organisationIds.map((organisationId) => ({
        id: randomUUID(),
        problemId: id,
        organisationId,
        lead: organisationId === input.leadOrganisationId,
        assignedBy: ctx.actor.userId,
        assignedAt: ctx.now,
      })),
    );
    const settings = await deadlineSettings(tx, problem.category);
    const deadlines = onAssigned(problem, settings, ctx.now, chosenDueAt);
    await tx
      .update(problems)
      .set({
        state: deadlines.state,
        leadOrganisationId: input.leadOrganisationId,
        assignedAt: deadlines.assignedAt,
        firstAnswerDueAt: deadlines.firstAnswerDueAt,
        dueAt: deadlines.dueAt,
        updatedAt: ctx.now,
        version: problem.version + 1,
      })
      .where(eq(problems.id, id));
    const data = {
      organisations: organisationIds.map((o) => ({
        ...presentOrganisation(orgs.get(o)!),
        lead: o === input.leadOrganisationId,
      })),
      from: problem.state,
      to: deadlines.state,
      firstAnswerDueAt: deadlines.firstAnswerDueAt?.toISOString() ?? null,
    };
    await recordProblemEvent(tx, ctx, id, 'assigned', data);
    await recordAudit(tx, ctx, {
      action: 'problem.assigned',
      entityType: 'problem',
      entityId: id,
      changes: {
        organisationIds: { from: before, to: organisationIds },
        leadOrganisationId: { from: problem.leadOrganisationId, to: input.leadOrganisationId },
        state: { from: problem.state, to: deadlines.state },
        firstAnswerDueAt: {
          from: problem.firstAnswerDueAt?.toISOString() ?? null,
          to: deadlines.firstAnswerDueAt?.toISOString() ?? null,
        },
      },
    });
  });
  return getProblemDetail(db, ctx.actor, ctx.now, id);
}

const answerStateAllows = (actor: Actor, state: ProblemState) =>
  actor.role === 'admin'
    ? state !== 'withdrawn' && state !== 'duplicate'
    : ANSWER_STATES_FOR_ASSIGNEES.includes(state);

export async function answer(db: Db, ctx: Ctx, id: string, input: z.infer<typeof CreateAnswerBody>) {
  const { problem, access } = await loadAccess(db, id);
  authorize(ctx.actor, 'problem.answer', access);
  if (!answerStateAllows(ctx.actor, problem.state))
    throw conflict(
      'ANSWER_NOT_ALLOWED',
      `Official answers are not taken while the problem is ${problem.state}`,
      {
        state: problem.state,
      },
    );
  const findings = await screenText(
    db,
    ctx,
    'answer',
    id,
    { bodyTh: input.bodyTh, bodyEn: input.bodyEn },
    input,
  );
  const answerId = randomUUID();
  await db.transaction(async (tx) => {
    const locked = await getProblem(tx, id, { lock: true });
    if (!answerStateAllows(ctx.actor, locked.state))
      throw conflict(
        'ANSWER_NOT_ALLOWED',
        `Official answers are not taken while the problem is ${locked.state}`,
      );
    await tx.insert(problemAnswers).values({
      id: answerId,
      problemId: id,
      organisationId: ctx.actor.organisationId,
      authorUserId: ctx.actor.userId,
      bodyTh: input.bodyTh,
      bodyEn: input.bodyEn || null,
      createdAt: ctx.now,
    });
    const settings = await deadlineSettings(tx, locked.category);
    const answered = ['assigned', 'in_progress'].includes(locked.state)
      ? pickDeadlines(onAnswered(locked, settings, ctx.now))
      : { firstAnsweredAt: locked.firstAnsweredAt ?? ctx.now, lastAnsweredAt: ctx.now };
    await tx
      .update(problems)
      .set({ ...answered, updatedAt: ctx.now })
      .where(eq(problems.id, id));
    await refreshProblemSearchDocument(tx, id);
    await recordProblemEvent(tx, ctx, id, 'answered', { answerId });
    const privacy = await recordPrivacyChoice(tx, ctx, 'answer', id, findings, input);
    await recordAudit(tx, ctx, {
      action: 'problem.answered',
      entityType: 'problem_answer',
      entityId: answerId,
      changes: { problemId: id, organisationId: ctx.actor.organisationId, ...privacy },
    });
  });
  const [row] = await db
    .select({ answer: problemAnswers, organisation: organisationSummaryColumns })
    .from(problemAnswers)
    .innerJoin(organisations, eq(organisations.id, problemAnswers.organisationId))
    .where(eq(problemAnswers.id, answerId));
  const [author] = await db.select(userNameColumns).from(users).where(eq(users.id, ctx.actor.userId));
  return presentAnswer(row!.answer, row!.organisation, author ?? null);
}
