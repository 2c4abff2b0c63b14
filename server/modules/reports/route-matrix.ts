/** The reports module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { type RouteCase, signedIn } from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/reports/review',
    sample: async () => ({ url: '/api/v1/reports/review?period=fiscal-2570' }),
    expected: signedIn(200),
  },
  {
    route: 'GET /api/v1/reports/review.xlsx',
    sample: async () => ({ url: '/api/v1/reports/review.xlsx?period=year-2569&lang=th' }),
    expected: signedIn(200),
  },
];
