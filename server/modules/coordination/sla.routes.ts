import { z } from 'zod';
import { RequestParams, UnitParams } from '../../../common/coordination-api.ts';
import {
  AddHolidayBody,
  CreateSlaPolicyBody,
  HolidayList,
  HolidayListQuery,
  HolidayParams,
  HolidayView,
  MetricsCsvQuery,
  MetricsQuery,
  MetricsView,
  RateRequestBody,
  RatingView,
  SlaPolicyList,
  SlaPolicyView,
  UnitResponseTimesView,
} from '../../../common/coordination-sla-api.ts';
import { csvLanguageOf } from '../../platform/csv-locale.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import { coordinationMetrics, metricsCsv, unitResponseTimes } from './metrics.service.ts';
import { rateRequest } from './ratings.service.ts';
import * as settings from './sla-settings.service.ts';

const tags = ['coordination'];

export function slaRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });

  app.get(
    '/api/v1/coordination/holidays',
    {
      schema: {
        operationId: 'coordination.listHolidays',
        tags,
        summary: 'The public holidays business-hours SLA clocks skip, optionally of one year',
        querystring: HolidayListQuery,
        response: { 200: HolidayList, ...errorResponses },
      },
    },
    async (req) => settings.listHolidays(deps.db, actorOf(req), req.query.year),
  );
  app.post(
    '/api/v1/coordination/holidays',
    {
      schema: {
        operationId: 'coordination.addHoliday',
        tags,
        summary: 'Add a public holiday (the Centre); 409 when the day is one already',
        body: AddHolidayBody,
        response: { 201: HolidayView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await settings.addHoliday(deps.db, ctx(req), req.body)),
  );
  app.delete(
    '/api/v1/coordination/holidays/:day',
    {
      schema: {
        operationId: 'coordination.removeHoliday',
        tags,
        summary: 'Remove a public holiday (the Centre)',
        params: HolidayParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await settings.removeHoliday(deps.db, ctx(req), req.params.day);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/coordination/sla-policies',
    {
      schema: {
        operationId: 'coordination.listSlaPolicies',
        tags,
        summary: 'SLA target versions, newest (the one new requests take) first',
        response: { 200: SlaPolicyList, ...errorResponses },
      },
    },
    async (req) => settings.listSlaPolicies(deps.db, actorOf(req)),
  );
  app.post(
    '/api/v1/coordination/sla-policies',
    {
      schema: {
        operationId: 'coordination.createSlaPolicy',
        tags,
        summary: 'Save new SLA targets as the next version (the Centre); open requests keep theirs',
        body: CreateSlaPolicyBody,
        response: { 201: SlaPolicyView, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await settings.createSlaPolicy(deps.db, ctx(req), req.body)),
  );
  app.put(
    '/api/v1/coordination/requests/:id/rating',
    {
      schema: {
        operationId: 'coordination.rateRequest',
        tags,
        summary: 'Rate the response to a done request, 1–5 (requesting organisation); changeable for 7 days',
        params: RequestParams,
        body: RateRequestBody,
        response: { 200: RatingView, ...errorResponses },
      },
    },
    async (req) => rateRequest(deps.db, ctx(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/coordination/units/:id/response-times',
    {
      schema: {
        operationId: 'coordination.unitResponseTimes',
        tags,
        summary:
          "A unit's median and p90 time to acknowledge and accept over the last 90 days; none below 5 requests",
        params: UnitParams,
        response: { 200: UnitResponseTimesView, ...errorResponses },
      },
    },
    async (req) => unitResponseTimes(deps.db, actorOf(req), req.params.id, deps.clock.now()),
  );
  app.get(
    '/api/v1/coordination/metrics',
    {
      schema: {
        operationId: 'coordination.metrics',
        tags,
        summary:
          'Per unit or organisation: median and p90 time to acknowledge, accept and outcome; breach rate; declines, forwards, outcomes, ratings',
        querystring: MetricsQuery,
        response: { 200: MetricsView, ...errorResponses },
      },
    },
    async (req) => coordinationMetrics(deps.db, actorOf(req), req.query, deps.clock.now()),
  );
  app.get(
    '/api/v1/coordination/metrics.csv',
    {
      schema: {
        operationId: 'coordination.metricsCsv',
        tags,
        summary: 'The coordination metrics as CSV (Thai headers for Thai readers)',
        querystring: MetricsCsvQuery,
        produces: ['text/csv', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { lang, ...query } = req.query;
      const csv = metricsCsv(
        await coordinationMetrics(deps.db, actorOf(req), query, deps.clock.now()),
        csvLanguageOf(lang, req.headers['accept-language']),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="tipnet-coordination-metrics.csv"')
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
