import { z } from 'zod';
import { ReviewQuery, ReviewView } from '../../../common/reports-api.ts';
import { csvLanguageOf } from '../../platform/csv-locale.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses } from '../../platform/http.ts';
import { pdfRendererFor } from './pdf/renderer.ts';
import { reviewHtml } from './pdf/review-html.ts';
import { DASHBOARD_ROWS, review } from './reports.service.ts';
import { reviewWorkbook } from './workbook.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportRoutes(app: App, deps: Deps) {
  const tags = ['reports'];
  /** Chromium is the one optional system package: without it everything but the PDF works. */
  const pdfRenderer = pdfRendererFor(deps.config.chromiumPath);
  app.get(
    '/api/v1/reports/review',
    {
      schema: {
        operationId: 'reports.review',
        tags,
        summary:
          'The dashboard and yearly review for a period (default: the current Thai fiscal year): network, coverage gaps and problems sections, with the previous period for comparison. The Centre sees every agency; an organisation its own figures against the network median, small counts suppressed.',
        querystring: ReviewQuery,
        response: { 200: ReviewView, ...errorResponses },
      },
    },
    async (req) =>
      review(deps.db, actorOf(req), deps.clock.now(), req.query.period, {
        pdfAvailable: pdfRenderer.available(),
        rowsPerTable: DASHBOARD_ROWS,
      }),
  );
  app.get(
    '/api/v1/reports/review.xlsx',
    {
      schema: {
        operationId: 'reports.reviewWorkbook',
        tags,
        summary:
          'The same review as an Excel workbook: one sheet per section, headers in the reader’s language (lang=th: Thai, Buddhist-Era dates), numbers as numbers',
        querystring: ReviewQuery,
        produces: [XLSX, 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const view = await review(deps.db, actorOf(req), deps.clock.now(), req.query.period);
      const language = csvLanguageOf(req.query.lang, req.headers['accept-language']);
      const body = await reviewWorkbook(view, language);
      return (
        reply
          .type(XLSX)
          .header('content-disposition', `attachment; filename="tipnet-review-${view.period.code}.xlsx"`)
          .header('cache-control', 'no-store')
          // A Buffer goes out as is: Fastify never runs the response serializer on one.
          .send(body as unknown as string)
      );
    },
  );
  app.get(
    '/api/v1/reports/review.pdf',
    {
      schema: {
        operationId: 'reports.reviewPdf',
        tags,
        summary:
          'The review as an A4 PDF (cover, summary written from the figures, each section, notes on method), printed by headless Chromium from server-side HTML; 503 PDF_UNAVAILABLE when the server has no Chromium, PDF_BUSY when too many are queued',
        querystring: ReviewQuery,
        produces: ['application/pdf', 'application/json'],
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const view = await review(deps.db, actorOf(req), deps.clock.now(), req.query.period, {
        pdfAvailable: true,
      });
      const language = csvLanguageOf(req.query.lang, req.headers['accept-language']);
      const pdf = await pdfRenderer.render(reviewHtml(view, language));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="tipnet-review-${view.period.code}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf as unknown as string);
    },
  );
}
