import { ReviewQuery, ReviewView } from '../../../common/reports-api.ts';
import type { Deps } from '../../platform/deps.ts';
import { type App, actorOf, errorResponses } from '../../platform/http.ts';
import { review } from './reports.service.ts';

export function reportRoutes(app: App, deps: Deps) {
  const tags = ['reports'];
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
    async (req) => review(deps.db, actorOf(req), deps.clock.now(), req.query.period),
  );
}
