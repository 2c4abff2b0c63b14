/**
 * Coordination requests: create, read (outgoing, a unit's inbox, one request) and move through the state
 * machine. Every change: one transaction with its audit event and its timeline event.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CoordinationRequestDetail,
  CreateCoordinationRequestBody,
  RequestListQuery,
  TransitionCoordinationBody,
} from '../../../common/coordination-api.ts';
import { isOpen } from '../../../common/coordination-states.ts';
import { checkPrivacy } from '../../../common/privacy-check.ts';
import type { Db } from '../../db/client.ts';
import {
  type CoordinationRequestRow,
  coordinationRequestEvents,
  coordinationRequests,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import {
  authorize,
  authorizeVisible,
  coordinationMovesFor,
  coordinationPartiesOf,
} from '../../platform/policy.ts';
import { presentRequestSummary } from './coordination.presenter.ts';
import {
  accessOf,
  eventsOf,
  getRequest,
  getUnit,
  memberIdsOf,
  organisationsById,
  unitsById,
  userNames,
} from './coordination.queries.ts';
import { recordCoordinationEvent } from './events.ts';
import { signalRequestChanged } from './live.ts';
import { movedAsUnit, noticeOfMove } from './notices.ts';
import { ratingOf } from './ratings.service.ts';
import { slaStatuses } from './sla.ts';
import { currentSlaVersion } from './sla-settings.service.ts';
import { assertMoveExists, assertRequirements } from './transitions.ts';

type Ctx = RequestContext & { actor: Actor };
const unique = <T>(list: readonly T[]) => [...new Set(list)];

async function activeUnit(db: Db, id: string) {
  const unit = await getUnit(db, id).catch(() => null);
  if (!unit?.active) throw badRequest('UNIT_NOT_FOUND', 'No active unit has this id');
  return unit;
}

export async function createRequest(db: Db, ctx: Ctx, input: z.infer<typeof CreateCoordinationRequestBody>) {
  authorize(ctx.actor, 'coordination.request', undefined);
  const unit = await activeUnit(db, input.receivingUnitId);
  const findings = checkPrivacy({ needs: input.needs, context: input.context });
  if (findings.length > 0 && !input.acknowledgePrivacyWarnings)
    throw new AppError(
      422,
      'PRIVACY_WARNING',
      'The text looks like it contains personal data (an ID card, passport or phone number). Remove it, or confirm with acknowledgePrivacyWarnings: true',
      { findings },
    );
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(coordinationRequests).values({
      id,
      requestingOrganisationId: ctx.actor.organisationId,
      requesterUserId: ctx.actor.userId,
      receivingUnitId: unit.id,
      type: input.type,
      urgency: input.urgency,
      slaPolicyVersion: await currentSlaVersion(tx),
      province: input.province,
      language: input.language ?? null,
      peopleCount: input.peopleCount,
      ageBands: unique(input.ageBands),
      sexes: unique(input.sexes),
      nationalities: unique(input.nationalities),
      needs: input.needs,
      context: input.context || null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const data = { type: input.type, urgency: input.urgency, unitId: unit.id };
    await recordCoordinationEvent(tx, ctx, id, unit.id, 'created', data);
    await signalRequestChanged(tx, id);
    await recordAudit(tx, ctx, {
      action: 'coordination.request_created',
      entityType: 'coordination_request',
      entityId: id,
      changes: {
        ...data,
        province: input.province,
        peopleCount: input.peopleCount,
        // Where and what kind, never the matched text.
        ...(findings.length
          ? {
              privacyWarnings: findings.map(({ field, kind }) => ({ field, kind })),
              privacyAcknowledged: true,
            }
          : {}),
      },
    });
  });
  return getRequestDetail(db, ctx.actor, id, ctx.now);
}

// ---- reading -------------------------------------------------------------------------------------
/** `justForwarded`: the unit that forwarded it gets it once more as it left; later reads are 404. */
export async function getRequestDetail(
  db: Db,
  viewer: Actor,
  id: string,
  now: Date,
  options: { justForwarded?: boolean } = {},
): Promise<CoordinationRequestDetail> {
  const r = await getRequest(db, id);
  const access = accessOf(r, await memberIdsOf(db, r.receivingUnitId));
  if (!options.justForwarded) authorizeVisible(viewer, 'coordination.readRequest', access, 'Request');
  const [summary] = await summaries(db, [r], now);
  const [events, names, rating] = await Promise.all([
    eventsOf(db, id),
    userNames(db, [r.requesterUserId, r.acknowledgedByUserId]),
    ratingOf(db, id),
  ]);
  return {
    ...summary!,
    ageBands: r.ageBands as CoordinationRequestDetail['ageBands'],
    sexes: r.sexes as CoordinationRequestDetail['sexes'],
    nationalities: r.nationalities as CoordinationRequestDetail['nationalities'],
    needs: r.needs,
    context: r.context,
    requester: names.get(r.requesterUserId)!,
    acknowledgedBy: r.acknowledgedByUserId ? (names.get(r.acknowledgedByUserId) ?? null) : null,
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    stateReason: r.stateReason,
    outcome: r.outcome,
    outcomeReason: r.outcomeReason,
    closedAt: r.closedAt?.toISOString() ?? null,
    rating,
    transitions: coordinationMovesFor(viewer, access),
    events: events.map(({ event, actor }) => ({
      id: String(event.id),
      kind: event.kind,
      at: event.at.toISOString(),
      actor: actor?.id ? actor : null,
      data: event.data,
    })),
  };
}

/** Opening a request's live stream: the same visibility as reading it (404 otherwise). */
export async function assertCanFollow(db: Db, viewer: Actor, id: string) {
  const r = await getRequest(db, id);
  authorizeVisible(
    viewer,
    'coordination.readRequest',
    accessOf(r, await memberIdsOf(db, r.receivingUnitId)),
    'Request',
  );
}

async function summaries(db: Db, rows: CoordinationRequestRow[], now: Date) {
  const [units, sla] = await Promise.all([
    unitsById(
      db,
      rows.map((r) => r.receivingUnitId),
    ),
    slaStatuses(db, rows, now),
  ]);
  const orgs = await organisationsById(db, [
    ...rows.map((r) => r.requestingOrganisationId),
    ...[...units.values()].map((u) => u.organisationId),
  ]);
  return rows.map((r) => {
    const unit = units.get(r.receivingUnitId)!;
    return presentRequestSummary(
      r,
      orgs.get(r.requestingOrganisationId)!,
      unit,
      orgs.get(unit.organisationId)!,
      sla.get(r.id)!,
    );
  });
}

/** Newest first, paged by (created at, id). */
async function listPage(db: Db, where: SQL, query: z.infer<typeof RequestListQuery>, now: Date) {
  const cursor = decodeCursor(query.cursor, { key: 'date', id: 'uuid' });
  const rows = await db
    .select()
    .from(coordinationRequests)
    .where(
      and(
        where,
        query.state ? eq(coordinationRequests.state, query.state) : undefined,
        cursor
          ? sql`(${coordinationRequests.createdAt}, ${coordinationRequests.id}) < (${cursor.k}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(coordinationRequests.createdAt), desc(coordinationRequests.id))
    .limit(query.limit + 1);
  const page = toPage(
    rows,
    query.limit,
    (r) => ({ k: r.createdAt.toISOString(), id: r.id }),
    (r) => r,
  );
  return { items: await summaries(db, page.items, now), nextCursor: page.nextCursor };
}

/** The requests the actor's organisation sent. */
export async function listOutgoing(db: Db, actor: Actor, query: z.infer<typeof RequestListQuery>, now: Date) {
  authorize(actor, 'coordination.read', undefined);
  return listPage(db, eq(coordinationRequests.requestingOrganisationId, actor.organisationId), query, now);
}

/** The requests in a unit's inbox now (forwarded ones move to the new unit's). */
export async function listInbox(
  db: Db,
  actor: Actor,
  unitId: string,
  query: z.infer<typeof RequestListQuery>,
  now: Date,
) {
  const unit = await getUnit(db, unitId);
  authorizeVisible(actor, 'coordination.readInbox', { memberIds: await memberIdsOf(db, unit.id) }, 'Unit');
  return listPage(db, eq(coordinationRequests.receivingUnitId, unitId), query, now);
}

// ---- moving --------------------------------------------------------------------------------------
/**
 * One move of the state machine. The request row is locked first, so of two officers acknowledging at
 * once the second waits, then sees the first's acknowledgement and gets a 409 naming them.
 */
export async function transitionRequest(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof TransitionCoordinationBody>,
) {
  await db.transaction(async (tx) => {
    const r = await getRequest(tx, id, { lock: true });
    const access = accessOf(r, await memberIdsOf(tx, r.receivingUnitId));
    authorizeVisible(ctx.actor, 'coordination.readRequest', access, 'Request');
    const parties = coordinationPartiesOf(ctx.actor, access);
    if (input.to === 'acknowledged' && r.acknowledgedByUserId && parties.includes('receiver'))
      await alreadyAcknowledged(tx, r);
    const move = assertMoveExists(r.state, input.to, parties);
    authorize(ctx.actor, 'coordination.transition', { ...access, to: input.to });
    assertRequirements(move, input);

    // The reason belongs to the move that gave it: resuming clears the question asked on hold.
    const fields: Partial<CoordinationRequestRow> = {
      state: input.to,
      stateReason: input.reason || null,
      updatedAt: ctx.now,
    };
    if (input.to === 'acknowledged')
      Object.assign(fields, { acknowledgedByUserId: ctx.actor.userId, acknowledgedAt: ctx.now });
    if (input.to === 'forwarded') {
      const target = await forwardTarget(tx, r, input.forwardToUnitId!);
      // The new inbox acknowledges afresh; who acknowledged before stays on the timeline.
      Object.assign(fields, { receivingUnitId: target.id, acknowledgedByUserId: null, acknowledgedAt: null });
    }
    if (input.to === 'done')
      Object.assign(fields, { outcome: input.outcome, outcomeReason: input.outcomeReason ?? null });
    if (!isOpen(input.to)) fields.closedAt = ctx.now;
    await tx.update(coordinationRequests).set(fields).where(eq(coordinationRequests.id, id));

    const data = {
      from: r.state,
      to: input.to,
      reason: input.reason ?? null,
      ...(input.to === 'forwarded'
        ? { fromUnitId: r.receivingUnitId, toUnitId: fields.receivingUnitId }
        : {}),
      ...(input.to === 'done' ? { outcome: input.outcome, outcomeReason: input.outcomeReason ?? null } : {}),
    };
    const eventId = await recordCoordinationEvent(tx, ctx, id, r.receivingUnitId, 'state_changed', data);
    await noticeOfMove(tx, ctx, r, eventId, movedAsUnit(parties, move.by));
    await signalRequestChanged(tx, id);
    await recordAudit(tx, ctx, {
      action: 'coordination.request_state_changed',
      entityType: 'coordination_request',
      entityId: id,
      changes: { state: { from: r.state, to: input.to }, ...data },
    });
  });
  return getRequestDetail(db, ctx.actor, id, ctx.now, { justForwarded: input.to === 'forwarded' });
}

async function alreadyAcknowledged(tx: Db, r: CoordinationRequestRow) {
  const names = await userNames(tx, [r.acknowledgedByUserId]);
  const by = names.get(r.acknowledgedByUserId!) ?? null;
  throw conflict(
    'ALREADY_ACKNOWLEDGED',
    `${by?.displayName ?? 'Someone'} already acknowledged this request`,
    {
      acknowledgedBy: by,
      acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    },
  );
}

/** Another active unit that has not held the request before: forwarding never goes round in a loop. */
async function forwardTarget(tx: Db, r: CoordinationRequestRow, unitId: string) {
  if (unitId === r.receivingUnitId)
    throw badRequest('FORWARD_TO_SAME_INBOX', 'The request is already in this inbox; name another unit');
  const target = await activeUnit(tx, unitId);
  const [held] = await tx
    .select({ id: coordinationRequestEvents.id })
    .from(coordinationRequestEvents)
    .where(and(eq(coordinationRequestEvents.requestId, r.id), eq(coordinationRequestEvents.unitId, unitId)))
    .limit(1);
  if (held) throw badRequest('FORWARD_LOOP', 'This unit already had the request; forward it to another one');
  return target;
}
