/**
 * Carry-over (4Minitz's rule, tied to organisations): when the Centre drafts the next event's agenda, it
 * gets every still-open action item of earlier events of the series (titled with the action and its owner),
 * the previous event's recurring topics and the topics it marked not discussed. Each source is carried
 * once: running it again adds nothing (the event row is locked, so two runs at once cannot both add).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, max, ne, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CarryOverView } from '../../../common/forum-minutes-api.ts';
import { type AgendaOrigin, OPEN_ACTION_STATUSES } from '../../../common/forum-states.ts';
import { bangkokDay } from '../../../common/working-day.ts';
import type { Db } from '../../db/client.ts';
import { forumActions, forumAgendaItems, forumEvents, organisations } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { presentAction, presentHistory } from './minutes.presenter.ts';
import { actionHistory, actionRows, eventRow, publishedSql } from './minutes.queries.ts';

const carried = alias(forumAgendaItems, 'carried');

type NewItem = {
  origin: AgendaOrigin;
  titleTh: string;
  titleEn: string;
  recurring: boolean;
  presentingOrganisationId: string | null;
  durationMinutes: number | null;
  carriedFromItemId: string | null;
  carriedActionId: string | null;
};

/** Open, published actions of the series' earlier events not yet on this agenda. */
async function openActions(tx: Db, eventId: string, seriesId: string, startsAt: Date): Promise<NewItem[]> {
  const rows = await tx
    .select({
      id: forumActions.id,
      titleTh: forumActions.titleTh,
      titleEn: forumActions.titleEn,
      ownerId: organisations.id,
      ownerTh: organisations.nameTh,
      ownerEn: organisations.nameEn,
    })
    .from(forumActions)
    .innerJoin(forumEvents, eq(forumEvents.id, forumActions.eventId))
    .innerJoin(organisations, eq(organisations.id, forumActions.ownerOrganisationId))
    .where(
      and(
        eq(forumEvents.seriesId, seriesId),
        lt(forumEvents.startsAt, startsAt),
        inArray(forumActions.status, [...OPEN_ACTION_STATUSES]),
        publishedSql,
        notExists(
          tx
            .select({ one: sql`1` })
            .from(carried)
            .where(and(eq(carried.eventId, eventId), eq(carried.carriedActionId, forumActions.id))),
        ),
      ),
    )
    .orderBy(
      asc(forumEvents.startsAt),
      sql`${forumActions.dueOn} asc nulls last`,
      asc(forumActions.createdAt),
      asc(forumActions.titleTh),
    );
  return rows.map((a) => ({
    origin: 'open_action',
    titleTh: `ติดตามผล: ${a.titleTh} — ${a.ownerTh}`,
    titleEn: `Follow-up: ${a.titleEn ?? a.titleTh} — ${a.ownerEn}`,
    recurring: false,
    presentingOrganisationId: a.ownerId,
    durationMinutes: null,
    carriedFromItemId: null,
    carriedActionId: a.id,
  }));
}

/** The previous event's recurring topics and the topics it marked not discussed, not yet carried here. */
async function previousTopics(tx: Db, eventId: string, previousId: string): Promise<NewItem[]> {
  const rows = await tx
    .select({
      id: forumAgendaItems.id,
      titleTh: forumAgendaItems.titleTh,
      titleEn: forumAgendaItems.titleEn,
      recurring: forumAgendaItems.recurring,
      presentingOrganisationId: forumAgendaItems.presentingOrganisationId,
      durationMinutes: forumAgendaItems.durationMinutes,
    })
    .from(forumAgendaItems)
    .where(
      and(
        eq(forumAgendaItems.eventId, previousId),
        or(eq(forumAgendaItems.recurring, true), eq(forumAgendaItems.discussed, false)),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(carried)
            .where(and(eq(carried.eventId, eventId), eq(carried.carriedFromItemId, forumAgendaItems.id))),
        ),
      ),
    )
    .orderBy(asc(forumAgendaItems.position));
  return rows.map((i) => ({
    origin: i.recurring ? 'recurring' : 'not_discussed',
    titleTh: i.titleTh,
    titleEn: i.titleEn,
    recurring: i.recurring,
    presentingOrganisationId: i.presentingOrganisationId,
    durationMinutes: i.durationMinutes,
    carriedFromItemId: i.id,
    carriedActionId: null,
  }));
}

export async function carryOver(
  deps: { db: Db },
  ctx: RequestContext,
  eventId: string,
): Promise<CarryOverView> {
  authorize(ctx.actor, 'forumMinutes.manage', undefined);
  const added = await deps.db.transaction(async (tx) => {
    const event = await eventRow(tx, eventId, { forUpdate: true });
    if (!event) throw notFound('Forum event');
    if (event.state === 'cancelled' || event.state === 'completed')
      throw conflict('EVENT_CLOSED', 'The agenda of a cancelled or completed event is not drafted any more');
    const [previous] = await tx
      .select({ id: forumEvents.id })
      .from(forumEvents)
      .where(
        and(
          eq(forumEvents.seriesId, event.seriesId),
          lt(forumEvents.startsAt, event.startsAt),
          ne(forumEvents.state, 'cancelled'),
        ),
      )
      .orderBy(sql`${forumEvents.startsAt} desc`)
      .limit(1);
    const items = [
      ...(previous ? await previousTopics(tx, eventId, previous.id) : []),
      ...(await openActions(tx, eventId, event.seriesId, event.startsAt)),
    ];
    if (items.length === 0) return 0;
    const [{ last } = { last: null }] = await tx
      .select({ last: max(forumAgendaItems.position) })
      .from(forumAgendaItems)
      .where(eq(forumAgendaItems.eventId, eventId));
    const start = (last ?? -1) + 1;
    await tx.insert(forumAgendaItems).values(
      items.map((item, i) => ({
        id: randomUUID(),
        eventId,
        position: start + i,
        ...item,
        createdAt: ctx.now,
      })),
    );
    const counts = Object.fromEntries(
      (['open_action', 'recurring', 'not_discussed'] as const).map((o) => [
        o,
        items.filter((i) => i.origin === o).length,
      ]),
    );
    await recordAudit(tx, ctx, {
      action: 'forumMinutes.carried_over',
      entityType: 'forum_event',
      entityId: eventId,
      changes: { previousEventId: previous?.id ?? null, ...counts },
    });
    return items.length;
  });
  return { ...(await carriedItems(deps.db, ctx.actor!, eventId, ctx.now)), added };
}

/** The items carried into an event's agenda, each open action with its status and history now. */
export async function carriedItems(db: Db, actor: Actor, eventId: string, now: Date): Promise<CarryOverView> {
  authorize(actor, 'forumMinutes.manage', undefined);
  if (!(await eventRow(db, eventId))) throw notFound('Forum event');
  const items = await db
    .select({
      id: forumAgendaItems.id,
      position: forumAgendaItems.position,
      titleTh: forumAgendaItems.titleTh,
      titleEn: forumAgendaItems.titleEn,
      origin: forumAgendaItems.origin,
      recurring: forumAgendaItems.recurring,
      carriedFromItemId: forumAgendaItems.carriedFromItemId,
      carriedActionId: forumAgendaItems.carriedActionId,
    })
    .from(forumAgendaItems)
    .where(and(eq(forumAgendaItems.eventId, eventId), ne(forumAgendaItems.origin, 'new')))
    .orderBy(asc(forumAgendaItems.position));
  const actionIds = items.flatMap((i) => (i.carriedActionId ? [i.carriedActionId] : []));
  const [actions, history] = await Promise.all([
    actionIds.length > 0 ? actionRows(db, inArray(forumActions.id, actionIds)) : [],
    actionHistory(db, actionIds),
  ]);
  const today = bangkokDay(now);
  const byId = new Map(actions.map((a) => [a.id, a]));
  return {
    eventId,
    added: 0,
    items: items.map(({ carriedActionId, ...i }) => {
      const action = carriedActionId ? byId.get(carriedActionId) : undefined;
      return {
        ...i,
        action: action
          ? {
              ...presentAction(action, today),
              history: (history.get(action.id) ?? []).map(presentHistory),
            }
          : null,
      };
    }),
  };
}
