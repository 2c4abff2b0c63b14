import {
  AttendanceView,
  CheckinBody,
  CheckinResultView,
  CreatePollBody,
  ForumEventParams,
  ForumPollParams,
  PollListView,
  PollView,
  VoteBody,
  WalkInBody,
  WalkInCandidatesView,
  WalkInSearchQuery,
} from '../../../common/forum-checkin-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, errorResponses, requestContext } from '../../platform/http.ts';
import * as checkins from './checkin.service.ts';
import * as polls from './polls.service.ts';

const tags = ['forum-checkin'];
const EVENT = '/api/v1/forums/events/:eventId';
const POLL = '/api/v1/forums/polls/:pollId';

export function forumCheckinRoutes(app: App, deps: Deps) {
  app.post(
    `${EVENT}/checkins`,
    {
      schema: {
        operationId: 'forumCheckin.scan',
        tags,
        summary:
          'Check a QR ticket in: 201 checked in, 200 the same scan again or a ticket already checked in (duplicate)',
        params: ForumEventParams,
        body: CheckinBody,
        response: {
          200: CheckinResultView,
          201: CheckinResultView,
          422: errorResponses[409],
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const { status, view } = await checkins.checkIn(
        deps,
        requestContext(deps, req),
        req.params.eventId,
        req.body,
      );
      return reply.status(status).send(view);
    },
  );
  app.post(
    `${EVENT}/walk-ins`,
    {
      schema: {
        operationId: 'forumCheckin.walkIn',
        tags,
        summary: 'Admit a walk-in (a member or a guest): a confirmed place and its check-in at once',
        params: ForumEventParams,
        body: WalkInBody,
        response: { 200: CheckinResultView, 201: CheckinResultView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { status, view } = await checkins.walkIn(
        deps,
        requestContext(deps, req),
        req.params.eventId,
        req.body,
      );
      return reply.status(status).send(view);
    },
  );
  app.get(
    `${EVENT}/walk-ins/people`,
    {
      schema: {
        operationId: 'forumCheckin.searchPeople',
        tags,
        summary: 'Network members by name, for a walk-in, with their registration for this event',
        params: ForumEventParams,
        querystring: WalkInSearchQuery,
        response: { 200: WalkInCandidatesView, ...errorResponses },
      },
    },
    async (req) => checkins.searchWalkIns(deps, requestContext(deps, req), req.params.eventId, req.query.q),
  );
  app.get(
    `${EVENT}/attendance`,
    {
      schema: {
        operationId: 'forumCheckin.attendance',
        tags,
        summary: 'Live attendance: checked in against registered, by sector and by organisation',
        params: ForumEventParams,
        response: { 200: AttendanceView, ...errorResponses },
      },
    },
    async (req) => checkins.attendance(deps, requestContext(deps, req), req.params.eventId),
  );
  app.get(
    `${EVENT}/polls`,
    {
      schema: {
        operationId: 'forumCheckin.listPolls',
        tags,
        summary: "An event's polls; counts only for closed ones",
        params: ForumEventParams,
        response: { 200: PollListView, ...errorResponses },
      },
    },
    async (req) => polls.listPolls(deps, requestContext(deps, req), req.params.eventId),
  );
  app.post(
    `${EVENT}/polls`,
    {
      schema: {
        operationId: 'forumCheckin.createPoll',
        tags,
        summary: 'Write a poll (the chair): single or multiple choice, in Thai and English',
        params: ForumEventParams,
        body: CreatePollBody,
        response: { 201: PollView, 422: errorResponses[409], ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await polls.createPoll(deps, requestContext(deps, req), req.params.eventId, req.body)),
  );
  for (const move of ['open', 'close'] as const) {
    app.post(
      `${POLL}/${move}`,
      {
        schema: {
          operationId: move === 'open' ? 'forumCheckin.openPoll' : 'forumCheckin.closePoll',
          tags,
          summary: move === 'open' ? 'Open a draft poll for votes' : 'Close an open poll and show its counts',
          params: ForumPollParams,
          response: { 200: PollView, ...errorResponses },
        },
      },
      async (req) => polls.movePoll(deps, requestContext(deps, req), req.params.pollId, move),
    );
  }
  app.post(
    `${POLL}/votes`,
    {
      schema: {
        operationId: 'forumCheckin.vote',
        tags,
        summary: 'Vote (or change one’s vote) while the poll is open; one vote per registration',
        params: ForumPollParams,
        body: VoteBody,
        response: { 200: PollView, 422: errorResponses[409], ...errorResponses },
      },
    },
    async (req) => polls.vote(deps, requestContext(deps, req), req.params.pollId, req.body),
  );
}
