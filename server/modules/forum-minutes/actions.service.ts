/**
 * Action items after the minutes: the owner organisation moves them forward with a note each time; the
 * Centre may drop or reopen them. Every move is kept in the action's history.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { actionMovesFor } from '../../../common/forum-actions.ts';
import type { ActionDetailView, ActionListView } from '../../../common/forum-minutes-api.ts';
import { type ActionStatus, OPEN_ACTION_STATUSES } from '../../../common/forum-states.ts';
import { bangkokDay } from '../../../common/working-day.ts';
import type { Db } from '../../db/client.ts';
import { forumActionEvents, forumActions } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { actionPartiesOf, authorize, authorizeVisible } from '../../platform/policy.ts';
import { presentAction, presentHistory } from './minutes.presenter.ts';
import { actionHistory, actionRows, publishedSql } from './minutes.queries.ts';

const LIST_LIMIT = 300;

export async function listActions(
  db: Db,
  actor: Actor,
  query: { filter: 'open' | 'overdue' | 'all'; organisationId?: string },
  now: Date,
): Promise<ActionListView> {
  const organisationId = query.organisationId ?? (actor.role === 'admin' ? undefined : actor.organisationId);
  authorize(actor, 'forumMinutes.listActions', organisationId ? { organisationId } : undefined);
  const today = bangkokDay(now);
  const open = inArray(forumActions.status, [...OPEN_ACTION_STATUSES]);
  const filters: (SQL | undefined)[] = [
    publishedSql,
    organisationId ? eq(forumActions.ownerOrganisationId, organisationId) : undefined,
    query.filter === 'all' ? undefined : open,
    query.filter === 'overdue' ? lt(forumActions.dueOn, today) : undefined,
  ];
  const rows = await actionRows(db, and(...filters), LIST_LIMIT + 1);
  return {
    items: rows.slice(0, LIST_LIMIT).map((r) => ({
      ...presentAction(r, today),
      event: { ...r.event, startsAt: r.event.startsAt.toISOString() },
    })),
    today,
    truncated: rows.length > LIST_LIMIT,
  };
}

async function visibleAction(db: Db, actor: Actor, actionId: string) {
  const [row] = await actionRows(db, eq(forumActions.id, actionId), 1);
  if (!row) throw notFound('Action item');
  const access = { ownerOrganisationId: row.owner.id, published: row.published };
  authorizeVisible(actor, 'forumMinutes.readAction', access, 'Action item');
  return { row, access };
}

export async function getAction(
  db: Db,
  actor: Actor,
  actionId: string,
  now: Date,
): Promise<ActionDetailView> {
  const { row, access } = await visibleAction(db, actor, actionId);
  const history = (await actionHistory(db, [row.id])).get(row.id) ?? [];
  return {
    ...presentAction(row, bangkokDay(now)),
    event: { ...row.event, startsAt: row.event.startsAt.toISOString() },
    history: history.map(presentHistory),
    moves: actionMovesFor(row.status, actionPartiesOf(actor, access)),
  };
}

export async function moveAction(
  deps: { db: Db },
  ctx: RequestContext,
  actionId: string,
  body: { status: ActionStatus; note: string },
) {
  const actor = ctx.actor!;
  await deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: forumActions.status })
      .from(forumActions)
      .where(eq(forumActions.id, actionId))
      .for('update');
    if (!locked) throw notFound('Action item');
    const { access } = await visibleAction(tx, actor, actionId);
    const from = locked.status;
    if (from === body.status) throw conflict('SAME_STATUS', 'The action already has this status');
    if (actionMovesFor(from, ['owner', 'centre']).indexOf(body.status) < 0)
      throw conflict('INVALID_MOVE', `An action cannot go from ${from} to ${body.status}`);
    authorize(actor, 'forumMinutes.moveAction', { ...access, from, to: body.status });
    await tx
      .update(forumActions)
      .set({ status: body.status, updatedAt: ctx.now })
      .where(eq(forumActions.id, actionId));
    await tx.insert(forumActionEvents).values({
      id: randomUUID(),
      actionId,
      at: ctx.now,
      actorId: actor.userId,
      fromStatus: from,
      toStatus: body.status,
      note: body.note,
    });
    await recordAudit(tx, ctx, {
      action: 'forumMinutes.action_status_changed',
      entityType: 'forum_action',
      entityId: actionId,
      changes: { status: { from, to: body.status } },
    });
  });
  return getAction(deps.db, actor, actionId, ctx.now);
}
