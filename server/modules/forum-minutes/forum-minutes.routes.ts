/** Minutes, versions and comments of an event; action items; carry-over into the next agenda. */
import {
  ActionDetailView,
  ActionListQuery,
  ActionListView,
  ActionParams,
  ActionStatusBody,
  CarryOverView,
  EventParams,
  MinutesCommentBody,
  MinutesCommentView,
  MinutesMoveBody,
  MinutesVersionView,
  MinutesView,
  ReopenMinutesBody,
  SaveMinutesBody,
  VersionParams,
} from '../../../common/forum-minutes-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import * as actions from './actions.service.ts';
import * as carry from './carry-over.service.ts';
import * as minutes from './minutes.service.ts';

const tags = ['forum-minutes'];

export function forumMinutesRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });
  const base = '/api/v1/forums/events/:eventId';

  app.get(
    `${base}/minutes`,
    {
      schema: {
        operationId: 'forumMinutes.get',
        tags,
        summary:
          "An event's minutes: topics, decisions, action items, attendance from check-in, versions, comments",
        params: EventParams,
        response: { 200: MinutesView, ...errorResponses },
      },
    },
    async (req) => minutes.getMinutes(deps.db, actorOf(req), req.params.eventId, deps.clock.now()),
  );
  app.put(
    `${base}/minutes`,
    {
      schema: {
        operationId: 'forumMinutes.save',
        tags,
        summary: 'Save the draft or shared minutes (the Centre), with the revision they were read at',
        params: EventParams,
        body: SaveMinutesBody,
        response: { 200: MinutesView, ...errorResponses },
      },
    },
    async (req) => minutes.saveMinutes(deps, ctx(req), req.params.eventId, req.body),
  );
  for (const [move, summary] of [
    ['share', 'Share the draft with the attending organisations for comment'],
    ['finalise', 'Finalise the minutes: freeze them as the next version'],
  ] as const) {
    app.post(
      `${base}/minutes/${move}`,
      {
        schema: {
          operationId: `forumMinutes.${move}`,
          tags,
          summary,
          params: EventParams,
          body: MinutesMoveBody,
          response: { 200: MinutesView, ...errorResponses },
        },
      },
      async (req) => minutes.moveMinutes(deps, ctx(req), req.params.eventId, move, req.body),
    );
  }
  app.post(
    `${base}/minutes/reopen`,
    {
      schema: {
        operationId: 'forumMinutes.reopen',
        tags,
        summary: 'Reopen the latest final version as the draft of the next one',
        params: EventParams,
        body: ReopenMinutesBody,
        response: { 200: MinutesView, ...errorResponses },
      },
    },
    async (req) => minutes.moveMinutes(deps, ctx(req), req.params.eventId, 'reopen', req.body),
  );
  app.get(
    `${base}/minutes/versions/:version`,
    {
      schema: {
        operationId: 'forumMinutes.getVersion',
        tags,
        summary: 'One finalised version of the minutes, as it was frozen',
        params: VersionParams,
        response: { 200: MinutesVersionView, ...errorResponses },
      },
    },
    async (req) => minutes.getVersion(deps.db, actorOf(req), req.params.eventId, req.params.version),
  );
  app.post(
    `${base}/minutes/comments`,
    {
      schema: {
        operationId: 'forumMinutes.comment',
        tags,
        summary: 'Comment on shared minutes on behalf of an attending organisation',
        params: EventParams,
        body: MinutesCommentBody,
        response: { 201: MinutesCommentView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await minutes.addComment(deps, ctx(req), req.params.eventId, req.body.body)),
  );
  app.get(
    `${base}/agenda/carry-over`,
    {
      schema: {
        operationId: 'forumMinutes.carriedItems',
        tags,
        summary: "The items carried into an event's agenda, each open action with its status and history",
        params: EventParams,
        response: { 200: CarryOverView, ...errorResponses },
      },
    },
    async (req) => carry.carriedItems(deps.db, actorOf(req), req.params.eventId, deps.clock.now()),
  );
  app.post(
    `${base}/agenda/carry-over`,
    {
      schema: {
        operationId: 'forumMinutes.carryOver',
        tags,
        summary:
          'Add open action items, recurring topics and topics not discussed of earlier events to this agenda (idempotent)',
        params: EventParams,
        response: { 200: CarryOverView, ...errorResponses },
      },
    },
    async (req) => carry.carryOver(deps, ctx(req), req.params.eventId),
  );
  app.get(
    '/api/v1/forums/actions',
    {
      schema: {
        operationId: 'forumMinutes.listActions',
        tags,
        summary:
          "My organisation's forum action items across events (the Centre: every organisation's), overdue marked",
        querystring: ActionListQuery,
        response: { 200: ActionListView, ...errorResponses },
      },
    },
    async (req) => actions.listActions(deps.db, actorOf(req), req.query, deps.clock.now()),
  );
  app.get(
    '/api/v1/forums/actions/:actionId',
    {
      schema: {
        operationId: 'forumMinutes.getAction',
        tags,
        summary: 'One action item with its history and the moves the reader may make',
        params: ActionParams,
        response: { 200: ActionDetailView, ...errorResponses },
      },
    },
    async (req) => actions.getAction(deps.db, actorOf(req), req.params.actionId, deps.clock.now()),
  );
  app.post(
    '/api/v1/forums/actions/:actionId/status',
    {
      schema: {
        operationId: 'forumMinutes.moveAction',
        tags,
        summary: "Move an action item's status, with a note (its owner organisation; dropping: the Centre)",
        params: ActionParams,
        body: ActionStatusBody,
        response: { 200: ActionDetailView, ...errorResponses },
      },
    },
    async (req) => actions.moveAction(deps, ctx(req), req.params.actionId, req.body),
  );
}
