/**
 * Agency units (the inboxes requests go to), their members, and the suggestion of units for a request.
 * Every change: one transaction with its audit event.
 */
import { randomUUID } from 'node:crypto';
import { and, arrayOverlaps, asc, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateUnitBody, SuggestionQuery, UpdateUnitBody } from '../../../common/coordination-api.ts';
import { SERVICES_FOR_TYPE } from '../../../common/coordination-states.ts';
import type { Db } from '../../db/client.ts';
import { coordinationUnitMembers, coordinationUnits, organisations, users } from '../../db/schema/index.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { authorize, authorizeVisible, can } from '../../platform/policy.ts';
import { presentUnit } from './coordination.presenter.ts';
import { getUnit, membersOf, organisationsById } from './coordination.queries.ts';

type Ctx = RequestContext & { actor: Actor };
const unique = <T>(list: readonly T[]) => [...new Set(list)];
const SUGGESTIONS_SHOWN = 20;

export async function unitView(db: Db, actor: Actor, id: string) {
  const unit = await getUnit(db, id);
  const orgs = await organisationsById(db, [unit.organisationId]);
  const showMembers =
    can(actor, 'coordination.manageUnit', unit) || actor.organisationId === unit.organisationId;
  return presentUnit(unit, orgs.get(unit.organisationId)!, showMembers ? await membersOf(db, [id]) : null);
}

/** One unit for its page; any signed-in member of the network may read it, like the list. */
export async function getUnitView(db: Db, actor: Actor, id: string) {
  authorize(actor, 'coordination.read', undefined);
  return unitView(db, actor, id);
}

export async function listUnits(db: Db, actor: Actor, organisationId?: string) {
  authorize(actor, 'coordination.read', undefined);
  const rows = await db
    .select()
    .from(coordinationUnits)
    .where(organisationId ? eq(coordinationUnits.organisationId, organisationId) : undefined)
    .orderBy(asc(coordinationUnits.nameTh), asc(coordinationUnits.id))
    .limit(500);
  const orgs = await organisationsById(
    db,
    rows.map((u) => u.organisationId),
  );
  const seesMembers = (u: (typeof rows)[number]) =>
    can(actor, 'coordination.manageUnit', u) || actor.organisationId === u.organisationId;
  const members = await membersOf(
    db,
    rows.filter(seesMembers).map((u) => u.id),
  );
  return {
    items: rows.map((u) =>
      presentUnit(
        u,
        orgs.get(u.organisationId)!,
        seesMembers(u) ? members.filter((m) => m.unitId === u.id) : null,
      ),
    ),
  };
}

export async function createUnit(db: Db, ctx: Ctx, input: z.infer<typeof CreateUnitBody>) {
  authorize(ctx.actor, 'coordination.manageUnit', { organisationId: input.organisationId });
  const [org] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, input.organisationId));
  if (!org) throw badRequest('ORGANISATION_NOT_FOUND', 'The organisation does not exist');
  const id = randomUUID();
  const values = {
    nameTh: input.nameTh,
    nameEn: input.nameEn,
    services: unique(input.services),
    coverage: unique(input.coverage),
    languages: unique(input.languages),
  };
  await db.transaction(async (tx) => {
    await tx.insert(coordinationUnits).values({
      id,
      organisationId: input.organisationId,
      ...values,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'coordination.unit_created',
      entityType: 'coordination_unit',
      entityId: id,
      changes: { organisationId: input.organisationId, ...values },
    });
  });
  return unitView(db, ctx.actor, id);
}

export async function updateUnit(db: Db, ctx: Ctx, id: string, input: z.infer<typeof UpdateUnitBody>) {
  await db.transaction(async (tx) => {
    const [unit] = await tx
      .select()
      .from(coordinationUnits)
      .where(eq(coordinationUnits.id, id))
      .for('update');
    if (!unit) throw notFound('Unit');
    authorizeVisible(ctx.actor, 'coordination.manageUnit', unit, 'Unit');
    const changes = {
      ...input,
      ...(input.services ? { services: unique(input.services) } : {}),
      ...(input.coverage ? { coverage: unique(input.coverage) } : {}),
      ...(input.languages ? { languages: unique(input.languages) } : {}),
    };
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, unit[k as keyof typeof unit]]));
    await tx
      .update(coordinationUnits)
      .set({ ...changes, updatedAt: ctx.now })
      .where(eq(coordinationUnits.id, id));
    await recordAudit(tx, ctx, {
      action: 'coordination.unit_updated',
      entityType: 'coordination_unit',
      entityId: id,
      changes: { before, after: changes },
    });
  });
  return unitView(db, ctx.actor, id);
}

/** Adds a member or changes their role. Only people of the unit's own organisation who act may join it. */
export async function setMember(db: Db, ctx: Ctx, unitId: string, userId: string, role: 'member' | 'head') {
  await db.transaction(async (tx) => {
    const unit = await getUnit(tx, unitId);
    authorizeVisible(ctx.actor, 'coordination.manageUnit', unit, 'Unit');
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.id, userId),
          eq(users.organisationId, unit.organisationId),
          eq(users.active, true),
          // Observers only read: a unit's members answer requests.
          ne(users.role, 'observer'),
        ),
      );
    if (!user)
      throw badRequest(
        'NOT_IN_ORGANISATION',
        "Only active users of the unit's organisation who may act (not observers) can join it",
      );
    const [previous] = await tx
      .select({ role: coordinationUnitMembers.role })
      .from(coordinationUnitMembers)
      .where(and(eq(coordinationUnitMembers.unitId, unitId), eq(coordinationUnitMembers.userId, userId)));
    await tx
      .insert(coordinationUnitMembers)
      .values({ unitId, userId, role, createdAt: ctx.now })
      .onConflictDoUpdate({
        target: [coordinationUnitMembers.unitId, coordinationUnitMembers.userId],
        set: { role },
      });
    await recordAudit(tx, ctx, {
      action: 'coordination.unit_member_set',
      entityType: 'coordination_unit',
      entityId: unitId,
      changes: { userId, role: { from: previous?.role ?? null, to: role } },
    });
  });
  return unitView(db, ctx.actor, unitId);
}

export async function removeMember(db: Db, ctx: Ctx, unitId: string, userId: string) {
  await db.transaction(async (tx) => {
    const unit = await getUnit(tx, unitId);
    authorizeVisible(ctx.actor, 'coordination.manageUnit', unit, 'Unit');
    const removed = await tx
      .delete(coordinationUnitMembers)
      .where(and(eq(coordinationUnitMembers.unitId, unitId), eq(coordinationUnitMembers.userId, userId)))
      .returning({ role: coordinationUnitMembers.role });
    if (removed.length === 0) throw notFound('Member');
    await recordAudit(tx, ctx, {
      action: 'coordination.unit_member_removed',
      entityType: 'coordination_unit',
      entityId: unitId,
      changes: { userId, role: removed[0]!.role },
    });
  });
  return unitView(db, ctx.actor, unitId);
}

/**
 * Active units that offer a service the type needs (any unit for types without one), ranked by points:
 * covering the province by name 2 (nationwide 1), speaking the language 2, so a Burmese-speaking unit in
 * Bangkok ties a Thai-only one in Ranong and both come before a unit with neither.
 */
export async function suggestUnits(db: Db, actor: Actor, query: z.infer<typeof SuggestionQuery>) {
  authorize(actor, 'coordination.read', undefined);
  const services = SERVICES_FOR_TYPE[query.type];
  const rows = await db
    .select()
    .from(coordinationUnits)
    .where(
      and(
        eq(coordinationUnits.active, true),
        services.length ? arrayOverlaps(coordinationUnits.services, [...services]) : undefined,
      ),
    );
  const ranked = rows
    .map((unit) => {
      const province = unit.coverage.includes(query.province);
      const nationwide = unit.coverage.includes('nationwide');
      const language = query.language ? unit.languages.includes(query.language) : false;
      const score = (province ? 2 : nationwide ? 1 : 0) + (language ? 2 : 0);
      return {
        unit,
        matches: { service: services.length > 0, province: province || nationwide, language },
        score,
      };
    })
    .sort((a, b) => b.score - a.score || a.unit.nameTh.localeCompare(b.unit.nameTh, 'th'))
    .slice(0, SUGGESTIONS_SHOWN);
  const orgs = await organisationsById(
    db,
    ranked.map((s) => s.unit.organisationId),
  );
  return {
    items: ranked.map(({ unit, matches, score }) => {
      const { members: _, ...view } = presentUnit(unit, orgs.get(unit.organisationId)!, null);
      return { unit: view, matches, score };
    }),
  };
}
