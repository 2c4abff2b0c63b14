/** The reports module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { existsSync } from 'node:fs';
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
  {
    route: 'GET /api/v1/reports/review.pdf',
    sample: async () => ({ url: '/api/v1/reports/review.pdf?period=year-2569&lang=th' }),
    // Chromium is optional: where it is missing every signed-in role gets the same 503.
    expected: (who) =>
      who === 'anonymous' ? 401 : existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium') ? 200 : 503,
  },
];
