/** Rows of units, members and requests; no response shapes here. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  type CoordinationRequestRow,
  coordinationRequestEvents,
  coordinationRequests,
  coordinationUnitMembers,
  coordinationUnits,
  organisations,
  users,
} from '../../db/schema/index.ts';
import { notFound } from '../../platform/errors.ts';
import {
  type OrganisationSummaryRow,
  organisationSummaryColumns,
  userNameColumns,
} from '../../platform/projections.ts';

export async function getUnit(db: Db, id: string) {
  const [row] = await db.select().from(coordinationUnits).where(eq(coordinationUnits.id, id));
  if (!row) throw notFound('Unit');
  return row;
}

export async function membersOf(db: Db, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      unitId: coordinationUnitMembers.unitId,
      role: coordinationUnitMembers.role,
      user: userNameColumns,
    })
    .from(coordinationUnitMembers)
    .innerJoin(users, eq(users.id, coordinationUnitMembers.userId))
    .where(inArray(coordinationUnitMembers.unitId, [...unitIds]))
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function memberIdsOf(db: Db, unitId: string) {
  const rows = await db
    .select({ userId: coordinationUnitMembers.userId })
    .from(coordinationUnitMembers)
    .where(eq(coordinationUnitMembers.unitId, unitId));
  return rows.map((r) => r.userId);
}

export async function organisationsById(db: Db, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, OrganisationSummaryRow>();
  const rows = await db
    .select(organisationSummaryColumns)
    .from(organisations)
    .where(inArray(organisations.id, unique));
  return new Map(rows.map((o) => [o.id, o]));
}

export async function getRequest(db: Db, id: string, options: { lock?: boolean } = {}) {
  const query = db.select().from(coordinationRequests).where(eq(coordinationRequests.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Request');
  return row;
}

export const accessOf = (r: CoordinationRequestRow, receivingUnitMemberIds: readonly string[]) => ({
  state: r.state,
  requestingOrganisationId: r.requestingOrganisationId,
  receivingUnitMemberIds,
});

export async function eventsOf(db: Db, requestId: string) {
  return db
    .select({ event: coordinationRequestEvents, actor: userNameColumns })
    .from(coordinationRequestEvents)
    .leftJoin(users, eq(users.id, coordinationRequestEvents.actorUserId))
    .where(eq(coordinationRequestEvents.requestId, requestId))
    .orderBy(asc(coordinationRequestEvents.id));
}

export async function userNames(db: Db, ids: readonly (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map<string, { id: string; displayName: string }>();
  const rows = await db.select(userNameColumns).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((u) => [u.id, u]));
}

export async function unitsById(db: Db, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, typeof coordinationUnits.$inferSelect>();
  const rows = await db.select().from(coordinationUnits).where(inArray(coordinationUnits.id, unique));
  return new Map(rows.map((u) => [u.id, u]));
}

export const isMember = async (db: Db, unitId: string, userId: string) =>
  (
    await db
      .select({ userId: coordinationUnitMembers.userId })
      .from(coordinationUnitMembers)
      .where(and(eq(coordinationUnitMembers.unitId, unitId), eq(coordinationUnitMembers.userId, userId)))
  ).length > 0;
