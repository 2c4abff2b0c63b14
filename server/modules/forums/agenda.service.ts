/**
 * The agenda: a tree (items and their sub-items, two levels) of timed items with a presenting organisation
 * and links to problems on the board. The Centre edits it item by item, so items carried over from an
 * earlier event keep their identity and origin.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgendaItemBody, UpdateAgendaItemBody } from '../../../common/forums-api.ts';
import type { Db } from '../../db/client.ts';
import { forumAgendaItemProblems, forumAgendaItems, organisations, problems } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { lockEvent } from './forums.queries.ts';

type Ctx = RequestContext & { actor: Actor };

async function checkReferences(
  tx: Db,
  eventId: string,
  input: { parentId?: string | null; presentingOrganisationId?: string | null; problemIds?: string[] },
  itemId?: string,
) {
  if (input.parentId) {
    if (input.parentId === itemId) throw badRequest('INVALID_PARENT', 'An item cannot be its own parent');
    const [parent] = await tx
      .select({ parentId: forumAgendaItems.parentId })
      .from(forumAgendaItems)
      .where(and(eq(forumAgendaItems.id, input.parentId), eq(forumAgendaItems.eventId, eventId)));
    if (!parent) throw badRequest('INVALID_PARENT', 'The parent item is not on this agenda');
    if (parent.parentId) throw badRequest('INVALID_PARENT', 'Sub-items cannot have sub-items of their own');
    if (itemId) {
      const [child] = await tx
        .select({ id: forumAgendaItems.id })
        .from(forumAgendaItems)
        .where(eq(forumAgendaItems.parentId, itemId))
        .limit(1);
      if (child) throw badRequest('INVALID_PARENT', 'An item with sub-items cannot become a sub-item');
    }
  }
  if (input.presentingOrganisationId) {
    const [org] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.presentingOrganisationId));
    if (!org) throw badRequest('ORGANISATION_NOT_FOUND', 'The presenting organisation does not exist');
  }
  const ids = [...new Set(input.problemIds ?? [])];
  if (ids.length > 0) {
    const found = await tx.select({ id: problems.id }).from(problems).where(inArray(problems.id, ids));
    if (found.length !== ids.length) throw badRequest('PROBLEM_NOT_FOUND', 'A linked problem does not exist');
  }
  return ids;
}

async function lockEditable(tx: Db, eventId: string) {
  const event = await lockEvent(tx, eventId);
  if (event.state === 'cancelled')
    throw conflict('EVENT_CLOSED', 'The agenda of a cancelled event cannot change');
  return event;
}

export async function addAgendaItem(
  db: Db,
  ctx: Ctx,
  eventId: string,
  input: z.infer<typeof AgendaItemBody>,
) {
  authorize(ctx.actor, 'forum.manage', undefined);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await lockEditable(tx, eventId);
    const problemIds = await checkReferences(tx, eventId, input);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${forumAgendaItems.position}), -1)::int + 1` })
      .from(forumAgendaItems)
      .where(eq(forumAgendaItems.eventId, eventId))) as [{ next: number }];
    await tx.insert(forumAgendaItems).values({
      id,
      eventId,
      parentId: input.parentId ?? null,
      position: input.position ?? next,
      titleTh: input.titleTh,
      titleEn: input.titleEn,
      startsAt: input.startsAt ? new Date(input.startsAt) : null,
      durationMinutes: input.durationMinutes ?? null,
      presentingOrganisationId: input.presentingOrganisationId ?? null,
      recurring: input.recurring ?? false,
      createdAt: ctx.now,
    });
    if (problemIds.length > 0)
      await tx
        .insert(forumAgendaItemProblems)
        .values(problemIds.map((problemId) => ({ itemId: id, problemId })));
    await recordAudit(tx, ctx, {
      action: 'forum.agenda_item_created',
      entityType: 'forum_agenda_item',
      entityId: id,
      changes: { eventId, titleTh: input.titleTh, parentId: input.parentId ?? null, problemIds },
    });
  });
  return id;
}

async function itemOf(tx: Db, eventId: string, itemId: string) {
  const [item] = await tx
    .select()
    .from(forumAgendaItems)
    .where(and(eq(forumAgendaItems.id, itemId), eq(forumAgendaItems.eventId, eventId)));
  if (!item) throw notFound('Agenda item');
  return item;
}

export async function updateAgendaItem(
  db: Db,
  ctx: Ctx,
  eventId: string,
  itemId: string,
  input: z.infer<typeof UpdateAgendaItemBody>,
) {
  authorize(ctx.actor, 'forum.manage', undefined);
  await db.transaction(async (tx) => {
    await lockEditable(tx, eventId);
    await itemOf(tx, eventId, itemId);
    const problemIds = await checkReferences(tx, eventId, input, itemId);
    const { problemIds: _links, startsAt, ...fields } = input;
    const set = {
      ...fields,
      ...(startsAt !== undefined ? { startsAt: startsAt ? new Date(startsAt) : null } : {}),
    };
    if (Object.keys(set).length > 0)
      await tx.update(forumAgendaItems).set(set).where(eq(forumAgendaItems.id, itemId));
    if (input.problemIds) {
      await tx.delete(forumAgendaItemProblems).where(eq(forumAgendaItemProblems.itemId, itemId));
      if (problemIds.length > 0)
        await tx
          .insert(forumAgendaItemProblems)
          .values(problemIds.map((problemId) => ({ itemId, problemId })));
    }
    await recordAudit(tx, ctx, {
      action: 'forum.agenda_item_updated',
      entityType: 'forum_agenda_item',
      entityId: itemId,
      changes: { eventId, fields: Object.keys(input) },
    });
  });
}

export async function deleteAgendaItem(db: Db, ctx: Ctx, eventId: string, itemId: string) {
  authorize(ctx.actor, 'forum.manage', undefined);
  await db.transaction(async (tx) => {
    await lockEditable(tx, eventId);
    const item = await itemOf(tx, eventId, itemId);
    const [carried] = await tx
      .select({ id: forumAgendaItems.id })
      .from(forumAgendaItems)
      .where(eq(forumAgendaItems.carriedFromItemId, itemId))
      .limit(1);
    if (carried)
      throw conflict('ITEM_CARRIED', 'A later agenda carries this item over; it is kept as history');
    await tx.delete(forumAgendaItems).where(eq(forumAgendaItems.id, itemId));
    await recordAudit(tx, ctx, {
      action: 'forum.agenda_item_deleted',
      entityType: 'forum_agenda_item',
      entityId: itemId,
      changes: { eventId, titleTh: item.titleTh },
    });
  });
}
