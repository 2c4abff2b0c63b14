import { z } from 'zod';
import { ErrorBody } from '../../../common/api.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http.ts';

const Health = z.object({ status: z.enum(['ok', 'unavailable']) });

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
        summary: 'The database answers',
        // 400: a URL the router cannot read (frameworkErrorHandler), as on every route.
        response: { 200: Health, 400: ErrorBody, 503: Health },
      },
    },
    async (req, reply) => {
      try {
        await deps.database.query('select 1');
        return { status: 'ok' as const };
      } catch (err) {
        req.log.warn({ err }, 'readiness check failed');
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );
}
