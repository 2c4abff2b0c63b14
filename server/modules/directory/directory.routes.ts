import { z } from 'zod';
import {
  ContactSheetParams,
  ContactSheetQuery,
  ContactSheetView,
  ExportOrganisationsQuery,
  ExportPeopleQuery,
  FinderQuery,
  FinderView,
  TaxonomiesView,
  VerificationQueueView,
} from '../../../common/directory-api.ts';
import { DIRECTORY_TAXONOMIES } from '../../../common/directory-taxonomies.ts';
import { csvLanguageOf } from '../../platform/csv-locale.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses } from '../../platform/http.ts';
import { authorize } from '../../platform/policy.ts';
import { provinceContactSheet } from './contact-sheet.ts';
import { organisationsCsv, peopleCsv } from './exports.ts';
import { findHelp } from './finder.ts';
import { verificationQueue } from './verification.ts';
import { viewerOf } from './visibility.ts';

const tags = ['directory'];

const sendCsv = (reply: import('fastify').FastifyReply, name: string, csv: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store')
    .send(csv);

export function directoryRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/taxonomies',
    {
      schema: {
        operationId: 'directory.taxonomies',
        tags,
        summary: 'Directory taxonomies (codes never change; labels in Thai and English may)',
        response: { 200: TaxonomiesView, ...errorResponses },
      },
    },
    async (req) => {
      authorize(actorOf(req), 'directory.read', undefined);
      return DIRECTORY_TAXONOMIES;
    },
  );
  app.get(
    '/api/v1/directory/verification-queue',
    {
      schema: {
        operationId: 'directory.verificationQueue',
        tags,
        summary:
          'Entries whose contact fields changed since the Centre verified them, each with the fields, the verified and the current values (admins); re-verify with POST /organizations/{id}/verify',
        response: { 200: VerificationQueueView, ...errorResponses },
      },
    },
    async (req) => verificationQueue(deps.db, actorOf(req)),
  );
  app.get(
    '/api/v1/directory/finder',
    {
      schema: {
        operationId: 'directory.find',
        tags,
        summary:
          'Who can help: organisations offering a service in a province, province-specific first, then language, 24-hour hotline, verified',
        querystring: FinderQuery,
        response: { 200: FinderView, ...errorResponses },
      },
    },
    async (req) => findHelp(deps.db, viewerOf(actorOf(req)), deps.clock.now(), req.query),
  );
  app.get(
    '/api/v1/directory/provinces/:code/contact-sheet',
    {
      schema: {
        operationId: 'directory.provinceContactSheet',
        tags,
        summary:
          'Printable contact sheet of a province: organisations working there or nationwide (list filters apply), with their contacts and active people as the viewer may see them',
        params: ContactSheetParams,
        querystring: ContactSheetQuery,
        response: { 200: ContactSheetView, ...errorResponses },
      },
    },
    async (req, reply) => {
      // Printed from shared office computers; it lists people's phone numbers, so nothing may keep it.
      reply.header('cache-control', 'no-store');
      return provinceContactSheet(
        deps.db,
        viewerOf(actorOf(req)),
        deps.clock.now(),
        req.params.code,
        req.query,
      );
    },
  );
  app.get(
    '/api/v1/organizations/export.csv',
    {
      schema: {
        operationId: 'organizations.exportCsv',
        tags,
        summary:
          'Organisations as CSV (UTF-8 with BOM), same filters as the list, contacts as the viewer sees them',
        querystring: ExportOrganisationsQuery,
        produces: ['text/csv', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendCsv(
        reply,
        'tipnet-organisations.csv',
        await organisationsCsv(
          deps.db,
          viewerOf(actorOf(req)),
          deps.clock.now(),
          req.query,
          csvLanguageOf(req.query.lang, req.headers['accept-language']),
        ),
      ),
  );
  app.get(
    '/api/v1/people/export.csv',
    {
      schema: {
        operationId: 'people.exportCsv',
        tags,
        summary: 'People as CSV (UTF-8 with BOM); personal contacts only as the viewer may see them',
        querystring: ExportPeopleQuery,
        produces: ['text/csv', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) =>
      sendCsv(
        reply,
        'tipnet-people.csv',
        await peopleCsv(
          deps.db,
          viewerOf(actorOf(req)),
          req.query,
          csvLanguageOf(req.query.lang, req.headers['accept-language']),
        ),
      ),
  );
}
