/**
 * The minutes of an event: drafted by the Centre, shared with the attending organisations for comment,
 * finalised into a frozen version; the latest final version may be reopened as the draft of the next.
 * Every change carries the revision it was made on (409 when someone else saved in between).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type {
  MinutesContent,
  MinutesVersionView,
  MinutesView,
  SaveMinutesBody,
} from '../../../common/forum-minutes-api.ts';
import { bangkokDay } from '../../../common/working-day.ts';
import type { Db } from '../../db/client.ts';
import {
  forumActionEvents,
  forumActions,
  forumAgendaItems,
  forumDecisions,
  forumMinutes,
  forumMinutesComments,
  forumMinutesNotes,
  forumMinutesVersions,
  organisations,
  users,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { authorize, authorizeVisible, can, type MinutesAccess } from '../../platform/policy.ts';
import { presentOrganisation } from '../../platform/projections.ts';
import { type MinutesMailDeps, sendMinutesShared } from './minutes.mail.ts';
import { presentAction, presentAttendance, presentEvent, presentItem } from './minutes.presenter.ts';
import {
  agendaRows,
  attendanceRows,
  attendingOrganisationIds,
  commentRows,
  decisionRows,
  type EventRow,
  eventActionRows,
  eventRow,
  minutesRow,
  publishedOwnerIds,
  versionRow,
  versionRows,
} from './minutes.queries.ts';

const EVENT = 'Forum event';

async function existingEvent(db: Db, eventId: string, forUpdate = false): Promise<EventRow> {
  const event = await eventRow(db, eventId, { forUpdate });
  if (!event) throw notFound(EVENT);
  return event;
}

async function accessOf(db: Db, eventId: string): Promise<MinutesAccess & { hasFinal: boolean }> {
  const [minutes, attending, owners, versions] = await Promise.all([
    minutesRow(db, eventId),
    attendingOrganisationIds(db, eventId),
    publishedOwnerIds(db, eventId),
    versionRows(db, eventId),
  ]);
  return {
    state: minutes?.state ?? 'draft',
    attendingOrganisationIds: attending,
    actionOwnerIds: owners,
    hasFinal: versions.length > 0,
  };
}

/** The content as it stands in the tables now (what a finalisation freezes). */
export async function currentContent(db: Db, eventId: string, now: Date): Promise<MinutesContent> {
  const [minutes, items, decisions, actions, attendance] = await Promise.all([
    minutesRow(db, eventId),
    agendaRows(db, eventId),
    decisionRows(db, eventId),
    eventActionRows(db, eventId),
    attendanceRows(db, eventId),
  ]);
  const today = bangkokDay(now);
  return {
    summaryTh: minutes?.summaryTh ?? null,
    summaryEn: minutes?.summaryEn ?? null,
    items: items.map(presentItem),
    decisions,
    actions: actions.map((a) => presentAction(a, today)),
    attendance: presentAttendance(attendance),
  };
}

export async function getMinutes(db: Db, actor: Actor, eventId: string, now: Date): Promise<MinutesView> {
  const event = await existingEvent(db, eventId);
  const access = await accessOf(db, eventId);
  // While the Centre redrafts, the others keep reading the latest final version.
  const readsLatestFinal =
    access.state === 'draft' && access.hasFinal && !can(actor, 'forumMinutes.manage', undefined);
  const seen: MinutesAccess = readsLatestFinal ? { ...access, state: 'final' } : access;
  authorizeVisible(actor, 'forumMinutes.read', seen, 'Minutes');
  const [minutes, versions, comments] = await Promise.all([
    minutesRow(db, eventId),
    versionRows(db, eventId),
    commentRows(db, eventId),
  ]);
  const latest = versions[0];
  const content = readsLatestFinal
    ? ((await versionRow(db, eventId, latest!.version))!.snapshot as MinutesContent)
    : await currentContent(db, eventId, now);
  return {
    ...content,
    event: presentEvent(event),
    state: seen.state,
    version: readsLatestFinal ? latest!.version : (minutes?.version ?? 1),
    revision: readsLatestFinal ? 0 : (minutes?.revision ?? 0),
    updatedAt: minutes?.updatedAt.toISOString() ?? null,
    versions: versions.map((v) => ({ ...v, finalisedAt: v.finalisedAt.toISOString() })),
    comments: comments.map((c) => ({
      ...c,
      organisation: presentOrganisation(c.organisation),
      createdAt: c.createdAt.toISOString(),
    })),
    can: {
      edit: can(actor, 'forumMinutes.manage', undefined) && seen.state !== 'final',
      reopen: can(actor, 'forumMinutes.manage', undefined) && seen.state === 'final',
      comment: can(actor, 'forumMinutes.comment', seen),
    },
  };
}

export async function getVersion(
  db: Db,
  actor: Actor,
  eventId: string,
  version: number,
): Promise<MinutesVersionView> {
  const event = await existingEvent(db, eventId);
  const access = await accessOf(db, eventId);
  authorizeVisible(actor, 'forumMinutes.read', { ...access, state: 'final' }, 'Minutes version');
  const row = await versionRow(db, eventId, version);
  if (!row) throw notFound('Minutes version');
  const latest = (await versionRows(db, eventId))[0]!.version;
  return {
    event: presentEvent(event),
    version: row.version,
    finalisedAt: row.finalisedAt.toISOString(),
    finalisedBy: row.finalisedBy,
    latest: row.version === latest,
    content: row.snapshot as MinutesContent,
  };
}

/** The minutes row, created as an empty draft (revision 0) on first use, locked for this transaction. */
async function lockedMinutes(tx: Db, eventId: string, now: Date, revision: number) {
  await tx
    .insert(forumMinutes)
    .values({ eventId, state: 'draft', version: 1, revision: 0, updatedAt: now })
    .onConflictDoNothing();
  const minutes = (await minutesRow(tx, eventId, { forUpdate: true }))!;
  if (minutes.revision !== revision)
    throw conflict('VERSION_CONFLICT', 'Someone else changed these minutes; reload and redo', {
      currentRevision: minutes.revision,
    });
  return minutes;
}

const finalRefused = () => conflict('MINUTES_FINAL', 'Final minutes cannot be edited; reopen them first');

export async function saveMinutes(
  deps: { db: Db },
  ctx: RequestContext,
  eventId: string,
  body: SaveMinutesBody,
) {
  authorize(ctx.actor, 'forumMinutes.manage', undefined);
  await deps.db.transaction(async (tx) => {
    await existingEvent(tx, eventId);
    const minutes = await lockedMinutes(tx, eventId, ctx.now, body.revision);
    if (minutes.state === 'final') throw finalRefused();
    const itemIds = new Set((await agendaRows(tx, eventId)).map((i) => i.id));
    const badItem = [
      ...body.items.map((i) => i.agendaItemId),
      ...body.decisions.map((d) => d.agendaItemId),
      ...body.actions.map((a) => a.agendaItemId),
    ].find((id) => id && !itemIds.has(id));
    if (badItem)
      throw badRequest('UNKNOWN_AGENDA_ITEM', 'An agenda item is not on this event', { id: badItem });
    if (new Set(body.items.map((i) => i.agendaItemId)).size !== body.items.length)
      throw badRequest('DUPLICATE_AGENDA_ITEM', 'An agenda item is listed twice');

    const decisionIds = new Set((await decisionRows(tx, eventId)).map((d) => d.id));
    const badDecision = body.decisions.find((d) => d.id && !decisionIds.has(d.id));
    if (badDecision) throw badRequest('UNKNOWN_DECISION', 'A decision is not in these minutes');

    const actions = await eventActionRows(tx, eventId);
    const actionById = new Map(actions.map((a) => [a.id, a]));
    const badAction = body.actions.find((a) => a.id && !actionById.has(a.id));
    if (badAction) throw badRequest('UNKNOWN_ACTION', 'An action item is not in these minutes');
    const keptIds = new Set(body.actions.flatMap((a) => (a.id ? [a.id] : [])));
    if (keptIds.size !== body.actions.filter((a) => a.id).length)
      throw badRequest('DUPLICATE_ACTION', 'An action item is listed twice');
    const removed = actions.filter((a) => !keptIds.has(a.id));
    if (removed.some((a) => a.published))
      throw conflict(
        'ACTION_PUBLISHED',
        'An action of a finalised version cannot be removed; drop it instead',
      );
    await assertOwnersAndResponsibles(tx, body.actions);

    for (const item of body.items) {
      await tx
        .update(forumAgendaItems)
        .set({ discussed: item.discussed })
        .where(eq(forumAgendaItems.id, item.agendaItemId));
      const notes = item.notes?.trim();
      if (notes)
        await tx
          .insert(forumMinutesNotes)
          .values({ agendaItemId: item.agendaItemId, notes, updatedAt: ctx.now })
          .onConflictDoUpdate({ target: forumMinutesNotes.agendaItemId, set: { notes, updatedAt: ctx.now } });
      else await tx.delete(forumMinutesNotes).where(eq(forumMinutesNotes.agendaItemId, item.agendaItemId));
    }

    await tx.delete(forumDecisions).where(eq(forumDecisions.eventId, eventId));
    if (body.decisions.length > 0)
      await tx.insert(forumDecisions).values(
        body.decisions.map((d, position) => ({
          id: d.id ?? randomUUID(),
          eventId,
          agendaItemId: d.agendaItemId ?? null,
          position,
          textTh: d.textTh,
          textEn: d.textEn || null,
          createdAt: ctx.now,
        })),
      );

    if (removed.length > 0)
      await tx.delete(forumActions).where(
        inArray(
          forumActions.id,
          removed.map((a) => a.id),
        ),
      );
    let created = 0;
    for (const a of body.actions) {
      const fields = {
        agendaItemId: a.agendaItemId ?? null,
        titleTh: a.titleTh,
        titleEn: a.titleEn || null,
        ownerOrganisationId: a.ownerOrganisationId,
        responsibleUserId: a.responsibleUserId ?? null,
        responsibleName: a.responsibleUserId ? null : a.responsibleName || null,
        dueOn: a.dueOn ?? null,
        updatedAt: ctx.now,
      };
      if (a.id) {
        await tx.update(forumActions).set(fields).where(eq(forumActions.id, a.id));
        continue;
      }
      const id = randomUUID();
      await tx.insert(forumActions).values({ id, eventId, ...fields, status: 'open', createdAt: ctx.now });
      await tx.insert(forumActionEvents).values({
        id: randomUUID(),
        actionId: id,
        at: ctx.now,
        actorId: ctx.actor!.userId,
        fromStatus: null,
        toStatus: 'open',
        note: null,
      });
      created++;
    }

    await tx
      .update(forumMinutes)
      .set({
        summaryTh: body.summaryTh || null,
        summaryEn: body.summaryEn || null,
        revision: minutes.revision + 1,
        updatedAt: ctx.now,
        updatedBy: ctx.actor!.userId,
      })
      .where(eq(forumMinutes.eventId, eventId));
    await recordAudit(tx, ctx, {
      action: 'forumMinutes.saved',
      entityType: 'forum_event',
      entityId: eventId,
      changes: {
        version: minutes.version,
        decisions: body.decisions.length,
        actions: body.actions.length,
        actionsCreated: created,
        actionsRemoved: removed.length,
      },
    });
  });
  return getMinutes(deps.db, ctx.actor!, eventId, ctx.now);
}

/** Owners are directory organisations; a responsible user belongs to the owner and is active. */
async function assertOwnersAndResponsibles(tx: Db, actions: SaveMinutesBody['actions']) {
  const ownerIds = [...new Set(actions.map((a) => a.ownerOrganisationId))];
  if (ownerIds.length > 0) {
    const found = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(inArray(organisations.id, ownerIds));
    if (found.length !== ownerIds.length)
      throw badRequest('UNKNOWN_ORGANISATION', 'An owner organisation is not in the directory');
  }
  const withUser = actions.filter((a) => a.responsibleUserId);
  if (withUser.length === 0) return;
  const members = await tx
    .select({ id: users.id, organisationId: users.organisationId })
    .from(users)
    .where(
      and(
        inArray(
          users.id,
          withUser.map((a) => a.responsibleUserId!),
        ),
        eq(users.active, true),
      ),
    );
  const orgOf = new Map(members.map((m) => [m.id, m.organisationId]));
  if (withUser.some((a) => orgOf.get(a.responsibleUserId!) !== a.ownerOrganisationId))
    throw badRequest(
      'RESPONSIBLE_NOT_IN_ORGANISATION',
      'The responsible person must be an active user of the owner organisation',
    );
}

type Move = 'share' | 'finalise' | 'reopen';

export async function moveMinutes(
  deps: { db: Db } & MinutesMailDeps,
  ctx: RequestContext,
  eventId: string,
  move: Move,
  body: { revision: number; version?: number },
) {
  authorize(ctx.actor, 'forumMinutes.manage', undefined);
  await deps.db.transaction(async (tx) => {
    const event = await existingEvent(tx, eventId);
    const minutes = await lockedMinutes(tx, eventId, ctx.now, body.revision);
    const next = { revision: minutes.revision + 1, updatedAt: ctx.now, updatedBy: ctx.actor!.userId };
    let mailed: number | undefined;
    if (move === 'share') {
      if (minutes.state !== 'draft') throw conflict('INVALID_STATE', 'Only a draft can be shared');
      await tx
        .update(forumMinutes)
        .set({ ...next, state: 'shared' })
        .where(eq(forumMinutes.eventId, eventId));
      const attending = await attendingOrganisationIds(tx, eventId);
      const named = attending.length
        ? await tx
            .select({ id: organisations.id, nameTh: organisations.nameTh, nameEn: organisations.nameEn })
            .from(organisations)
            .where(inArray(organisations.id, attending))
        : [];
      mailed = await sendMinutesShared(tx, deps, ctx.now, event, minutes.version, named);
    } else if (move === 'finalise') {
      if (minutes.state === 'final') throw conflict('INVALID_STATE', 'These minutes are already final');
      const snapshot = await currentContent(tx, eventId, ctx.now);
      await tx.insert(forumMinutesVersions).values({
        eventId,
        version: minutes.version,
        snapshot,
        finalisedAt: ctx.now,
        finalisedBy: ctx.actor!.userId,
      });
      await tx
        .update(forumMinutes)
        .set({ ...next, state: 'final' })
        .where(eq(forumMinutes.eventId, eventId));
    } else {
      if (minutes.state !== 'final') throw conflict('INVALID_STATE', 'Only final minutes can be reopened');
      if (body.version !== minutes.version)
        throw conflict('NOT_LATEST_VERSION', 'Only the latest final version can be reopened', {
          latestVersion: minutes.version,
        });
      await tx
        .update(forumMinutes)
        .set({ ...next, state: 'draft', version: minutes.version + 1 })
        .where(eq(forumMinutes.eventId, eventId));
    }
    await recordAudit(tx, ctx, {
      action: {
        share: 'forumMinutes.shared',
        finalise: 'forumMinutes.finalised',
        reopen: 'forumMinutes.reopened',
      }[move],
      entityType: 'forum_event',
      entityId: eventId,
      changes: {
        version: move === 'reopen' ? minutes.version + 1 : minutes.version,
        ...(mailed !== undefined ? { recipients: mailed } : {}),
      },
    });
  });
  return getMinutes(deps.db, ctx.actor!, eventId, ctx.now);
}

export async function addComment(deps: { db: Db }, ctx: RequestContext, eventId: string, body: string) {
  const actor = ctx.actor!;
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await existingEvent(tx, eventId);
    const minutes = await minutesRow(tx, eventId, { forUpdate: true });
    const access = await accessOf(tx, eventId);
    const seen =
      access.state === 'draft' && access.hasFinal ? { ...access, state: 'final' as const } : access;
    authorizeVisible(actor, 'forumMinutes.read', seen, 'Minutes');
    if (access.state !== 'shared')
      throw conflict('MINUTES_NOT_SHARED', 'Comments are taken only while the minutes are shared');
    authorize(actor, 'forumMinutes.comment', access);
    await tx.insert(forumMinutesComments).values({
      id,
      eventId,
      version: minutes!.version,
      organisationId: actor.organisationId,
      authorId: actor.userId,
      body,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'forumMinutes.commented',
      entityType: 'forum_event',
      entityId: eventId,
      changes: { commentId: id, version: minutes!.version },
    });
  });
  const comment = (await commentRows(deps.db, eventId)).find((c) => c.id === id)!;
  return {
    ...comment,
    organisation: presentOrganisation(comment.organisation),
    createdAt: comment.createdAt.toISOString(),
  };
}
