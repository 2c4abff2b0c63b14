import type { OutgoingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { ErrorBody } from '../../../common/api.ts';
import {
  CoordinationRequestDetail,
  CoordinationRequestPage,
  CreateCoordinationRequestBody,
  CreateUnitBody,
  RequestListQuery,
  RequestParams,
  SuggestionList,
  SuggestionQuery,
  TransitionCoordinationBody,
  UnitList,
  UnitListQuery,
  UnitMemberBody,
  UnitMemberParams,
  UnitParams,
  UnitView,
  UpdateUnitBody,
} from '../../../common/coordination-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import type { CoordinationLive } from './live.ts';
import * as requests from './requests.service.ts';
import * as units from './units.service.ts';

const tags = ['coordination'];
const RETRY_MS = 5_000;
const PING_MS = 25_000;
/** A stream ends after this long and the browser reconnects, so access is checked again (e.g. after a forward). */
const STREAM_MAX_MS = 5 * 60_000;

export function coordinationRoutes(app: App, deps: Deps, live: CoordinationLive) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });

  app.get(
    '/api/v1/coordination/units',
    {
      schema: {
        operationId: 'coordination.listUnits',
        tags,
        summary: "Agency units (inboxes), optionally one organisation's; members shown to their organisation",
        querystring: UnitListQuery,
        response: { 200: UnitList, ...errorResponses },
      },
    },
    async (req) => units.listUnits(deps.db, actorOf(req), req.query.organisationId),
  );
  app.get(
    '/api/v1/coordination/units/:id',
    {
      schema: {
        operationId: 'coordination.getUnit',
        tags,
        summary: 'One unit: services, provinces covered, languages; members shown to its organisation',
        params: UnitParams,
        response: { 200: UnitView, ...errorResponses },
      },
    },
    async (req) => units.getUnitView(deps.db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/v1/coordination/units',
    {
      schema: {
        operationId: 'coordination.createUnit',
        tags,
        summary: 'Create a unit with its services, provinces covered and languages (org admin or the Centre)',
        body: CreateUnitBody,
        response: { 201: UnitView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await units.createUnit(deps.db, ctx(req), req.body)),
  );
  app.patch(
    '/api/v1/coordination/units/:id',
    {
      schema: {
        operationId: 'coordination.updateUnit',
        tags,
        summary: "Edit a unit's names, services, coverage or languages, or close it (active: false)",
        params: UnitParams,
        body: UpdateUnitBody,
        response: { 200: UnitView, ...errorResponses },
      },
    },
    async (req) => units.updateUnit(deps.db, ctx(req), req.params.id, req.body),
  );
  app.put(
    '/api/v1/coordination/units/:id/members/:userId',
    {
      schema: {
        operationId: 'coordination.setUnitMember',
        tags,
        summary: "Add a user of the unit's organisation to the unit, or change their role (member, head)",
        params: UnitMemberParams,
        body: UnitMemberBody,
        response: { 200: UnitView, ...errorResponses },
      },
    },
    async (req) => units.setMember(deps.db, ctx(req), req.params.id, req.params.userId, req.body.role),
  );
  app.delete(
    '/api/v1/coordination/units/:id/members/:userId',
    {
      schema: {
        operationId: 'coordination.removeUnitMember',
        tags,
        summary: 'Remove a member from a unit',
        params: UnitMemberParams,
        response: { 200: UnitView, ...errorResponses },
      },
    },
    async (req) => units.removeMember(deps.db, ctx(req), req.params.id, req.params.userId),
  );
  app.get(
    '/api/v1/coordination/units/:id/inbox',
    {
      schema: {
        operationId: 'coordination.listInbox',
        tags,
        summary: "The requests in a unit's inbox, newest first (its members and the Centre)",
        params: UnitParams,
        querystring: RequestListQuery,
        response: { 200: CoordinationRequestPage, ...errorResponses },
      },
    },
    async (req) => requests.listInbox(deps.db, actorOf(req), req.params.id, req.query, deps.clock.now()),
  );
  app.get(
    '/api/v1/coordination/suggestions',
    {
      schema: {
        operationId: 'coordination.suggestUnits',
        tags,
        summary: 'Units that fit a request type, ranked by province covered and language spoken',
        querystring: SuggestionQuery,
        response: { 200: SuggestionList, ...errorResponses },
      },
    },
    async (req) => units.suggestUnits(deps.db, actorOf(req), req.query),
  );
  app.post(
    '/api/v1/coordination/requests',
    {
      schema: {
        operationId: 'coordination.createRequest',
        tags,
        summary: 'Ask a unit for help; free text is checked for ID, passport and phone numbers (422)',
        body: CreateCoordinationRequestBody,
        response: { 201: CoordinationRequestDetail, ...errorResponses, 422: ErrorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await requests.createRequest(deps.db, ctx(req), req.body)),
  );
  app.get(
    '/api/v1/coordination/requests',
    {
      schema: {
        operationId: 'coordination.listOutgoing',
        tags,
        summary: "The requests one's organisation sent, newest first",
        querystring: RequestListQuery,
        response: { 200: CoordinationRequestPage, ...errorResponses },
      },
    },
    async (req) => requests.listOutgoing(deps.db, actorOf(req), req.query, deps.clock.now()),
  );
  app.get(
    '/api/v1/coordination/requests/:id',
    {
      schema: {
        operationId: 'coordination.getRequest',
        tags,
        summary: 'One request with its timeline (requesting organisation, receiving unit, the Centre)',
        params: RequestParams,
        response: { 200: CoordinationRequestDetail, ...errorResponses },
      },
    },
    async (req) => requests.getRequestDetail(deps.db, actorOf(req), req.params.id, deps.clock.now()),
  );
  app.post(
    '/api/v1/coordination/requests/:id/transitions',
    {
      schema: {
        operationId: 'coordination.transitionRequest',
        tags,
        summary: 'Move a request: acknowledge, accept, decline, forward, hold, resume, close or cancel',
        params: RequestParams,
        body: TransitionCoordinationBody,
        response: { 200: CoordinationRequestDetail, ...errorResponses },
      },
    },
    async (req) => requests.transitionRequest(deps.db, ctx(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/coordination/requests/:id/stream',
    {
      config: { backgroundRead: true },
      schema: {
        operationId: 'coordination.followRequest',
        tags,
        summary: 'Live changes of one request (Server-Sent Events)',
        description:
          'A text/event-stream for whoever may read the request. `event: ready` on connecting, then ' +
          '`event: changed` with `{"id"}` whenever the request changes (on any instance): refetch it. A ' +
          '`: ping` comment every 25 s; the stream ends after 5 minutes and EventSource reconnects.',
        params: RequestParams,
        response: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const id = req.params.id;
      await requests.assertCanFollow(deps.db, actorOf(req), id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-accel-buffering': 'no',
      });
      const write = (frame: string) => {
        if (!res.writableEnded && !res.destroyed) res.write(frame);
      };
      const end = () => {
        if (!res.writableEnded) res.end();
      };
      const remove = live.add({
        requestId: id,
        changed: () => write(`event: changed\ndata: ${JSON.stringify({ id })}\n\n`),
        end,
      });
      const ping = setInterval(() => write(': ping\n\n'), PING_MS);
      const expire = setTimeout(end, STREAM_MAX_MS);
      ping.unref();
      expire.unref();
      res.on('close', () => {
        clearInterval(ping);
        clearTimeout(expire);
        remove();
      });
      write(`retry: ${RETRY_MS}\n\n`);
      write(`event: ready\ndata: ${JSON.stringify({ id })}\n\n`);
    },
  );
}
