/** Roster, on-call, acknowledge-link and Centre-queue routes in the authorisation matrix (route-matrix.ts spreads them). */
import { randomUUID } from 'node:crypto';
import { HOUR_MS } from '../../../common/time.ts';
import { coordinationRosterLayers, coordinationRosterOverrides } from '../../db/schema/index.ts';
import { buildCoordinationRequest, buildUnit } from '../../test/coordination-factories.ts';
import {
  adminOnly,
  contributes,
  orgOf,
  type RouteCase,
  type Scope,
  type Who,
  type World,
} from '../../test/route-matrix-kit.ts';
import { acknowledgeToken } from './escalation.ts';

/** Own: a unit of the actor's organisation with the matrix `member` in it. Other: the bystander's unit. */
async function rosteredUnit(w: World, scope: Scope) {
  const memberId = scope === 'own' ? w.people.member.user.id : w.bystander.id;
  const unit = await buildUnit(w.t.db, { organisationId: orgOf(w, scope).id, memberIds: [memberId] });
  const now = w.t.clock.now();
  const layerId = randomUUID();
  await w.t.db.insert(coordinationRosterLayers).values({
    id: layerId,
    unitId: unit.id,
    position: 0,
    level: 'primary',
    name: 'เวรหลัก',
    rotation: 'daily',
    handoverTime: '08:30',
    startsOn: '2026-11-01',
    memberIds: [memberId],
    createdAt: now,
    updatedAt: now,
  });
  return { unit, layerId, memberId };
}

/** Members read; outsiders (observers included) get 404, so a unit's roster does not leak. */
const reads = (who: Who, scope: Scope) =>
  who === 'anonymous'
    ? 401
    : who === 'admin' || (scope === 'own' && (who === 'member' || who === 'org_admin'))
      ? 200
      : 404;
/** Heads, the unit's org admins and the Centre edit; a member who may read gets 403. */
const edits = (status: number) => (who: Who, scope: Scope) =>
  who === 'anonymous'
    ? 401
    : who === 'admin' || (scope === 'own' && who === 'org_admin')
      ? status
      : scope === 'own' && who === 'member'
        ? 403
        : 404;

const LAYER = {
  level: 'backup',
  name: 'เวรสำรองกลางคืน',
  rotation: 'weekly',
  handoverTime: '18:00',
  startsOn: '2026-11-30',
  restriction: { weekdays: [1, 2, 3, 4, 5, 6, 7], from: '18:00', to: '08:30' },
};

export const ROSTER_ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/coordination/units/:id/roster',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/coordination/units/${(await rosteredUnit(w, scope)).unit.id}/roster?days=7`,
    }),
    expected: reads,
  },
  {
    route: 'GET /api/v1/coordination/units/:id/on-call',
    scoped: true,
    sample: async ({ w, scope }) => ({
      url: `/api/v1/coordination/units/${(await rosteredUnit(w, scope)).unit.id}/on-call`,
    }),
    expected: reads,
  },
  {
    route: 'POST /api/v1/coordination/units/:id/roster/layers',
    scoped: true,
    sample: async ({ w, scope }) => {
      const { unit, memberId } = await rosteredUnit(w, scope);
      return {
        url: `/api/v1/coordination/units/${unit.id}/roster/layers`,
        body: { ...LAYER, memberIds: [memberId] },
      };
    },
    expected: edits(201),
  },
  {
    route: 'PATCH /api/v1/coordination/units/:id/roster/layers/:layerId',
    scoped: true,
    sample: async ({ w, scope }) => {
      const { unit, layerId } = await rosteredUnit(w, scope);
      return {
        url: `/api/v1/coordination/units/${unit.id}/roster/layers/${layerId}`,
        body: { handoverTime: '09:00' },
      };
    },
    expected: edits(200),
  },
  {
    route: 'DELETE /api/v1/coordination/units/:id/roster/layers/:layerId',
    scoped: true,
    sample: async ({ w, scope }) => {
      const { unit, layerId } = await rosteredUnit(w, scope);
      return { url: `/api/v1/coordination/units/${unit.id}/roster/layers/${layerId}` };
    },
    expected: edits(200),
  },
  {
    route: 'POST /api/v1/coordination/units/:id/roster/overrides',
    scoped: true,
    sample: async ({ w, scope }) => {
      const { unit, layerId, memberId } = await rosteredUnit(w, scope);
      const now = w.t.clock.now().getTime();
      return {
        url: `/api/v1/coordination/units/${unit.id}/roster/overrides`,
        body: {
          layerId,
          userId: memberId,
          startsAt: new Date(now + HOUR_MS).toISOString(),
          endsAt: new Date(now + 13 * HOUR_MS).toISOString(),
        },
      };
    },
    expected: edits(201),
  },
  {
    route: 'DELETE /api/v1/coordination/units/:id/roster/overrides/:overrideId',
    scoped: true,
    sample: async ({ w, scope }) => {
      const { unit, layerId, memberId } = await rosteredUnit(w, scope);
      const now = w.t.clock.now();
      const id = randomUUID();
      await w.t.db.insert(coordinationRosterOverrides).values({
        id,
        unitId: unit.id,
        layerId,
        userId: memberId,
        startsAt: now,
        endsAt: new Date(now.getTime() + 12 * HOUR_MS),
        createdAt: now,
      });
      return { url: `/api/v1/coordination/units/${unit.id}/roster/overrides/${id}` };
    },
    expected: edits(200),
  },
  {
    route: 'POST /api/v1/coordination/acknowledge-link',
    // The link names the caller, a member of the unit the request is in; observers only read.
    sample: async ({ w, person }) => {
      const userId = person?.user.id ?? w.bystander.id;
      const unit = await buildUnit(w.t.db, { organisationId: w.otherOrg.id, memberIds: [userId] });
      const request = await buildCoordinationRequest(w.t.db, {
        requesterUserId: w.bystander.id,
        requestingOrganisationId: w.otherOrg.id,
        receivingUnitId: unit.id,
        createdAt: w.t.clock.now(),
      });
      const token = acknowledgeToken(w.t.deps.config.sessionSecret, request.id, userId, w.t.clock.now());
      return { url: '/api/v1/coordination/acknowledge-link', body: { token } };
    },
    expected: contributes(200),
  },
  {
    route: 'GET /api/v1/coordination/escalations/centre',
    sample: async () => ({ url: '/api/v1/coordination/escalations/centre' }),
    expected: adminOnly(200),
  },
];
