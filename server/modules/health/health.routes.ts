import { z } from 'zod';
import { ErrorBody } from '../../../common/api.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';
import { pdfReadiness } from '../reports/index.ts';

const Health = z.object({ status: z.enum(['ok', 'unavailable']) });
/**
 * Readiness with details. The PDF is optional: a server without Chromium is ready, and says so, so an
 * operator sees why the review's PDF button explains instead of printing.
 */
const Readiness = Health.extend({
  database: z.enum(['ok', 'unavailable']),
  pdf: z.object({
    chromium: z.enum(['found', 'missing']),
    /** Renders running now and waiting in the queue (more than the queue holds answer 503 PDF_BUSY). */
    running: z.number().int(),
    queued: z.number().int(),
  }),
});

export function healthRoutes(app: App, deps: Deps) {
  app.get(
    '/healthz',
    {
      schema: {
        operationId: 'health.live',
        tags: ['operations'],
        summary: 'The process is alive',
        response: { 200: Health, 400: ErrorBody },
      },
    },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        operationId: 'health.ready',
        tags: ['operations'],
        summary:
          'The database answers (503 when not); details say whether Chromium for the review PDF was found and how many PDFs are running and queued — the PDF is optional and never makes the server unready',
        // 400: a URL the router cannot read (frameworkErrorHandler), as on every route.
        response: { 200: Readiness, 400: ErrorBody, 503: Readiness },
      },
    },
    async (req, reply) => {
      const pdf = pdfReadiness(deps.config.chromiumPath);
      try {
        await deps.database.query('select 1');
        return { status: 'ok' as const, database: 'ok' as const, pdf };
      } catch (err) {
        req.log.warn({ err }, 'readiness check failed');
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, database: 'unavailable' as const, pdf });
      }
    },
  );
}
