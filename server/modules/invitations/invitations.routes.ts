import { z } from 'zod';
import {
  AcceptInvitationBody,
  CreateInvitationBody,
  Id,
  InvitationPreview,
  InvitationView,
  MeView,
  Page,
  PageQuery,
} from '../../../common/api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, errorResponses, requestContext, setSessionCookie } from '../../platform/http.ts';
import * as invitations from './invitations.service.ts';

const tags = ['invitations'];

export function invitationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/invitations',
    {
      schema: {
        operationId: 'invitations.list',
        tags,
        summary: 'Invitations (admins: all; organisation admins: their own organisation)',
        querystring: PageQuery.extend({ organisationId: Id.optional() }),
        response: { 200: Page(InvitationView), ...errorResponses },
      },
    },
    async (req) => invitations.listInvitations(deps, requestContext(deps, req), req.query),
  );
  app.post(
    '/api/v1/invitations',
    {
      schema: {
        operationId: 'invitations.create',
        tags,
        summary: 'Invite someone; they receive a one-time link valid 7 days',
        body: CreateInvitationBody,
        response: { 201: InvitationView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await invitations.createInvitation(deps, requestContext(deps, req), req.body)),
  );
  app.post(
    '/api/v1/invitations/:id/revoke',
    {
      schema: {
        operationId: 'invitations.revoke',
        tags,
        summary: 'Revoke a pending invitation',
        params: z.object({ id: Id }),
        response: { 200: InvitationView, ...errorResponses },
      },
    },
    async (req) => invitations.revokeInvitation(deps, requestContext(deps, req), req.params.id),
  );
  app.post(
    '/api/v1/invitations/preview',
    {
      schema: {
        operationId: 'invitations.preview',
        tags,
        summary: 'What an invitation link is for (public; the token stays out of URLs)',
        body: z.strictObject({ token: z.string().min(1).max(200) }),
        response: { 200: InvitationPreview, ...errorResponses },
      },
    },
    async (req) => invitations.previewInvitation(deps, requestContext(deps, req), req.body.token),
  );
  app.post(
    '/api/v1/invitations/accept',
    {
      schema: {
        operationId: 'invitations.accept',
        tags,
        summary: 'Accept an invitation: set name and password, and sign in',
        body: AcceptInvitationBody,
        response: { 200: MeView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { me, sessionToken } = await invitations.acceptInvitation(
        deps,
        requestContext(deps, req),
        req.body,
      );
      setSessionCookie(deps, reply, sessionToken);
      return me;
    },
  );
}
