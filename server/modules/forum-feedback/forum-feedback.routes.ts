import { z } from 'zod';
import {
  EventParams,
  SummaryPrintQuery,
  SummaryView,
  SurveyAnswerBody,
  SurveyView,
  UpdateSummaryBody,
  UpdateSurveyBody,
} from '../../../common/forum-feedback-api.ts';
import { csvLanguageOf } from '../../platform/csv-locale.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses, requestContext } from '../../platform/http.ts';
import { pdfRendererFor } from '../reports/index.ts';
import * as summaries from './summary.service.ts';
import { summaryHtml } from './summary-html.ts';
import * as surveys from './survey.service.ts';

const tags = ['forum-feedback'];
const base = '/api/v1/forum-feedback/events/:eventId';

export function forumFeedbackRoutes(app: App, deps: Deps) {
  const ctx = (req: Parameters<typeof actorOf>[0]) => ({ ...requestContext(deps, req), actor: actorOf(req) });
  const pdfRenderer = pdfRendererFor(deps.config.chromiumPath);
  const pdf = () => pdfRenderer.available();

  app.get(
    `${base}/survey`,
    {
      schema: {
        operationId: 'forumFeedback.getSurvey',
        tags,
        summary:
          "A forum's anonymous survey: its questions and phase (opens an hour after the end, for 7 days); results for the Centre, and for attendees once closed, each question withheld below 5 answers. Attendees and the Centre only",
        params: EventParams,
        response: { 200: SurveyView, ...errorResponses },
      },
    },
    async (req) => surveys.getSurvey(deps, actorOf(req), req.params.eventId, deps.clock.now()),
  );
  app.put(
    `${base}/survey`,
    {
      schema: {
        operationId: 'forumFeedback.updateSurvey',
        tags,
        summary:
          "Replace the survey's questions (the Centre, before it opens; 409 SURVEY_ALREADY_OPEN after)",
        params: EventParams,
        body: UpdateSurveyBody,
        response: { 200: SurveyView, ...errorResponses },
      },
    },
    async (req) => surveys.updateSurvey(deps, ctx(req), req.params.eventId, req.body),
  );
  app.post(
    `${base}/survey/answers`,
    {
      schema: {
        operationId: 'forumFeedback.answerSurvey',
        tags,
        summary:
          'Answer the survey, once (attendees, while open). The answer is kept with no person and only the day; 409 ALREADY_ANSWERED on a second answer',
        params: EventParams,
        body: SurveyAnswerBody,
        response: { 201: SurveyView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await surveys.answerSurvey(deps, ctx(req), req.params.eventId, req.body)),
  );
  app.get(
    `${base}/summary`,
    {
      schema: {
        operationId: 'forumFeedback.getSummary',
        tags,
        summary:
          "The forum's summary: the published one for every member, the draft for the Centre; 404 when there is none",
        params: EventParams,
        response: { 200: SummaryView, ...errorResponses },
      },
    },
    async (req) => summaries.getSummary(deps, actorOf(req), req.params.eventId, pdf()),
  );
  app.post(
    `${base}/summary/generate`,
    {
      schema: {
        operationId: 'forumFeedback.generateSummary',
        tags,
        summary:
          "Write the bilingual draft from the event's data (date, venue, chair, organisations by sector, objectives, agenda, decisions) in the register of a police press release (the Centre; 409 once published)",
        params: EventParams,
        response: { 200: SummaryView, ...errorResponses },
      },
    },
    async (req) => summaries.generateSummary(deps, ctx(req), req.params.eventId, pdf()),
  );
  app.put(
    `${base}/summary`,
    {
      schema: {
        operationId: 'forumFeedback.updateSummary',
        tags,
        summary: 'Edit the summary (the Centre), draft or published',
        params: EventParams,
        body: UpdateSummaryBody,
        response: { 200: SummaryView, ...errorResponses },
      },
    },
    async (req) => summaries.updateSummary(deps, ctx(req), req.params.eventId, req.body, pdf()),
  );
  app.post(
    `${base}/summary/publish`,
    {
      schema: {
        operationId: 'forumFeedback.publishSummary',
        tags,
        summary: 'Publish the draft to the network (the Centre; 409 ALREADY_PUBLISHED)',
        params: EventParams,
        response: { 200: SummaryView, ...errorResponses },
      },
    },
    async (req) => summaries.publishSummary(deps, ctx(req), req.params.eventId, pdf()),
  );
  app.get(
    `${base}/summary/print`,
    {
      schema: {
        operationId: 'forumFeedback.printSummary',
        tags,
        summary:
          'The summary as the printable A4 page the PDF is made from (HTML, no script), in Thai or English',
        params: EventParams,
        querystring: SummaryPrintQuery,
        produces: ['text/html', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const html = await printable(
        req.params.eventId,
        actorOf(req),
        req.query.lang,
        req.headers['accept-language'],
      );
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );
  app.get(
    `${base}/summary.pdf`,
    {
      schema: {
        operationId: 'forumFeedback.summaryPdf',
        tags,
        summary:
          'The summary as an A4 PDF, printed by the reports’ headless Chromium; 503 PDF_UNAVAILABLE without Chromium',
        params: EventParams,
        querystring: SummaryPrintQuery,
        produces: ['application/pdf', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const html = await printable(
        req.params.eventId,
        actorOf(req),
        req.query.lang,
        req.headers['accept-language'],
      );
      const body = await pdfRenderer.render(html);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="tipnet-forum-summary-${req.params.eventId.slice(0, 8)}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .send(body as unknown as string);
    },
  );

  async function printable(
    eventId: string,
    actor: ReturnType<typeof actorOf>,
    lang: 'th' | 'en' | undefined,
    acceptLanguage: string | undefined,
  ) {
    const { event, row } = await summaries.readableSummary(deps.db, actor, eventId);
    const language = csvLanguageOf(lang, acceptLanguage);
    return summaryHtml(
      {
        title: language === 'th' ? row.titleTh : row.titleEn,
        eventTitle: language === 'th' ? event.titleTh : event.titleEn,
        body: language === 'th' ? row.bodyTh : row.bodyEn,
        state: row.state,
        publishedAt: row.publishedAt,
        eventStartsAt: event.startsAt,
      },
      language,
    );
  }
}
