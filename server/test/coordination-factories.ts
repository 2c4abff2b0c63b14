/** Coordination factories shared by the tests and the route matrix; each creates the parents it misses. */
import { randomUUID } from 'node:crypto';
import type { UnitRole } from '../../common/coordination-states.ts';
import { SLA_POLICY_VERSION } from '../../common/coordination-states.ts';
import type { Db } from '../db/client.ts';
import {
  type CoordinationRequestRow,
  type CoordinationUnitRow,
  coordinationRequestEvents,
  coordinationRequests,
  coordinationUnitMembers,
  coordinationUnits,
} from '../db/schema/index.ts';
import { buildOrganisation, buildUser } from '../demo/factories.ts';

let sequence = 0;

/** A unit straight in the table, with members (role `member` unless named in `heads`). */
export async function buildUnit(
  db: Db,
  overrides: Partial<CoordinationUnitRow> & { memberIds?: string[]; heads?: string[] } = {},
): Promise<CoordinationUnitRow> {
  const n = ++sequence;
  const { memberIds = [], heads = [], ...rest } = overrides;
  const organisationId = rest.organisationId ?? (await buildOrganisation(db)).id;
  const now = rest.createdAt ?? new Date();
  const [unit] = await db
    .insert(coordinationUnits)
    .values({
      id: randomUUID(),
      nameTh: `หน่วยทดสอบ ${n}`,
      nameEn: `Test Unit ${n}`,
      services: ['interpretation'],
      coverage: ['TH-85'],
      languages: ['th', 'my'],
      createdAt: now,
      updatedAt: now,
      ...rest,
      organisationId,
    })
    .returning();
  for (const userId of [...memberIds, ...heads]) {
    const role: UnitRole = heads.includes(userId) ? 'head' : 'member';
    await db.insert(coordinationUnitMembers).values({ unitId: unit!.id, userId, role, createdAt: now });
  }
  return unit!;
}

/** A request straight in the table, with its `created` event (no audit): for tests that need a given state. */
export async function buildCoordinationRequest(
  db: Db,
  overrides: Partial<CoordinationRequestRow> = {},
): Promise<CoordinationRequestRow> {
  let { requesterUserId, requestingOrganisationId, receivingUnitId } = overrides;
  if (!requesterUserId) {
    const requester = await buildUser(
      db,
      requestingOrganisationId ? { organisationId: requestingOrganisationId } : {},
    );
    requesterUserId = requester.id;
    requestingOrganisationId = requester.organisationId;
  }
  receivingUnitId ??= (await buildUnit(db)).id;
  const now = overrides.createdAt ?? new Date();
  const [row] = await db
    .insert(coordinationRequests)
    .values({
      id: randomUUID(),
      type: 'interpreter',
      urgency: 'high',
      slaPolicyVersion: SLA_POLICY_VERSION,
      province: 'TH-85',
      language: 'my',
      peopleCount: 3,
      ageBands: ['18_59'],
      sexes: ['male'],
      nationalities: ['myanmar'],
      needs: 'ล่ามภาษาเมียนมาสำหรับสัมภาษณ์คัดแยกลูกเรือประมง',
      createdAt: now,
      updatedAt: now,
      ...overrides,
      requesterUserId,
      requestingOrganisationId: requestingOrganisationId!,
      receivingUnitId,
    })
    .returning();
  await db.insert(coordinationRequestEvents).values({
    requestId: row!.id,
    at: now,
    kind: 'created',
    actorUserId: requesterUserId,
    actorOrganisationId: requestingOrganisationId!,
    unitId: receivingUnitId,
    data: { type: row!.type, urgency: row!.urgency, unitId: receivingUnitId },
  });
  return row!;
}
