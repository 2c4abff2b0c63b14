import { z } from 'zod';
import {
  AgendaItemBody,
  AgendaItemParams,
  CreatedForumFeedView,
  CreateEventBody,
  CreateForumInvitationBody,
  EventListPage,
  EventListQuery,
  EventParams,
  EventVersionBody,
  EventView,
  FeedParams,
  FeedTokenParams,
  ForumFeedList,
  ForumInvitationList,
  InvitationParams,
  RegisterBody,
  RegistrantListQuery,
  RegistrantPage,
  RegistrationParams,
  UpdateAgendaItemBody,
  UpdateEventBody,
} from '../../../common/forums-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import * as agenda from './agenda.service.ts';
import * as events from './events.service.ts';
import * as feeds from './feed.service.ts';
import * as invitations from './invitations.service.ts';
import { listRegistrants } from './registrants.ts';
import * as registration from './registration.service.ts';

const tags = ['forums'];
const ok = { 200: EventView, ...errorResponses };
const created = { 201: EventView, ...errorResponses };

export function forumRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });
  const view = (req: Parameters<typeof actorOf>[0], eventId: string) =>
    events.getEventView(deps.db, actorOf(req), deps.clock.now(), eventId);

  app.get(
    '/api/v1/forums/events',
    {
      schema: {
        operationId: 'forums.list',
        tags,
        summary:
          "Let's Talk TIP events: upcoming (soonest first) or past (latest first), with my registration state",
        querystring: EventListQuery,
        response: { 200: EventListPage, ...errorResponses },
      },
    },
    async (req) => events.listEvents(deps.db, actorOf(req), deps.clock.now(), req.query),
  );
  app.post(
    '/api/v1/forums/events',
    {
      schema: {
        operationId: 'forums.create',
        tags,
        summary: 'Convene an event (the Centre): a draft until published',
        body: CreateEventBody,
        response: created,
      },
    },
    async (req, reply) => {
      const id = await events.createEvent(deps, ctx(req), req.body);
      return reply.code(201).send(await view(req, id));
    },
  );
  app.get(
    '/api/v1/forums/events/:eventId',
    {
      schema: {
        operationId: 'forums.get',
        tags,
        summary:
          'One event with its agenda and my registration (ticket, waitlist position); the online link only to confirmed registrants from 10 minutes before the start',
        params: EventParams,
        response: ok,
      },
    },
    async (req) => view(req, req.params.eventId),
  );
  app.patch(
    '/api/v1/forums/events/:eventId',
    {
      schema: {
        operationId: 'forums.update',
        tags,
        summary:
          'Edit an event (the Centre) with the version read (409 when stale); a change of time or place sends every active registrant an updated .ics',
        params: EventParams,
        body: UpdateEventBody,
        response: ok,
      },
    },
    async (req) => {
      await events.updateEvent(deps, ctx(req), req.params.eventId, req.body);
      return view(req, req.params.eventId);
    },
  );
  app.post(
    '/api/v1/forums/events/:eventId/publish',
    {
      schema: {
        operationId: 'forums.publish',
        tags,
        summary: 'Publish a draft (the Centre): it opens for registration and invitees are emailed',
        params: EventParams,
        body: EventVersionBody,
        response: ok,
      },
    },
    async (req) => {
      await events.publishEvent(deps, ctx(req), req.params.eventId, req.body.version);
      return view(req, req.params.eventId);
    },
  );
  app.post(
    '/api/v1/forums/events/:eventId/cancel',
    {
      schema: {
        operationId: 'forums.cancel',
        tags,
        summary: 'Cancel an event (the Centre): registrations end and registrants get a METHOD:CANCEL .ics',
        params: EventParams,
        body: EventVersionBody,
        response: ok,
      },
    },
    async (req) => {
      await events.cancelEvent(deps, ctx(req), req.params.eventId, req.body.version);
      return view(req, req.params.eventId);
    },
  );
  app.post(
    '/api/v1/forums/events/:eventId/agenda',
    {
      schema: {
        operationId: 'forums.addAgendaItem',
        tags,
        summary:
          'Add an agenda item or sub-item (the Centre), with its presenting organisation and linked problems',
        params: EventParams,
        body: AgendaItemBody,
        response: created,
      },
    },
    async (req, reply) => {
      await agenda.addAgendaItem(deps.db, ctx(req), req.params.eventId, req.body);
      return reply.code(201).send(await view(req, req.params.eventId));
    },
  );
  app.patch(
    '/api/v1/forums/events/:eventId/agenda/:itemId',
    {
      schema: {
        operationId: 'forums.updateAgendaItem',
        tags,
        summary: 'Edit an agenda item (the Centre); problemIds, when given, replace its linked problems',
        params: AgendaItemParams,
        body: UpdateAgendaItemBody,
        response: ok,
      },
    },
    async (req) => {
      await agenda.updateAgendaItem(deps.db, ctx(req), req.params.eventId, req.params.itemId, req.body);
      return view(req, req.params.eventId);
    },
  );
  app.delete(
    '/api/v1/forums/events/:eventId/agenda/:itemId',
    {
      schema: {
        operationId: 'forums.deleteAgendaItem',
        tags,
        summary: 'Remove an agenda item and its sub-items (the Centre)',
        params: AgendaItemParams,
        response: ok,
      },
    },
    async (req) => {
      await agenda.deleteAgendaItem(deps.db, ctx(req), req.params.eventId, req.params.itemId);
      return view(req, req.params.eventId);
    },
  );
  app.get(
    '/api/v1/forums/events/:eventId/invitations',
    {
      schema: {
        operationId: 'forums.listInvitations',
        tags,
        summary:
          "An event's invitations by sector, organisation or person, with how many accounts each reaches",
        params: EventParams,
        response: { 200: ForumInvitationList, ...errorResponses },
      },
    },
    async (req) => invitations.listInvitations(deps.db, actorOf(req), req.params.eventId),
  );
  app.post(
    '/api/v1/forums/events/:eventId/invitations',
    {
      schema: {
        operationId: 'forums.invite',
        tags,
        summary: 'Invite a sector, an organisation or a person (the Centre); invitees skip moderation',
        params: EventParams,
        body: CreateForumInvitationBody,
        response: { 201: ForumInvitationList, ...errorResponses },
      },
    },
    async (req, reply) => {
      await invitations.createInvitation(deps, ctx(req), req.params.eventId, req.body);
      return reply
        .code(201)
        .send(await invitations.listInvitations(deps.db, actorOf(req), req.params.eventId));
    },
  );
  app.delete(
    '/api/v1/forums/events/:eventId/invitations/:invitationId',
    {
      schema: {
        operationId: 'forums.deleteInvitation',
        tags,
        summary: 'Withdraw an invitation (the Centre); registrations already made stay',
        params: InvitationParams,
        response: { 200: ForumInvitationList, ...errorResponses },
      },
    },
    async (req) => {
      await invitations.deleteInvitation(deps.db, ctx(req), req.params.eventId, req.params.invitationId);
      return invitations.listInvitations(deps.db, actorOf(req), req.params.eventId);
    },
  );
  app.post(
    '/api/v1/forums/events/:eventId/registration',
    {
      schema: {
        operationId: 'forums.register',
        tags,
        summary:
          'Register myself, accepting the privacy notice: confirmed, waitlisted (full or my organisation at its cap) or pending (moderated). 200 with the existing registration when already registered',
        params: EventParams,
        body: RegisterBody,
        response: { 200: EventView, ...created },
      },
    },
    async (req, reply) => {
      const result = await registration.register(deps, ctx(req), req.params.eventId, req.body);
      return reply.code(result.created ? 201 : 200).send(await view(req, req.params.eventId));
    },
  );
  app.post(
    '/api/v1/forums/events/:eventId/registration/withdraw',
    {
      schema: {
        operationId: 'forums.withdraw',
        tags,
        summary: 'Withdraw my registration (409 once the event has started); the place goes to the waitlist',
        params: EventParams,
        response: ok,
      },
    },
    async (req) => {
      await registration.withdraw(deps, ctx(req), req.params.eventId);
      return view(req, req.params.eventId);
    },
  );
  app.post(
    '/api/v1/forums/events/:eventId/registration/confirm',
    {
      schema: {
        operationId: 'forums.confirmPromotion',
        tags,
        summary: 'Confirm the place offered to me from the waitlist, before its confirm-by time',
        params: EventParams,
        response: ok,
      },
    },
    async (req) => {
      await registration.confirmPromotion(deps, ctx(req), req.params.eventId);
      return view(req, req.params.eventId);
    },
  );
  app.get(
    '/api/v1/forums/events/:eventId/registrations',
    {
      schema: {
        operationId: 'forums.listRegistrants',
        tags,
        summary: "The event's registrants in queue order, with the contact details they gave (the Centre)",
        params: EventParams,
        querystring: RegistrantListQuery,
        response: { 200: RegistrantPage, ...errorResponses },
      },
    },
    async (req) => listRegistrants(deps.db, actorOf(req), req.params.eventId, req.query),
  );
  for (const decision of ['approve', 'reject'] as const)
    app.post(
      `/api/v1/forums/events/:eventId/registrations/:registrationId/${decision}`,
      {
        schema: {
          operationId: `forums.${decision}Registration`,
          tags,
          summary:
            decision === 'approve'
              ? 'Approve a pending registration (the Centre): a place if one is free, else the waitlist'
              : 'Reject a registration (the Centre); a place it held goes to the waitlist',
          params: RegistrationParams,
          response: ok,
        },
      },
      async (req) => {
        await registration.decide(deps, ctx(req), req.params.eventId, req.params.registrationId, decision);
        return view(req, req.params.eventId);
      },
    );

  // ---- calendar feeds ----
  app.get(
    '/api/v1/me/forum-feeds',
    {
      schema: {
        operationId: 'forums.listFeeds',
        tags,
        summary: 'My calendar feeds of the series (their URLs are shown only when made)',
        response: { 200: ForumFeedList, ...errorResponses },
      },
    },
    async (req) => feeds.listFeeds(deps.db, actorOf(req)),
  );
  app.post(
    '/api/v1/me/forum-feeds',
    {
      schema: {
        operationId: 'forums.createFeed',
        tags,
        summary: 'Make a private calendar feed URL of the series (only its hash is kept)',
        response: { 201: CreatedForumFeedView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await feeds.createFeed(deps.db, ctx(req), deps.config.baseUrl)),
  );
  app.delete(
    '/api/v1/me/forum-feeds/:feedId',
    {
      schema: {
        operationId: 'forums.revokeFeed',
        tags,
        summary: 'Revoke one of my calendar feeds: its URL answers 404 from now on',
        params: FeedParams,
        response: { 200: ForumFeedList, ...errorResponses },
      },
    },
    async (req) => {
      await feeds.revokeFeed(deps.db, ctx(req), req.params.feedId);
      return feeds.listFeeds(deps.db, actorOf(req));
    },
  );
  app.get(
    '/api/v1/forums/feed/:token',
    {
      schema: {
        operationId: 'forums.feed',
        tags,
        summary:
          'The series as an iCalendar feed, for calendar apps: public, the token is the key (404 when unknown or revoked)',
        params: FeedTokenParams,
        produces: ['text/calendar', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await feeds.feedCalendar(deps.db, req.params.token, deps.config.baseUrl)),
  );
}
