/**
 * A problem raised from the floor of a "Let's Talk TIP" forum carries a link to that event and, when
 * given, its agenda item (problems.source_event_id / source_agenda_item_id), so the board can say where it
 * was raised and the next forum can look back at it. Reads only the forum columns the link shows.
 */
import { eq } from 'drizzle-orm';
import type { ForumSourceView } from '../../../common/problems-api.ts';
import type { Db } from '../../db/client.ts';
import { forumAgendaItems, forumEvents } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';

/** A draft event is the Centre's until published; a cancelled one took no floor. */
const visibleTo = (viewer: Actor, state: string) => state !== 'draft' || viewer.role === 'admin';

/** Checks the link a new problem asks for; answers the event's number for the `source` text. */
export async function checkForumSource(
  db: Db,
  actor: Actor,
  input: { sourceEventId?: string | undefined; sourceAgendaItemId?: string | undefined },
): Promise<{ number: number } | null> {
  if (!input.sourceEventId) {
    if (input.sourceAgendaItemId)
      throw badRequest('SOURCE_EVENT_REQUIRED', 'An agenda item is given with its event (sourceEventId)');
    return null;
  }
  const [event] = await db
    .select({ number: forumEvents.number, state: forumEvents.state })
    .from(forumEvents)
    .where(eq(forumEvents.id, input.sourceEventId));
  if (!event || !visibleTo(actor, event.state) || event.state === 'cancelled')
    throw new AppError(422, 'SOURCE_EVENT_UNKNOWN', 'No forum event the problem could have been raised at');
  if (input.sourceAgendaItemId) {
    const [item] = await db
      .select({ eventId: forumAgendaItems.eventId })
      .from(forumAgendaItems)
      .where(eq(forumAgendaItems.id, input.sourceAgendaItemId));
    if (item?.eventId !== input.sourceEventId)
      throw new AppError(
        422,
        'SOURCE_AGENDA_ITEM_MISMATCH',
        'That agenda item is not on the forum event given',
      );
  }
  return { number: event.number };
}

/** The link the problem page shows; null when there is none or the viewer may not see the event. */
export async function forumSourceOf(
  db: Db,
  viewer: Actor,
  p: { sourceEventId: string | null; sourceAgendaItemId: string | null },
): Promise<ForumSourceView | null> {
  if (!p.sourceEventId) return null;
  const [event] = await db
    .select({
      id: forumEvents.id,
      number: forumEvents.number,
      titleTh: forumEvents.titleTh,
      titleEn: forumEvents.titleEn,
      state: forumEvents.state,
    })
    .from(forumEvents)
    .where(eq(forumEvents.id, p.sourceEventId));
  if (!event || !visibleTo(viewer, event.state)) return null;
  const [item] = p.sourceAgendaItemId
    ? await db
        .select({
          id: forumAgendaItems.id,
          titleTh: forumAgendaItems.titleTh,
          titleEn: forumAgendaItems.titleEn,
        })
        .from(forumAgendaItems)
        .where(eq(forumAgendaItems.id, p.sourceAgendaItemId))
    : [];
  const { state: _state, ...ref } = event;
  return { ...ref, agendaItem: item ?? null };
}
