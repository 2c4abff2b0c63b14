/**
 * "Who is on call now / at T" for a unit: the one function the roster page, the unit's header and the
 * escalation engine use. It loads the roster rows and the unit's members and asks the pure resolution in
 * common/on-call.ts, so a member who left the unit is a gap everywhere, never a silent notice to nobody.
 */
import { and, asc, eq, gt, inArray, lte } from 'drizzle-orm';
import { type LayerOnCall, onCallAt, type Roster } from '../../../common/on-call.ts';
import type { Db } from '../../db/client.ts';
import {
  type CoordinationRosterLayerRow,
  coordinationRosterLayers,
  coordinationRosterOverrides,
  coordinationUnitMembers,
} from '../../db/schema/index.ts';

export type UnitRoster = Roster & {
  layerRows: CoordinationRosterLayerRow[];
  members: { userId: string; role: 'member' | 'head' }[];
  memberIds: Set<string>;
};

/** The units' rosters with the overrides covering [from, to) (default: the instant `from`). */
export async function loadRosters(
  db: Db,
  unitIds: readonly string[],
  from: Date,
  to: Date = new Date(from.getTime() + 1),
): Promise<Map<string, UnitRoster>> {
  const ids = [...new Set(unitIds)];
  const result = new Map<string, UnitRoster>();
  if (ids.length === 0) return result;
  const [layers, overrides, members] = await Promise.all([
    db
      .select()
      .from(coordinationRosterLayers)
      .where(inArray(coordinationRosterLayers.unitId, ids))
      .orderBy(asc(coordinationRosterLayers.position), asc(coordinationRosterLayers.createdAt)),
    db
      .select()
      .from(coordinationRosterOverrides)
      .where(
        and(
          inArray(coordinationRosterOverrides.unitId, ids),
          gt(coordinationRosterOverrides.endsAt, from),
          lte(coordinationRosterOverrides.startsAt, to),
        ),
      ),
    db
      .select({
        unitId: coordinationUnitMembers.unitId,
        userId: coordinationUnitMembers.userId,
        role: coordinationUnitMembers.role,
      })
      .from(coordinationUnitMembers)
      .where(inArray(coordinationUnitMembers.unitId, ids)),
  ]);
  for (const id of ids) {
    const unitMembers = members.filter((m) => m.unitId === id);
    const layerRows = layers.filter((l) => l.unitId === id);
    result.set(id, {
      layerRows,
      layers: layerRows.map((l) => ({
        id: l.id,
        level: l.level,
        name: l.name,
        rotation: l.rotation,
        handoverTime: l.handoverTime,
        startsOn: l.startsOn,
        memberIds: l.memberIds,
        restriction: l.restriction,
      })),
      overrides: overrides.filter((o) => o.unitId === id),
      members: unitMembers,
      memberIds: new Set(unitMembers.map((m) => m.userId)),
    });
  }
  return result;
}

/** Per layer, who is on call in the unit at `at`, or the gap. */
export async function onCall(db: Db, unitId: string, at: Date): Promise<LayerOnCall[]> {
  const roster = (await loadRosters(db, [unitId], at)).get(unitId)!;
  return onCallAt(roster, at, roster.memberIds);
}

/** The heads of a unit (the escalation's `head` step). */
export async function headsOf(db: Db, unitId: string) {
  const rows = await db
    .select({ userId: coordinationUnitMembers.userId })
    .from(coordinationUnitMembers)
    .where(and(eq(coordinationUnitMembers.unitId, unitId), eq(coordinationUnitMembers.role, 'head')));
  return rows.map((r) => r.userId);
}
