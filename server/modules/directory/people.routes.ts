import { z } from 'zod';
import { Id, Page } from '../../../common/api.ts';
import {
  CreatePersonBody,
  HandoverBody,
  HandoverView,
  PeopleListQuery,
  PersonView,
  UpdatePersonBody,
} from '../../../common/directory-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import * as peopleService from './people.service.ts';
import { personVcard } from './vcard.ts';
import { viewerOf } from './visibility.ts';

const tags = ['people'];
const params = z.object({ id: Id });

export function peopleRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/people',
    {
      schema: {
        operationId: 'people.list',
        tags,
        summary: 'People of the network, by Thai name; personal contacts as the viewer may see them',
        querystring: PeopleListQuery,
        response: { 200: Page(PersonView), ...errorResponses },
      },
    },
    async (req) => peopleService.listPeople(deps.db, viewerOf(actorOf(req)), req.query),
  );
  app.post(
    '/api/v1/people',
    {
      schema: {
        operationId: 'people.create',
        tags,
        summary: 'Add a person to an organisation (its org admins, or admins)',
        body: CreatePersonBody,
        response: { 201: PersonView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await peopleService.createPerson(deps, requestContext(deps, req), req.body)),
  );
  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        operationId: 'people.get',
        tags,
        summary: 'One person',
        params,
        response: { 200: PersonView, ...errorResponses },
      },
    },
    async (req) => peopleService.getPerson(deps.db, viewerOf(actorOf(req)), req.params.id),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        operationId: 'people.update',
        tags,
        summary: 'Edit a person, their focal-point topics, or mark them as having left (`active: false`)',
        params,
        body: UpdatePersonBody,
        response: { 200: PersonView, ...errorResponses },
      },
    },
    async (req) => peopleService.updatePerson(deps, requestContext(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/people/:id/anonymise',
    {
      schema: {
        operationId: 'people.anonymise',
        tags,
        summary: 'Erase the personal details of someone who left, keeping their focal-point history (PDPA)',
        params,
        response: { 200: PersonView, ...errorResponses },
      },
    },
    async (req) => peopleService.anonymisePerson(deps, requestContext(deps, req), req.params.id),
  );
  app.post(
    '/api/v1/people/:id/handover',
    {
      schema: {
        operationId: 'people.handover',
        tags,
        summary: "Move all of a person's open focal-point roles to a colleague, keeping the history",
        params,
        body: HandoverBody,
        response: { 200: HandoverView, ...errorResponses },
      },
    },
    async (req) =>
      peopleService.handOver(deps, requestContext(deps, req), req.params.id, req.body.toPersonId),
  );
  app.get(
    '/api/v1/people/:id/vcard',
    {
      schema: {
        operationId: 'people.vcard',
        tags,
        summary: 'The person as a vCard 3.0 (text/vcard), with only what the viewer may see',
        params,
        produces: ['text/vcard', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const person = await peopleService.getPerson(deps.db, viewerOf(actorOf(req)), req.params.id);
      const filename = `person-${person.id}.vcf`;
      return (
        reply
          .type('text/vcard; charset=utf-8')
          .header('content-disposition', `attachment; filename="${filename}"`)
          // Personal phone numbers: never kept by a shared computer's browser or a proxy.
          .header('cache-control', 'no-store')
          .send(personVcard(person))
      );
    },
  );
}
