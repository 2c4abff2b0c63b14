/**
 * A unit's on-call roster: layers (rotations with handover times and restrictions) and overrides. Its
 * members read it; its heads, its organisation's admins and the Centre edit it; anyone else gets 404.
 * Every change: one transaction with its audit event.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  OnCallView,
  RosterLayerBody,
  RosterOverrideBody,
  RosterQuery,
  RosterView,
  UpdateRosterLayerBody,
} from '../../../common/coordination-roster-api.ts';
import {
  bangkokDayOf,
  bangkokInstant,
  type LayerOnCall,
  onCallAt,
  onCallSegments,
} from '../../../common/on-call.ts';
import { DAY_MS } from '../../../common/time.ts';
import type { Db } from '../../db/client.ts';
import { coordinationRosterLayers, coordinationRosterOverrides } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { authorize, authorizeVisible, can, type UnitRosterAccess } from '../../platform/policy.ts';
import { getUnit, userNames } from './coordination.queries.ts';
import { loadRosters, type UnitRoster } from './on-call.ts';

type Ctx = RequestContext & { actor: Actor };
type Names = Map<string, { id: string; displayName: string }>;

async function accessTo(db: Db, unitId: string) {
  const unit = await getUnit(db, unitId);
  const roster = (await loadRosters(db, [unitId], new Date(0))).get(unitId)!;
  const access: UnitRosterAccess = {
    organisationId: unit.organisationId,
    memberIds: [...roster.memberIds],
    headIds: roster.members.filter((m) => m.role === 'head').map((m) => m.userId),
  };
  return { unit, access };
}

/** Outsiders get 404; the unit's members, who may read it, get 403. */
function authorizeEdit(actor: Actor, access: UnitRosterAccess) {
  authorizeVisible(actor, 'coordination.readRoster', access, 'Unit');
  authorize(actor, 'coordination.editRoster', access);
}

const personOf = (names: Names, id: string) => names.get(id) ?? { id, displayName: '—' };

function presentOnCall(
  unitId: string,
  at: Date,
  roster: UnitRoster,
  list: LayerOnCall[],
  names: Names,
): OnCallView {
  return {
    unitId,
    at: at.toISOString(),
    layers: list.map((l) => ({
      layerId: l.layerId,
      level: l.level,
      name: roster.layers.find((x) => x.id === l.layerId)?.name ?? '',
      person: l.userId ? personOf(names, l.userId) : null,
      source: 'source' in l ? l.source : null,
      gap: 'gap' in l ? l.gap : null,
    })),
  };
}

/** Who is on call in the unit at `at` (now by default), per layer, gaps included. */
export async function onCallView(db: Db, actor: Actor, unitId: string, at: Date): Promise<OnCallView> {
  const { access } = await accessTo(db, unitId);
  authorizeVisible(actor, 'coordination.readRoster', access, 'Unit');
  const roster = (await loadRosters(db, [unitId], at)).get(unitId)!;
  const list = onCallAt(roster, at, roster.memberIds);
  const names = await userNames(
    db,
    list.map((l) => l.userId),
  );
  return presentOnCall(unitId, at, roster, list, names);
}

/** The roster with each layer's shifts over `days` days from `from` (Bangkok midnight) and who is on call now. */
export async function rosterView(
  db: Db,
  actor: Actor,
  unitId: string,
  query: z.infer<typeof RosterQuery>,
  now: Date,
): Promise<RosterView> {
  const { access } = await accessTo(db, unitId);
  authorizeVisible(actor, 'coordination.readRoster', access, 'Unit');
  const from = bangkokInstant(query.from ?? bangkokDayOf(now), '00:00');
  const to = new Date(from.getTime() + query.days * DAY_MS);
  const windowStart = new Date(Math.min(from.getTime(), now.getTime()));
  const roster = (await loadRosters(db, [unitId], windowStart, to)).get(unitId)!;
  const segments = onCallSegments(roster, from, to, roster.memberIds);
  const nowList = onCallAt(roster, now, roster.memberIds);
  const names = await userNames(db, [
    ...roster.memberIds,
    ...roster.layers.flatMap((l) => l.memberIds),
    ...roster.overrides.map((o) => o.userId),
  ]);
  return {
    unitId,
    canEdit: can(actor, 'coordination.editRoster', access),
    members: [...roster.memberIds].map((id) => personOf(names, id)),
    layers: roster.layers.map((l) => ({
      ...l,
      members: l.memberIds.map((id) => personOf(names, id)),
    })),
    overrides: roster.overrides
      .filter((o) => o.endsAt > now)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((o) => ({
        id: o.id,
        layerId: o.layerId,
        person: personOf(names, o.userId),
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
      })),
    from: from.toISOString(),
    to: to.toISOString(),
    shifts: Object.fromEntries(
      [...segments].map(([layerId, list]) => [
        layerId,
        list.map((s) => ({
          from: s.from.toISOString(),
          to: s.to.toISOString(),
          person: s.onCall.userId ? personOf(names, s.onCall.userId) : null,
          source: 'source' in s.onCall ? s.onCall.source : null,
          gap: 'gap' in s.onCall ? s.onCall.gap : null,
        })),
      ]),
    ),
    now: presentOnCall(unitId, now, roster, nowList, names),
  };
}

function assertMembers(access: UnitRosterAccess, ids: readonly string[]) {
  const outside = ids.filter((id) => !access.memberIds.includes(id));
  if (outside.length)
    throw badRequest('NOT_A_UNIT_MEMBER', 'Only members of the unit can be on its roster', {
      userIds: outside,
    });
}

const weekOf = (ctx: Ctx) => ({ days: 7, from: bangkokDayOf(ctx.now) });

export async function createLayer(db: Db, ctx: Ctx, unitId: string, input: z.infer<typeof RosterLayerBody>) {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const { access } = await accessTo(tx, unitId);
    authorizeEdit(ctx.actor, access);
    assertMembers(access, input.memberIds);
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${coordinationRosterLayers.position}), -1)::int` })
      .from(coordinationRosterLayers)
      .where(eq(coordinationRosterLayers.unitId, unitId));
    await tx.insert(coordinationRosterLayers).values({
      id,
      unitId,
      position: (last?.n ?? -1) + 1,
      ...input,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'coordination.roster_layer_created',
      entityType: 'coordination_unit',
      entityId: unitId,
      changes: { layerId: id, ...input },
    });
  });
  return rosterView(db, ctx.actor, unitId, weekOf(ctx), ctx.now);
}

async function layerIn(tx: Db, unitId: string, layerId: string) {
  const [layer] = await tx
    .select()
    .from(coordinationRosterLayers)
    .where(and(eq(coordinationRosterLayers.id, layerId), eq(coordinationRosterLayers.unitId, unitId)))
    .for('update');
  if (!layer) throw notFound('Layer');
  return layer;
}

export async function updateLayer(
  db: Db,
  ctx: Ctx,
  unitId: string,
  layerId: string,
  input: z.infer<typeof UpdateRosterLayerBody>,
) {
  await db.transaction(async (tx) => {
    const { access } = await accessTo(tx, unitId);
    authorizeEdit(ctx.actor, access);
    const layer = await layerIn(tx, unitId, layerId);
    if (input.memberIds) assertMembers(access, input.memberIds);
    const before = Object.fromEntries(Object.keys(input).map((k) => [k, layer[k as keyof typeof layer]]));
    await tx
      .update(coordinationRosterLayers)
      .set({ ...input, updatedAt: ctx.now })
      .where(eq(coordinationRosterLayers.id, layerId));
    await recordAudit(tx, ctx, {
      action: 'coordination.roster_layer_updated',
      entityType: 'coordination_unit',
      entityId: unitId,
      changes: { layerId, before, after: input },
    });
  });
  return rosterView(db, ctx.actor, unitId, weekOf(ctx), ctx.now);
}

/** Removes a layer and its overrides. */
export async function deleteLayer(db: Db, ctx: Ctx, unitId: string, layerId: string) {
  await db.transaction(async (tx) => {
    const { access } = await accessTo(tx, unitId);
    authorizeEdit(ctx.actor, access);
    const layer = await layerIn(tx, unitId, layerId);
    await tx.delete(coordinationRosterLayers).where(eq(coordinationRosterLayers.id, layerId));
    await recordAudit(tx, ctx, {
      action: 'coordination.roster_layer_deleted',
      entityType: 'coordination_unit',
      entityId: unitId,
      changes: { layerId, name: layer.name, level: layer.level, memberIds: layer.memberIds },
    });
  });
  return rosterView(db, ctx.actor, unitId, weekOf(ctx), ctx.now);
}

export async function createOverride(
  db: Db,
  ctx: Ctx,
  unitId: string,
  input: z.infer<typeof RosterOverrideBody>,
) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw badRequest('OVERRIDE_EMPTY', 'An override must end after it starts');
  if (endsAt <= ctx.now) throw badRequest('OVERRIDE_IN_PAST', 'An override must end in the future');
  if (endsAt.getTime() - startsAt.getTime() > 31 * DAY_MS)
    throw badRequest('OVERRIDE_TOO_LONG', 'An override covers at most 31 days; change the rotation instead');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const { access } = await accessTo(tx, unitId);
    authorizeEdit(ctx.actor, access);
    await layerIn(tx, unitId, input.layerId).catch(() => {
      throw badRequest('LAYER_NOT_FOUND', 'The unit has no such layer');
    });
    assertMembers(access, [input.userId]);
    await tx.insert(coordinationRosterOverrides).values({
      id,
      unitId,
      layerId: input.layerId,
      userId: input.userId,
      startsAt,
      endsAt,
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'coordination.roster_override_created',
      entityType: 'coordination_unit',
      entityId: unitId,
      changes: { overrideId: id, ...input },
    });
  });
  return rosterView(db, ctx.actor, unitId, { days: 7, from: bangkokDayOf(startsAt) }, ctx.now);
}

export async function deleteOverride(db: Db, ctx: Ctx, unitId: string, overrideId: string) {
  await db.transaction(async (tx) => {
    const { access } = await accessTo(tx, unitId);
    authorizeEdit(ctx.actor, access);
    const removed = await tx
      .delete(coordinationRosterOverrides)
      .where(
        and(eq(coordinationRosterOverrides.id, overrideId), eq(coordinationRosterOverrides.unitId, unitId)),
      )
      .returning();
    if (removed.length === 0) throw notFound('Override');
    const o = removed[0]!;
    await recordAudit(tx, ctx, {
      action: 'coordination.roster_override_deleted',
      entityType: 'coordination_unit',
      entityId: unitId,
      changes: { overrideId, layerId: o.layerId, userId: o.userId, startsAt: o.startsAt, endsAt: o.endsAt },
    });
  });
  return rosterView(db, ctx.actor, unitId, weekOf(ctx), ctx.now);
}
