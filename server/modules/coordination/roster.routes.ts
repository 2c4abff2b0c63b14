/** Rosters, "who is on call", the acknowledge link and the Centre's escalation queue. */
import { ErrorBody } from '../../../common/api.ts';
import { CoordinationRequestDetail, UnitParams } from '../../../common/coordination-api.ts';
import {
  AcknowledgeLinkBody,
  CentreQueueView,
  OnCallQuery,
  OnCallView,
  RosterLayerBody,
  RosterLayerParams,
  RosterOverrideBody,
  RosterOverrideParams,
  RosterQuery,
  RosterView,
  UpdateRosterLayerBody,
} from '../../../common/coordination-roster-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import * as escalations from './escalation.service.ts';
import * as roster from './roster.service.ts';

const tags = ['coordination'];

export function rosterRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });
  const base = '/api/v1/coordination/units/:id';

  app.get(
    `${base}/roster`,
    {
      schema: {
        operationId: 'coordination.getRoster',
        tags,
        summary:
          "A unit's on-call roster with each layer's shifts and gaps over a week (its members, heads, the Centre)",
        params: UnitParams,
        querystring: RosterQuery,
        response: { 200: RosterView, ...errorResponses },
      },
    },
    async (req) => roster.rosterView(deps.db, actorOf(req), req.params.id, req.query, deps.clock.now()),
  );
  app.get(
    `${base}/on-call`,
    {
      schema: {
        operationId: 'coordination.onCall',
        tags,
        summary: 'Who is on call in a unit now or at a given time, per layer; a gap is shown as a gap',
        params: UnitParams,
        querystring: OnCallQuery,
        response: { 200: OnCallView, ...errorResponses },
      },
    },
    async (req) =>
      roster.onCallView(
        deps.db,
        actorOf(req),
        req.params.id,
        req.query.at ? new Date(req.query.at) : deps.clock.now(),
      ),
  );
  app.post(
    `${base}/roster/layers`,
    {
      schema: {
        operationId: 'coordination.createRosterLayer',
        tags,
        summary:
          'Add a roster layer: a daily or weekly rotation of unit members, optionally restricted to hours',
        params: UnitParams,
        body: RosterLayerBody,
        response: { 201: RosterView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await roster.createLayer(deps.db, ctx(req), req.params.id, req.body)),
  );
  app.patch(
    `${base}/roster/layers/:layerId`,
    {
      schema: {
        operationId: 'coordination.updateRosterLayer',
        tags,
        summary: "Change a roster layer's members, rotation, handover time or restriction",
        params: RosterLayerParams,
        body: UpdateRosterLayerBody,
        response: { 200: RosterView, ...errorResponses },
      },
    },
    async (req) => roster.updateLayer(deps.db, ctx(req), req.params.id, req.params.layerId, req.body),
  );
  app.delete(
    `${base}/roster/layers/:layerId`,
    {
      schema: {
        operationId: 'coordination.deleteRosterLayer',
        tags,
        summary: 'Remove a roster layer and its overrides',
        params: RosterLayerParams,
        response: { 200: RosterView, ...errorResponses },
      },
    },
    async (req) => roster.deleteLayer(deps.db, ctx(req), req.params.id, req.params.layerId),
  );
  app.post(
    `${base}/roster/overrides`,
    {
      schema: {
        operationId: 'coordination.createRosterOverride',
        tags,
        summary: 'A unit member covers a layer from one time to another (swap a night)',
        params: UnitParams,
        body: RosterOverrideBody,
        response: { 201: RosterView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await roster.createOverride(deps.db, ctx(req), req.params.id, req.body)),
  );
  app.delete(
    `${base}/roster/overrides/:overrideId`,
    {
      schema: {
        operationId: 'coordination.deleteRosterOverride',
        tags,
        summary: 'Remove an override',
        params: RosterOverrideParams,
        response: { 200: RosterView, ...errorResponses },
      },
    },
    async (req) => roster.deleteOverride(deps.db, ctx(req), req.params.id, req.params.overrideId),
  );
  app.post(
    '/api/v1/coordination/acknowledge-link',
    {
      schema: {
        operationId: 'coordination.acknowledgeByLink',
        tags,
        summary: "Acknowledge the request an escalation email's link names, as the person it was sent to",
        body: AcknowledgeLinkBody,
        response: { 200: CoordinationRequestDetail, ...errorResponses, 410: ErrorBody },
      },
    },
    async (req) =>
      escalations.acknowledgeByLink(deps.db, ctx(req), deps.config.sessionSecret, req.body.token),
  );
  app.get(
    '/api/v1/coordination/escalations/centre',
    {
      schema: {
        operationId: 'coordination.centreQueue',
        tags,
        summary: 'Requests escalated to the Centre that nobody has acknowledged yet (the Centre only)',
        response: { 200: CentreQueueView, ...errorResponses },
      },
    },
    async (req) => escalations.centreQueue(deps.db, actorOf(req)),
  );
}
