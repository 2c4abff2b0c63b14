import { z } from 'zod';
import { Id } from '../../../common/api.ts';
import {
  CreateOrganisationBody,
  OrganisationDetail,
  OrganisationListPage,
  OrganisationListQuery,
  UpdateOrganisationBody,
  VerifyOrganisationQuery,
} from '../../../common/directory-api.ts';
import { sendSerialisedOnce } from '../../platform/cache/serialised-once.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, cacheOptionsOf, errorResponses, requestContext } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import * as organisationService from './organisations.service.ts';
import { listOrganisationsCached } from './search.ts';
import { viewerOf } from './visibility.ts';

const tags = ['organisations'];
const params = z.object({ id: Id });

export function organisationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/organizations',
    {
      schema: {
        operationId: 'organizations.list',
        tags,
        summary:
          'The directory: search (`q`, Thai or English, prefix while typing) and filters; without `q` by English name. Served from a cache checked against the database on every request; `Cache-Control: no-cache` recomputes (a few times a minute per user; then the cache serves)',
        querystring: OrganisationListQuery,
        response: { 200: OrganisationListPage, ...errorResponses },
      },
    },
    async (req, reply) => {
      authorize(actorOf(req), 'organisation.list', undefined);
      const page = await listOrganisationsCached(
        deps.db,
        deps.clock.now(),
        req.query,
        cacheOptionsOf(deps, req),
      );
      return sendSerialisedOnce(reply, OrganisationListPage, page);
    },
  );
  app.post(
    '/api/v1/organizations',
    {
      schema: {
        operationId: 'organizations.create',
        tags,
        summary: 'Add an organisation to the network (admins)',
        body: CreateOrganisationBody,
        response: { 201: OrganisationDetail, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await organisationService.createOrganisation(deps, requestContext(deps, req), req.body)),
  );
  app.get(
    '/api/v1/organizations/:id',
    {
      schema: {
        operationId: 'organizations.get',
        tags,
        summary: 'Organisation page: contacts, people, focal points (vacant roles too) and change history',
        params,
        response: { 200: OrganisationDetail, ...errorResponses },
      },
    },
    async (req) =>
      organisationService.getOrganisationDetail(
        deps.db,
        viewerOf(actorOf(req)),
        deps.clock.now(),
        req.params.id,
      ),
  );
  app.patch(
    '/api/v1/organizations/:id',
    {
      schema: {
        operationId: 'organizations.update',
        tags,
        summary: 'Edit an organisation (its org admins, or admins); 409 VERSION_CONFLICT if `version` is old',
        params,
        body: UpdateOrganisationBody,
        response: { 200: OrganisationDetail, ...errorResponses },
      },
    },
    async (req) =>
      organisationService.updateOrganisation(deps, requestContext(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/organizations/:id/verify',
    {
      schema: {
        operationId: 'organizations.verify',
        tags,
        summary:
          'Mark the entry verified by the Centre (admins): its contact fields as they are become the verified ones; with `seen` (from the review queue) only if they are still those, else 409 CONTACTS_CHANGED_AGAIN',
        params,
        querystring: VerifyOrganisationQuery,
        response: { 200: OrganisationDetail, ...errorResponses },
      },
    },
    async (req) =>
      organisationService.markOrganisation(
        deps,
        requestContext(deps, req),
        req.params.id,
        'verified',
        req.query.seen,
      ),
  );
  app.post(
    '/api/v1/organizations/:id/review',
    {
      schema: {
        operationId: 'organizations.review',
        tags,
        summary: 'Confirm the entry is still accurate (admins, or its org admins); restarts the 180 days',
        params,
        response: { 200: OrganisationDetail, ...errorResponses },
      },
    },
    async (req) =>
      organisationService.markOrganisation(deps, requestContext(deps, req), req.params.id, 'reviewed'),
  );
}
