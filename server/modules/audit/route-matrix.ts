/** The audit module's routes in the authorisation matrix; server/test/route-matrix.ts collects every module's. */
import { adminOnly, type RouteCase } from '../../test/route-matrix-kit.ts';

export const ROUTES: RouteCase[] = [
  {
    route: 'GET /api/v1/audit-events',
    paged: true,
    sample: async () => ({ url: '/api/v1/audit-events?limit=5' }),
    expected: adminOnly(200),
  },
];
