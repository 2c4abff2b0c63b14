/** Comments on a problem: threads of one level, @mentions, a 15-minute edit window, hiding and reports. */
import { randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  COMMENT_EDIT_WINDOW_MS,
  type CommentView,
  type CreateCommentBody,
  type DismissCommentReportsBody,
  type HideCommentBody,
  MENTION_PATTERN,
  type ReportCommentBody,
  type UpdateCommentBody,
} from '../../../common/problems-api.ts';
import type { Db } from '../../db/client.ts';
import { parallelReads } from '../../db/parallel-reads.ts';
import {
  organisations,
  type ProblemCommentRow,
  people,
  problemCommentReports,
  problemComments,
  problems,
  users,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, can } from '../../platform/policy.ts';
import {
  organisationSummaryColumns,
  organisationSummaryColumnsOf,
  presentOrganisation,
  userNameColumns,
  userNameColumnsOf,
} from '../../platform/projections.ts';
import { recordProblemEvent } from './events.ts';
import { follow } from './follows.ts';
import { recordPrivacyChoice, screenText } from './privacy.ts';
import { hidesOrganisation, summaryOrNull } from './problems.presenter.ts';
import { getProblem, loadAccess, organisationsById, type Problem } from './problems.repository.ts';

type Ctx = RequestContext & { actor: Actor };
const commentNotFound = () => notFound('Comment');

// ---- mentions ------------------------------------------------------------------------------------
export function mentionTokens(body: string) {
  const users = new Set<string>();
  const orgs = new Set<string>();
  for (const m of body.matchAll(MENTION_PATTERN))
    (m[2]!.toLowerCase() === 'user' ? users : orgs).add(m[3]!.toLowerCase());
  return { userIds: [...users], organisationIds: [...orgs] };
}

/**
 * Keeps the mentions the author may make: any organisation in the network; people of their own
 * organisation or listed in the directory (admins: anyone). Everything else is ignored, not refused, so a
 * mention never reveals whether an account exists.
 */
export async function resolveMentions(db: Db, author: Actor, body: string) {
  const tokens = mentionTokens(body);
  const [userRows, orgRows] = await parallelReads(db, [
    () =>
      tokens.userIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: users.id })
            .from(users)
            .where(
              and(
                inArray(users.id, tokens.userIds.slice(0, 50)),
                eq(users.active, true),
                author.role === 'admin'
                  ? undefined
                  : or(
                      eq(users.organisationId, author.organisationId),
                      sql`exists (select 1 from ${people} where ${people.userId} = ${users.id} and ${people.active})`,
                    ),
              ),
            ),
    () =>
      tokens.organisationIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ id: organisations.id })
            .from(organisations)
            .where(inArray(organisations.id, tokens.organisationIds.slice(0, 50))),
  ]);
  return { mentionedUserIds: userRows.map((u) => u.id), mentionedOrganisationIds: orgRows.map((o) => o.id) };
}

// ---- presenting ------------------------------------------------------------------------------------
async function presentComments(
  db: Db,
  viewer: Actor,
  now: Date,
  problem: Problem,
  rows: ProblemCommentRow[],
) {
  const userIds = [...new Set(rows.flatMap((r) => [r.authorUserId, ...r.mentionedUserIds]))];
  const orgs = await organisationsById(
    db,
    rows.flatMap((r) => [r.authorOrganisationId, ...r.mentionedOrganisationIds]),
  );
  const names = new Map(
    userIds.length === 0
      ? []
      : (await db.select(userNameColumns).from(users).where(inArray(users.id, userIds))).map((u) => [
          u.id,
          u.displayName,
        ]),
  );
  const centre = can(viewer, 'problem.triage', undefined);
  const reports = new Map(
    centre && rows.length > 0
      ? (
          await db
            .select({ id: problemCommentReports.commentId, n: count() })
            .from(problemCommentReports)
            .where(
              inArray(
                problemCommentReports.commentId,
                rows.map((r) => r.id),
              ),
            )
            .groupBy(problemCommentReports.commentId)
        ).map((r) => [r.id, r.n])
      : [],
  );
  return rows.map((c): CommentView => {
    const hideAuthor = hidesOrganisation(viewer, problem, c.authorOrganisationId);
    const editableUntil = new Date(c.createdAt.getTime() + COMMENT_EDIT_WINDOW_MS);
    const mayEdit =
      !c.hiddenAt && can(viewer, 'comment.edit', { authorUserId: c.authorUserId }) && editableUntil > now;
    return {
      id: c.id,
      parentId: c.parentId,
      author: hideAuthor ? null : { id: c.authorUserId, displayName: names.get(c.authorUserId) ?? '' },
      authorOrganisation: hideAuthor ? null : summaryOrNull(orgs.get(c.authorOrganisationId)),
      byReporter: c.authorOrganisationId === problem.reporterOrganisationId,
      body: c.hiddenAt && !centre ? null : c.body,
      mentions: [
        ...c.mentionedUserIds.map((id) => ({ type: 'user' as const, id, name: names.get(id) ?? '' })),
        ...c.mentionedOrganisationIds.flatMap((id) => {
          const o = orgs.get(id);
          return o ? [{ type: 'organisation' as const, id, name: o.nameTh }] : [];
        }),
      ],
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      hidden: c.hiddenAt ? { at: c.hiddenAt.toISOString(), reason: c.hiddenReason ?? '' } : null,
      editableUntil: mayEdit ? editableUntil.toISOString() : null,
      reportCount: centre ? (reports.get(c.id) ?? 0) : null,
    };
  });
}

async function presentOne(db: Db, viewer: Actor, now: Date, problemId: string, commentId: string) {
  const problem = await getProblem(db, problemId);
  const [row] = await db.select().from(problemComments).where(eq(problemComments.id, commentId));
  return (await presentComments(db, viewer, now, problem, [row!]))[0]!;
}

async function getComment(db: Db, problemId: string, commentId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select()
    .from(problemComments)
    .where(and(eq(problemComments.id, commentId), eq(problemComments.problemId, problemId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw commentNotFound();
  return row;
}

// ---- reading ---------------------------------------------------------------------------------------------
/** Oldest first, replies inline with their parentId; keyset pages on (created_at, id). */
export async function listComments(
  db: Db,
  viewer: Actor,
  now: Date,
  problemId: string,
  query: { cursor?: string; limit: number },
) {
  authorize(viewer, 'problem.read', undefined);
  const problem = await getProblem(db, problemId);
  const after = decodeCursor(query.cursor, { key: 'date', id: 'uuid' });
  const rows = await db
    .select()
    .from(problemComments)
    .where(
      and(
        eq(problemComments.problemId, problemId),
        after
          ? sql`(${problemComments.createdAt}, ${problemComments.id}) > (${new Date(after.k).toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(problemComments.createdAt), asc(problemComments.id))
    .limit(query.limit + 1);
  const presented = await presentComments(db, viewer, now, problem, rows.slice(0, query.limit));
  const byId = new Map(presented.map((c) => [c.id, c]));
  return toPage(
    rows,
    query.limit,
    (r) => ({ k: r.createdAt.toISOString(), id: r.id }),
    (r) => byId.get(r.id)!,
  );
}

// ---- writing ---------------------------------------------------------------------------------------------
export async function createComment(
  db: Db,
  ctx: Ctx,
  problemId: string,
  input: z.infer<typeof CreateCommentBody>,
) {
  const { access } = await loadAccess(db, problemId);
  authorize(ctx.actor, 'problem.comment', access);
  let parentId: string | null = null;
  if (input.parentId) {
    const [parent] = await db
      .select()
      .from(problemComments)
      .where(and(eq(problemComments.id, input.parentId), eq(problemComments.problemId, problemId)));
    if (!parent) throw badRequest('PARENT_NOT_FOUND', 'The comment replied to is not on this problem');
    parentId = parent.parentId ?? parent.id;
  }
  const findings = await screenText(db, ctx, 'comment', problemId, { body: input.body }, input);
  const mentions = await resolveMentions(db, ctx.actor, input.body);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await getProblem(tx, problemId, { lock: true });
    await tx.insert(problemComments).values({
      id,
      problemId,
      parentId,
      authorUserId: ctx.actor.userId,
      authorOrganisationId: ctx.actor.organisationId,
      body: input.body,
      ...mentions,
      createdAt: ctx.now,
    });
    await tx
      .update(problems)
      .set({ commentCount: sql`${problems.commentCount} + 1`, updatedAt: ctx.now })
      .where(eq(problems.id, problemId));
    await follow(tx, problemId, ctx.actor.userId, ctx.now);
    await recordProblemEvent(tx, ctx, problemId, 'commented', { commentId: id, parentId, ...mentions });
    const privacy = await recordPrivacyChoice(tx, ctx, 'comment', problemId, findings, input);
    await recordAudit(tx, ctx, {
      action: 'problem.comment_created',
      entityType: 'problem_comment',
      entityId: id,
      changes: { problemId, parentId, ...mentions, ...privacy },
    });
  });
  return presentOne(db, ctx.actor, ctx.now, problemId, id);
}

export async function editComment(
  db: Db,
  ctx: Ctx,
  problemId: string,
  commentId: string,
  input: z.infer<typeof UpdateCommentBody>,
) {
  await getProblem(db, problemId);
  const comment = await getComment(db, problemId, commentId);
  authorize(ctx.actor, 'comment.edit', { authorUserId: comment.authorUserId });
  assertEditable(comment, ctx.now);
  const findings = await screenText(db, ctx, 'comment', problemId, { body: input.body }, input);
  const mentions = await resolveMentions(db, ctx.actor, input.body);
  await db.transaction(async (tx) => {
    const locked = await getComment(tx, problemId, commentId, { lock: true });
    assertEditable(locked, ctx.now);
    if (locked.body === input.body) return;
    await tx
      .update(problemComments)
      .set({ body: input.body, ...mentions, editedAt: ctx.now })
      .where(eq(problemComments.id, commentId));
    await recordProblemEvent(tx, ctx, problemId, 'comment_edited', { commentId, ...mentions });
    const privacy = await recordPrivacyChoice(tx, ctx, 'comment', problemId, findings, input);
    await recordAudit(tx, ctx, {
      action: 'problem.comment_edited',
      entityType: 'problem_comment',
      entityId: commentId,
      changes: { problemId, body: { from: locked.body, to: input.body }, ...privacy },
    });
  });
  return presentOne(db, ctx.actor, ctx.now, problemId, commentId);
}

function assertEditable(comment: ProblemCommentRow, now: Date) {
  if (comment.hiddenAt)
    throw conflict('COMMENT_HIDDEN', 'The Centre hid this comment; it can no longer be edited');
  if (now.getTime() > comment.createdAt.getTime() + COMMENT_EDIT_WINDOW_MS)
    throw conflict(
      'EDIT_WINDOW_CLOSED',
      'Comments can be edited for 15 minutes after posting; post a new one',
      {
        editableUntil: new Date(comment.createdAt.getTime() + COMMENT_EDIT_WINDOW_MS).toISOString(),
      },
    );
}

export async function hideComment(
  db: Db,
  ctx: Ctx,
  problemId: string,
  commentId: string,
  input: z.infer<typeof HideCommentBody>,
) {
  authorize(ctx.actor, 'comment.hide', undefined);
  await getProblem(db, problemId);
  await db.transaction(async (tx) => {
    const comment = await getComment(tx, problemId, commentId, { lock: true });
    await tx
      .update(problemComments)
      .set({ hiddenAt: ctx.now, hiddenBy: ctx.actor.userId, hiddenReason: input.reason })
      .where(eq(problemComments.id, commentId));
    // Reports of this comment are dealt with by hiding it.
    await tx
      .update(problemCommentReports)
      .set({ resolvedAt: ctx.now, resolvedBy: ctx.actor.userId })
      .where(and(eq(problemCommentReports.commentId, commentId), isNull(problemCommentReports.resolvedAt)));
    await recordProblemEvent(tx, ctx, problemId, 'comment_hidden', { commentId, reason: input.reason });
    await recordAudit(tx, ctx, {
      action: 'problem.comment_hidden',
      entityType: 'problem_comment',
      entityId: commentId,
      changes: { problemId, reason: input.reason, wasHidden: comment.hiddenAt !== null },
    });
  });
  return presentOne(db, ctx.actor, ctx.now, problemId, commentId);
}

/**
 * One open report per member and comment: reporting again answers the open report (200); after the Centre
 * hid the comment or dismissed the reports, a new report goes to the queue again.
 */
export async function reportComment(
  db: Db,
  ctx: Ctx,
  problemId: string,
  commentId: string,
  input: z.infer<typeof ReportCommentBody>,
) {
  authorize(ctx.actor, 'comment.report', undefined);
  await getProblem(db, problemId);
  await getComment(db, problemId, commentId);
  const created = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(problemCommentReports)
      .values({
        id: randomUUID(),
        commentId,
        problemId,
        reporterUserId: ctx.actor.userId,
        reason: input.reason,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) return false;
    await recordProblemEvent(tx, ctx, problemId, 'comment_reported', { commentId, reason: input.reason });
    await recordAudit(tx, ctx, {
      action: 'problem.comment_reported',
      entityType: 'problem_comment',
      entityId: commentId,
      changes: { problemId, reason: input.reason },
    });
    return true;
  });
  const [report] = await db
    .select()
    .from(problemCommentReports)
    .where(
      and(
        eq(problemCommentReports.commentId, commentId),
        eq(problemCommentReports.reporterUserId, ctx.actor.userId),
      ),
    )
    // The open one; else (the Centre dealt with it meanwhile) the latest.
    .orderBy(sql`${problemCommentReports.resolvedAt} is null desc`, desc(problemCommentReports.createdAt))
    .limit(1);
  return { created, report: { id: report!.id, commentId, createdAt: report!.createdAt.toISOString() } };
}

/**
 * The Centre finds a comment's reports unfounded: every open report of it is resolved, the comment stays
 * as it is. Reports are private to the Centre, so only the audit log records it, with the optional note.
 * Idempotent: with no open report (already hidden or dismissed, perhaps by another admin a moment ago)
 * it answers `dismissed: 0` and writes nothing.
 */
export async function dismissCommentReports(
  db: Db,
  ctx: Ctx,
  problemId: string,
  commentId: string,
  input: z.infer<typeof DismissCommentReportsBody>,
) {
  // Moderation is one permission: whoever may hide a comment decides its reports either way.
  authorize(ctx.actor, 'comment.hide', undefined);
  await getProblem(db, problemId);
  const dismissed = await db.transaction(async (tx) => {
    await getComment(tx, problemId, commentId, { lock: true });
    const resolved = await tx
      .update(problemCommentReports)
      .set({ resolvedAt: ctx.now, resolvedBy: ctx.actor.userId })
      .where(and(eq(problemCommentReports.commentId, commentId), isNull(problemCommentReports.resolvedAt)))
      .returning({ id: problemCommentReports.id });
    if (resolved.length === 0) return 0;
    await recordAudit(tx, ctx, {
      action: 'problem.comment_reports_dismissed',
      entityType: 'problem_comment',
      entityId: commentId,
      changes: { problemId, reportIds: resolved.map((r) => r.id).sort(), note: input.note ?? null },
    });
    return resolved.length;
  });
  return { commentId, dismissed };
}

/** The Centre's moderation queue: newest reports first; open ones by default. */
export async function listCommentReports(
  db: Db,
  viewer: Actor,
  query: { cursor?: string; limit: number; open?: boolean },
) {
  authorize(viewer, 'problem.triage', undefined);
  const after = decodeCursor(query.cursor, { key: 'date', id: 'uuid' });
  const open = query.open ?? true;
  const author = alias(users, 'comment_author');
  const authorOrg = alias(organisations, 'comment_author_organisation');
  const rows = await db
    .select({
      report: problemCommentReports,
      problem: { id: problems.id, title: problems.title },
      comment: { id: problemComments.id, body: problemComments.body, hiddenAt: problemComments.hiddenAt },
      reporter: userNameColumns,
      organisation: organisationSummaryColumns,
      author: userNameColumnsOf(author),
      authorOrganisation: organisationSummaryColumnsOf(authorOrg),
    })
    .from(problemCommentReports)
    .innerJoin(problems, eq(problems.id, problemCommentReports.problemId))
    .innerJoin(problemComments, eq(problemComments.id, problemCommentReports.commentId))
    .innerJoin(users, eq(users.id, problemCommentReports.reporterUserId))
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .innerJoin(author, eq(author.id, problemComments.authorUserId))
    .innerJoin(authorOrg, eq(authorOrg.id, problemComments.authorOrganisationId))
    .where(
      and(
        open
          ? isNull(problemCommentReports.resolvedAt)
          : sql`${problemCommentReports.resolvedAt} is not null`,
        after
          ? sql`(${problemCommentReports.createdAt}, ${problemCommentReports.id}) < (${new Date(after.k).toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(sql`${problemCommentReports.createdAt} desc`, sql`${problemCommentReports.id} desc`)
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => ({ k: r.report.createdAt.toISOString(), id: r.report.id }),
    (r) => ({
      id: r.report.id,
      problem: r.problem,
      comment: {
        id: r.comment.id,
        body: r.comment.body,
        hidden: r.comment.hiddenAt !== null,
        author: { ...r.author, organisation: presentOrganisation(r.authorOrganisation) },
      },
      reporter: { ...r.reporter, organisation: presentOrganisation(r.organisation) },
      reason: r.report.reason,
      createdAt: r.report.createdAt.toISOString(),
      resolvedAt: r.report.resolvedAt?.toISOString() ?? null,
    }),
  );
}
