/** The notification centre: a person's own list, unread count, read marks and email preferences. */
import { and, count, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SlaTargetName } from '../../../common/coordination-sla.ts';
import type {
  CoordinationState,
  EscalationTarget,
  RequestType,
  Urgency,
} from '../../../common/coordination-states.ts';
import {
  DEFAULT_PREFERENCES,
  type MarkAllReadBody,
  type NotificationPreferences,
  type NotificationView,
} from '../../../common/notifications-api.ts';
import type { ProblemState } from '../../../common/problems-taxonomy.ts';
import type { Db } from '../../db/client.ts';
import {
  coordinationRequestEvents,
  coordinationRequests,
  type NotificationRow,
  notificationPreferences,
  notifications,
  organisations,
  problemEvents,
  problems,
  users,
} from '../../db/schema/index.ts';
import { changedFields, recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { authorize, authorizeVisible } from '../../platform/policy.ts';
import {
  organisationSummaryColumns,
  presentOrganisation,
  userNameColumns,
} from '../../platform/projections.ts';
import { hidesActor, seesReporter } from '../problems/index.ts';
import { signalUnreadChanged } from './signals.ts';

type Ctx = RequestContext & { actor: Actor };

export async function unreadCount(db: Db, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(
  db: Db,
  viewer: Actor,
  query: { cursor?: string; limit: number; unread?: 'true' | 'false' },
) {
  authorize(viewer, 'notification.own', undefined);
  const after = decodeCursor(query.cursor, { key: 'none', id: 'serial' });
  const rows = await db
    .select({
      n: notifications,
      // A never-null column first: Drizzle reads a left-joined object as absent when its first field is null.
      event: {
        data: problemEvents.data,
        actorUserId: problemEvents.actorUserId,
        actorOrganisationId: problemEvents.actorOrganisationId,
      },
      problem: {
        id: problems.id,
        title: problems.title,
        state: problems.state,
        anonymous: problems.anonymous,
        reporterOrganisationId: problems.reporterOrganisationId,
      },
      // Aliased: the problem event's columns of the same names would shadow them.
      requestEventData: sql<Record<string, unknown> | null>`${coordinationRequestEvents.data}`.as(
        'request_event_data',
      ),
      // Routing facts only: never the request's needs, context or anything of its vault.
      request: {
        id: coordinationRequests.id,
        type: coordinationRequests.type,
        urgency: coordinationRequests.urgency,
      },
      actor: userNameColumns,
      actorOrganisation: organisationSummaryColumns,
    })
    .from(notifications)
    .leftJoin(problemEvents, eq(problemEvents.id, notifications.eventId))
    .leftJoin(problems, eq(problems.id, notifications.problemId))
    .leftJoin(coordinationRequestEvents, eq(coordinationRequestEvents.id, notifications.coordinationEventId))
    .leftJoin(coordinationRequests, eq(coordinationRequests.id, notifications.coordinationRequestId))
    .leftJoin(
      users,
      eq(users.id, sql`coalesce(${problemEvents.actorUserId}, ${coordinationRequestEvents.actorUserId})`),
    )
    .leftJoin(
      organisations,
      eq(
        organisations.id,
        sql`coalesce(${problemEvents.actorOrganisationId}, ${coordinationRequestEvents.actorOrganisationId})`,
      ),
    )
    .where(
      and(
        eq(notifications.recipientUserId, viewer.userId),
        query.unread === 'true' ? isNull(notifications.readAt) : undefined,
        query.unread === 'false' ? sql`${notifications.readAt} is not null` : undefined,
        after ? sql`${notifications.seq} < ${Number(after.id)}` : undefined,
      ),
    )
    .orderBy(desc(notifications.seq))
    .limit(query.limit + 1);
  return toPage(
    rows,
    query.limit,
    (r) => ({ k: '', id: String(r.n.seq) }),
    (r): NotificationView =>
      r.request ? presentRequestNotification(r) : presentProblemNotification(viewer, r),
  );
}

type ListedRow = {
  n: NotificationRow;
  event: {
    actorUserId: string | null;
    actorOrganisationId: string | null;
    data: Record<string, unknown>;
  } | null;
  problem: {
    id: string;
    title: string;
    state: ProblemState;
    anonymous: boolean;
    reporterOrganisationId: string;
  } | null;
  requestEventData: Record<string, unknown> | null;
  request: { id: string; type: RequestType; urgency: Urgency } | null;
  actor: { id: string | null; displayName: string | null } | null;
  actorOrganisation: Parameters<typeof presentOrganisation>[0] | null;
};

function presentProblemNotification(viewer: Actor, r: ListedRow): NotificationView {
  const problem = r.problem!;
  const event = r.event!;
  const hidden = hidesActor(viewer, problem, { kind: r.n.kind, ...event });
  const to = r.n.kind === 'state_changed' ? (event.data.to as ProblemState | undefined) : undefined;
  return {
    ...common(r),
    problem: { id: problem.id, title: problem.title, state: problem.state },
    request: null,
    actor: hidden || !r.actor?.id ? null : (r.actor as { id: string; displayName: string }),
    actorOrganisation: hidden || !r.actorOrganisation ? null : presentOrganisation(r.actorOrganisation),
    // To those who may not know the reporter, only what it did as the reporter is marked so: its
    // answers as an assignee read like any other assignee's.
    byReporter:
      event.actorOrganisationId !== null &&
      event.actorOrganisationId === problem.reporterOrganisationId &&
      (hidden || seesReporter(viewer, problem)),
    toState: to ?? null,
  };
}

/** Both sides of a request know each other (the unit sees who asks, the requester who answers). */
function presentRequestNotification(r: ListedRow): NotificationView {
  const request = r.request!;
  const data = r.requestEventData ?? {};
  return {
    ...common(r),
    problem: null,
    request: {
      id: request.id,
      type: request.type,
      urgency: request.urgency,
      toState: r.n.kind === 'state_changed' ? ((data.to as CoordinationState | undefined) ?? null) : null,
      escalationTarget:
        r.n.kind === 'escalated' ? ((data.target as EscalationTarget | undefined) ?? null) : null,
      score: r.n.kind === 'rated' && typeof data.score === 'number' ? data.score : null,
      slaTarget:
        r.n.kind === 'sla_warning' || r.n.kind === 'sla_breached'
          ? ((data.target as SlaTargetName | undefined) ?? null)
          : null,
    },
    actor: r.actor?.id ? (r.actor as { id: string; displayName: string }) : null,
    actorOrganisation: r.actorOrganisation ? presentOrganisation(r.actorOrganisation) : null,
    byReporter: false,
    toState: null,
  };
}

const common = (r: ListedRow) => ({
  id: r.n.id,
  kind: r.n.kind,
  reason: r.n.reason,
  createdAt: r.n.createdAt.toISOString(),
  readAt: r.n.readAt?.toISOString() ?? null,
});

/** Marks one notification read; someone else's answers 404, as if it did not exist. */
export async function markRead(db: Db, ctx: Ctx, id: string) {
  const [row] = await db
    .select({ recipientUserId: notifications.recipientUserId, readAt: notifications.readAt })
    .from(notifications)
    .where(eq(notifications.id, id));
  if (!row) throw notFound('Notification');
  authorizeVisible(ctx.actor, 'notification.read', row, 'Notification');
  if (!row.readAt)
    await db.transaction(async (tx) => {
      await tx
        .update(notifications)
        .set({ readAt: ctx.now })
        .where(and(eq(notifications.id, id), isNull(notifications.readAt)));
      await signalUnreadChanged(tx, [ctx.actor.userId]);
    });
  return { unread: await unreadCount(db, ctx.actor.userId) };
}

export async function markAllRead(db: Db, ctx: Ctx, input: z.infer<typeof MarkAllReadBody>) {
  authorize(ctx.actor, 'notification.own', undefined);
  let upToSeq: number | null = null;
  if (input.upTo) {
    const [row] = await db
      .select({ seq: notifications.seq, recipientUserId: notifications.recipientUserId })
      .from(notifications)
      .where(eq(notifications.id, input.upTo));
    if (!row) throw notFound('Notification');
    authorizeVisible(ctx.actor, 'notification.read', row, 'Notification');
    upToSeq = row.seq;
  }
  const marked = await db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: ctx.now })
      .where(
        and(
          eq(notifications.recipientUserId, ctx.actor.userId),
          isNull(notifications.readAt),
          upToSeq === null ? undefined : lte(notifications.seq, upToSeq),
        ),
      )
      .returning({ id: notifications.id });
    if (rows.length > 0) await signalUnreadChanged(tx, [ctx.actor.userId]);
    return rows.length;
  });
  return { marked, unread: await unreadCount(db, ctx.actor.userId) };
}

export async function getPreferences(db: Db, actor: Actor): Promise<NotificationPreferences> {
  authorize(actor, 'notification.own', undefined);
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, actor.userId));
  if (!row) return { ...DEFAULT_PREFERENCES };
  return {
    myProblems: row.myProblems,
    assignedToMyOrganisation: row.assignedToMyOrganisation,
    followed: row.followed,
    mentions: row.mentions,
  };
}

/** Replaces the preferences; audited (what changed), nothing written when nothing changed. */
export async function putPreferences(db: Db, ctx: Ctx, input: NotificationPreferences) {
  const before = await getPreferences(db, ctx.actor);
  const changes = changedFields(before, input);
  if (Object.keys(changes).length === 0) return before;
  await db.transaction(async (tx) => {
    await tx
      .insert(notificationPreferences)
      .values({ userId: ctx.actor.userId, ...input, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: { ...input, updatedAt: ctx.now },
      });
    await recordAudit(tx, ctx, {
      action: 'notification.preferences_updated',
      entityType: 'user',
      entityId: ctx.actor.userId,
      changes,
    });
  });
  return getPreferences(db, ctx.actor);
}
